package io.moiety.train;

/**
 * Observer of a training run (in the spirit of DJL's {@code TrainingListener}, which receives the
 * trainer): progress display, metrics logging, checkpointing, early stopping and the time limit
 * are separate listeners of one loop, each given a read-only {@link TrainingView} of it.
 * All methods have empty defaults.
 */
public interface TrainingListener {

    /** Called once before the first step of this session ({@code loop.history()} is non-empty when resuming). */
    default void onTrainingStart(TrainingView loop) {}

    /** Called after every optimisation step. */
    default void onStep(StepResult step) {}

    /** Called after each epoch's validation; {@code loop.history()} ends with {@code result}. */
    default void onEpochEnd(TrainingView loop, EpochResult result) {}

    /**
     * Why the run should stop now (checked at the start and after every epoch), or null to go on;
     * the first listener giving a reason ends the run and its reason is recorded in the checkpoint.
     */
    default String stopReason(TrainingView loop) { return null; }

    /** Called once when the loop ends, normally or because a listener stopped it. */
    default void onTrainingEnd(TrainingView loop, String reason) {}
}
