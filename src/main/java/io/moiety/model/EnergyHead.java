package io.moiety.model;

import ai.djl.ndarray.NDArray;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.Constants;

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
 * formed in double. No trainable parameters.
 */
public record EnergyHead(ReferenceEnergies references, Normalisation normalisation) {

    /** Identity normalisation and zero references. */
    public static EnergyHead identity() {
        return new EnergyHead(ReferenceEnergies.zero(), Normalisation.identity());
    }

    /** Per-atom relative energies in eV, {@code [N]}: {@code scale·ε + shift}. */
    public NDArray atomEnergies(GraphBatch batch, NDArray normalised) {
        Constants c = batch.constants();
        return normalised.mul(c.scalar(normalisation.scale())).add(c.scalar(normalisation.shift()));
    }

    /** Relative energies per graph, eV, {@code [G]}: total energy minus {@link #referenceEnergies}. */
    public NDArray relativeEnergies(GraphBatch batch, NDArray normalised) {
        return batch.atomsToGraphs().sum(atomEnergies(batch, normalised).expandDims(1)).reshape(batch.numGraphs());
    }

    /** Σ E_ref(Z_i) per graph, eV, in double precision (host side). */
    public double[] referenceEnergies(GraphBatch batch) {
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
        return normalisedForces.mul(batch.constants().scalar(normalisation.scale()));
    }
}
