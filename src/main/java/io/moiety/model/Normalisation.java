package io.moiety.model;

import io.moiety.data.Frame;
import java.util.List;

/**
 * Per-atom output scaling: a network's normalised per-atom output ε_i becomes
 * {@code scale·ε_i + shift} (eV). {@code shift} is the mean per-atom energy after subtracting
 * reference energies; {@code scale} the RMS force component (eV/Å, which makes the force
 * targets O(1); falls back to the per-atom energy spread without forces). Persisted state, not trained.
 */
public record Normalisation(double shift, double scale) {

    public Normalisation {
        if (!(scale > 0) || !Double.isFinite(shift)) {
            throw new IllegalArgumentException("normalisation needs a finite shift and scale > 0, got " + shift + ", " + scale);
        }
    }

    /** No scaling. */
    public static Normalisation identity() { return new Normalisation(0, 1); }

    /** Statistics of the labelled frames after removing {@code refs}. */
    public static Normalisation fit(List<Frame> frames, ReferenceEnergies refs) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        double f2 = 0;
        long fn = 0;
        for (Frame f : frames) {
            if (f.hasEnergy()) {
                double perAtom = (f.energy() - refs.total(f.structure().atomicNumbers())) / f.size();
                sum += perAtom;
                sumSq += perAtom * perAtom;
                n++;
            }
            if (f.hasForces()) {
                for (double v : f.forces()) {
                    f2 += v * v;
                }
                fn += f.forces().length;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no frame with an energy for the normalisation statistics");
        }
        double mean = sum / n;
        double scale;
        if (fn > 0 && f2 > 0) {
            scale = Math.sqrt(f2 / fn);
        } else {
            double var = sumSq / n - mean * mean;
            scale = var > 1e-12 ? Math.sqrt(var) : 1.0;
        }
        return new Normalisation(mean, scale);
    }
}
