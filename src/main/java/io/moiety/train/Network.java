package io.moiety.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.moiety.chem.Structure;
import java.util.List;
import java.util.Map;

/**
 * What the training loop needs from a network potential: its trainable parameters and a
 * differentiable forward pass giving energies (eV) and conservative forces (eV/Å).
 */
public interface Network {

    /** Model name for logs and checkpoints (e.g. {@code schnet-small}). */
    String name();

    /** Floating type of parameters and inputs. */
    DataType dataType();

    /** Trainable parameters by name (live arrays that require gradients), in a fixed order. */
    Map<String, NDArray> parameters();

    /**
     * Forward pass over a batch.
     *
     * @param structures the batch
     * @param parent     manager under which every array of the pass is created; the caller closes it
     * @param training   true: forces keep their graph so a force loss can be back-propagated
     * @return energies relative to the per-element references {@code [B]} (eV), the reference sums
     *         (eV, double) and forces {@code [N, 3]} (eV/Å), atoms in batch order
     */
    Output forward(List<Structure> structures, NDManager parent, boolean training);

    /**
     * Outputs of {@link #forward}: the total energy of structure k is
     * {@code relativeEnergies[k] + referenceEnergies[k]}. Totals are only ever formed in double on
     * the host, so large molecular total energies are not rounded to float32.
     */
    record Output(NDArray relativeEnergies, double[] referenceEnergies, NDArray forces) {}
}
