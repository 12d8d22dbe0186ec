package io.moiety.model;

import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.moiety.model.graph.GraphBatch;

/**
 * A graph network mapping a {@link GraphBatch} to per-atom energies (normalised units),
 * differentiable w.r.t. the batch positions. All trainable parameters live in {@link #block()}
 * (a DJL block: initialise, save and load it, hand its parameters to an optimizer).
 * Implementations must use the primitives of {@code io.moiety.model.nn} (constants from the
 * batch, segment sums, {@code Tensors}) so that no DJL hazard can corrupt gradients or leak memory.
 */
public interface AtomisticModel {

    /** The configuration it was built from. */
    ModelConfig config();

    /** The DJL block holding every trainable parameter. */
    Block block();

    /**
     * Forward pass.
     *
     * @param batch    the batched graph
     * @param ps       parameter store (e.g. {@code new ParameterStore(batch.manager(), false)} or the trainer's)
     * @param training whether this is a training step
     */
    AtomOutputs forward(GraphBatch batch, ParameterStore ps, boolean training);

    /** Whether {@link AtomOutputs#directForces()} is produced. */
    default boolean hasDirectForces() { return false; }
}
