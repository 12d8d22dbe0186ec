package io.moiety.train;

import java.util.List;

/**
 * Observer of a training run (in the spirit of DJL's {@code TrainingListener}): progress display,
 * metrics logging, checkpointing and early stopping are separate listeners of one loop.
 * All methods have empty defaults.
 */
public interface TrainingListener {

    /**
     * Called once before the first step of this session.
     *
     * @param history       epochs already finished (non-empty when resuming)
     * @param maxEpochs     epoch limit
     * @param stepsPerEpoch optimisation steps per epoch
     */
    default void onTrainingStart(List<EpochResult> history, int maxEpochs, int stepsPerEpoch) {}

    /** Called after every optimisation step. */
    default void onStep(StepResult step) {}

    /** Called after each epoch's validation; {@code history} includes {@code result}. */
    default void onEpochEnd(EpochResult result, List<EpochResult> history) {}

    /** Whether the run should stop after the current epoch (early stopping). */
    default boolean stopRequested() { return false; }

    /** Called once when the loop ends, normally or by early stopping. */
    default void onTrainingEnd(List<EpochResult> history, String reason) {}
}
