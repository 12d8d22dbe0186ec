package io.moiety.model;

import ai.djl.ndarray.NDArray;

/**
 * Raw per-atom outputs of an {@link AtomisticModel} for one batch.
 *
 * @param energies     per-atom energies in normalised units, {@code [N]}
 * @param directForces per-atom force vectors in normalised units {@code [N, 3]} from the optional
 *                     direct (non-conservative) head; null when the model has none
 */
public record AtomOutputs(NDArray energies, NDArray directForces) {}
