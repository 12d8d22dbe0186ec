package io.moiety.train;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.metrics.ErrorAccumulator;
import io.moiety.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Labelled test frames from an analytic pair potential: Morse pairs between all atoms of a small
 * CH3OH-like molecule, randomly displaced. Energies (eV) and exact forces (eV/Å), so training
 * tests need no data files.
 */
final class ToyMolecules {
    private ToyMolecules() {}

    /** Methanol-like geometry: C, O, 4 H (Å). */
    static final int[] Z = {6, 8, 1, 1, 1, 1};
    static final double[] X0 = {
        0.000, 0.000, 0.000,
        1.420, 0.000, 0.000,
        -0.360, 1.030, 0.000,
        -0.360, -0.515, 0.890,
        -0.360, -0.515, -0.890,
        1.740, 0.900, 0.000};

    /** Errors of {@code predictions} against the labelled {@code frames}, in order. */
    static ErrorAccumulator errors(List<Frame> frames, List<Prediction> predictions) {
        ErrorAccumulator errors = new ErrorAccumulator();
        for (int i = 0; i < frames.size(); i++) {
            errors.add(frames.get(i), predictions.get(i).energy(), predictions.get(i).forces());
        }
        return errors;
    }

    /** {@code count} frames displaced by up to {@code amplitude} Å per coordinate. */
    static List<Frame> frames(int count, double amplitude, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Frame> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] x = X0.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += amplitude * (2 * rng.nextDouble() - 1);
            }
            double[] f = new double[x.length];
            double e = morse(x, f);
            out.add(Frame.of(Structure.molecule(Z, x), e, f));
        }
        return out;
    }

    /** Total energy (eV) with a per-element offset; fills forces. */
    static double morse(double[] x, double[] f) {
        int n = x.length / 3;
        double e = 0;
        for (int i = 0; i < n; i++) {
            e += Z[i] == 1 ? -13.6 : Z[i] == 6 ? -1025.0 : -2035.0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double d = 0.5 + 0.1 * (Z[i] + Z[j]) / 8.0;
                double a = 1.8;
                double r0 = 1.1 + 0.02 * (Z[i] + Z[j]);
                double ex = Math.exp(-a * (r - r0));
                e += d * (1 - ex) * (1 - ex) - d;
                double dEdr = 2 * d * a * (1 - ex) * ex;
                double[] u = {dx / r, dy / r, dz / r};
                for (int c = 0; c < 3; c++) {
                    f[3 * i + c] -= dEdr * u[c];
                    f[3 * j + c] += dEdr * u[c];
                }
            }
        }
        return e;
    }
}
