package io.moiety.train;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of a running {@link TrainingLoop}, handed to every {@link TrainingListener}
 * call: the epoch history and plan, and what a checkpoint of the current point holds. The arrays
 * are the loop's live ones: read them, do not change them.
 */
public interface TrainingView {

    /** Epochs finished so far, oldest first (including those of earlier sessions when resumed). */
    List<EpochResult> history();

    /** The epoch limit of the run. */
    int maxEpochs();

    /** Optimisation steps per epoch. */
    int stepsPerEpoch();

    /** Everything a checkpoint holds besides the arrays, for the current point of the run. */
    CheckpointState state();

    /** The live trainable weights by parameter name. */
    Map<String, NDArray> weights();

    /** The exponential moving averages of the weights, or null when the run keeps none. */
    Map<String, NDArray> emaWeights();

    /** The optimiser's moment arrays by name. */
    Map<String, NDArray> optimizerMoments();

    /** The weights to predict with: the EMA averages, or the live weights without EMA. */
    default Map<String, NDArray> inferenceWeights() {
        return emaWeights() == null ? weights() : emaWeights();
    }
}
