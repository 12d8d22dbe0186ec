package io.moiety.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.Constants;

/**
 * Turns normalised per-atom outputs into total energies (eV):
 * {@code E_g = Σ_{i∈g} (scale·ε_i + shift) + Σ_{i∈g} E_ref(Z_i)}. The statistics are
 * batch constants, so the head has no trainable parameters.
 */
public record EnergyHead(ReferenceEnergies references, Normalisation normalisation) {

    /** Identity normalisation and zero references. */
    public static EnergyHead identity() {
        return new EnergyHead(ReferenceEnergies.zero(), Normalisation.identity());
    }

    /** Per-atom energies in eV, {@code [N]} (scale·ε + shift + E_ref(Z)). */
    public NDArray atomEnergies(GraphBatch batch, NDArray normalised) {
        Constants c = batch.constants();
        int[] z = batch.atomicNumbersArray();
        double[] ref = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            ref[i] = references.of(z[i]) + normalisation.shift();
        }
        return normalised.mul(c.scalar(normalisation.scale())).add(c.array(ref, new Shape(z.length)));
    }

    /** Total energies per graph, eV, {@code [G]}. */
    public NDArray totalEnergies(GraphBatch batch, NDArray normalised) {
        return batch.atomsToGraphs().sum(atomEnergies(batch, normalised).expandDims(1)).reshape(batch.numGraphs());
    }

    /** Direct-head forces in eV/Å: {@code scale·f}. */
    public NDArray forces(GraphBatch batch, NDArray normalisedForces) {
        return normalisedForces.mul(batch.constants().scalar(normalisation.scale()));
    }
}
