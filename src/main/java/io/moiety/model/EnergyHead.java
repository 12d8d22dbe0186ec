package io.moiety.model;

import ai.djl.ndarray.NDArray;
import io.moiety.chem.Element;
import io.moiety.data.Frame;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.Constants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns normalised per-atom outputs into energies (eV):
 * {@code E_g = Σ_{i∈g} (scale·ε_i + shift) + Σ_{i∈g} E_ref(Z_i)}. The first sum is the network's
 * <em>relative</em> energy, computed on the device in the model's dtype; the reference sum is a
 * constant of the composition and is kept on the host in double precision. Total energies of
 * molecules are large (ethanol ≈ −4 200 eV at DFT level, where one float32 step is 0.49 meV; a C13
 * alkane ≈ −13 800 eV, 0.98 meV), so adding them on the device in float32 would round every
 * prediction and every energy label by up to half a step, a floor comparable to the best published
 * energy errors (MACE: 0.4 meV on ethanol). Instead the totals are formed in double
 * ({@link #totalEnergies}) and the loss compares relative energies with {@code E_label − Σ E_ref}
 * formed in double. No trainable parameters; a checkpoint stores the head as this record.
 *
 * @param referenceEnergies element Z → reference energy E_ref(Z) (eV; least squares on the training
 *                          energies, or isolated-atom energies); elements without one contribute 0
 * @param shift             mean per-atom energy left after the references (eV/atom)
 * @param scale             factor on the network's normalised per-atom outputs: the RMS training force
 *                          component (eV/Å, which makes the force targets O(1)), or the per-atom energy
 *                          spread without forces
 * @param source            where the references come from: {@link #LEAST_SQUARES}, or
 *                          {@link #ISOLATED} and the file they were read from, or another description
 */
public record EnergyHead(Map<Integer, Double> referenceEnergies, double shift, double scale, String source) {

    /** {@link #source} of references fitted on the training energies. */
    public static final String LEAST_SQUARES = "least-squares";
    /** Start of the {@link #source} of isolated-atom references, followed by their origin. */
    public static final String ISOLATED = "isolated atoms from ";

    public EnergyHead {
        referenceEnergies = Collections.unmodifiableMap(new TreeMap<>(referenceEnergies));
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(shift)) {
            throw new IllegalArgumentException("the energy head needs a finite shift and a finite scale > 0, got shift "
                    + shift + ", scale " + scale);
        }
    }

    /** Identity normalisation and zero references. */
    public static EnergyHead identity() {
        return new EnergyHead(Map.of(), 0, 1, "none");
    }

    /**
     * The head with references {@code refs} and the shift and scale of the labelled frames after
     * removing them: shift = mean per-atom energy, scale = RMS force component (else the per-atom
     * energy spread, else 1).
     */
    public static EnergyHead fit(List<Frame> frames, ReferenceEnergies refs, String source) {
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
        return new EnergyHead(refs.asMap(), mean, scale, source);
    }

    /** The reference energies as a lookup by Z. */
    public ReferenceEnergies references() {
        return ReferenceEnergies.of(referenceEnergies);
    }

    /** Whether the reference energies are isolated-atom energies (not fitted). */
    public boolean fromIsolatedAtoms() {
        return source.startsWith(ISOLATED);
    }

    /** {@code "E0 (isolated atoms from FILE): H -10.707000 eV, C -48.847000 eV"}: for logs and reports. */
    public String describeReferences() {
        List<String> parts = new ArrayList<>();
        referenceEnergies.forEach((z, e) -> parts.add(Element.ofZ(z).symbol() + " "
                + String.format(Locale.ROOT, "%.6f", e) + " eV"));
        return "E0 (" + source + "): " + String.join(", ", parts);
    }

    /** Per-atom relative energies in eV, {@code [N]}: {@code scale·ε + shift}. */
    public NDArray atomEnergies(GraphBatch batch, NDArray normalised) {
        Constants c = batch.constants();
        return normalised.mul(c.scalar(scale)).add(c.scalar(shift));
    }

    /** Relative energies per graph, eV, {@code [G]}: total energy minus {@link #referenceEnergies}. */
    public NDArray relativeEnergies(GraphBatch batch, NDArray normalised) {
        return batch.atomsToGraphs().sum(atomEnergies(batch, normalised).expandDims(1)).reshape(batch.numGraphs());
    }

    /** Σ E_ref(Z_i) per graph, eV, in double precision (host side). */
    public double[] referenceEnergies(GraphBatch batch) {
        ReferenceEnergies references = references();
        int[] z = batch.atomicNumbersArray();
        int[] offsets = batch.offsets();
        int[] counts = batch.atomsPerGraph();
        double[] out = new double[counts.length];
        for (int g = 0; g < counts.length; g++) {
            double sum = 0;
            for (int i = offsets[g]; i < offsets[g] + counts[g]; i++) {
                sum += references.of(z[i]);
            }
            out[g] = sum;
        }
        return out;
    }

    /** Total energies, eV, in double: {@code relative + references} added on the host. */
    public static double[] totalEnergies(double[] relative, double[] references) {
        if (relative.length != references.length) {
            throw new IllegalArgumentException(relative.length + " relative energies for " + references.length + " graphs");
        }
        double[] out = new double[relative.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = relative[g] + references[g];
        }
        return out;
    }

    /** Direct-head forces in eV/Å: {@code scale·f}. */
    public NDArray forces(GraphBatch batch, NDArray normalisedForces) {
        return normalisedForces.mul(batch.constants().scalar(scale));
    }
}
