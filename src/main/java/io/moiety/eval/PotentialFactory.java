package io.moiety.eval;

import io.moiety.model.Potential;
import io.moiety.task.TaskSplit;
import java.nio.file.Path;
import java.util.Map;

/** Makes the fitted or trained potential for one benchmark cell. */
@FunctionalInterface
public interface PotentialFactory {
    /**
     * @param cell    which model, seed and overrides
     * @param split   the task's frames (train on {@code train}, stop early on {@code validation})
     * @param workDir folder for checkpoints and logs, shared by every cell with the same model, seed,
     *                overrides and training/validation frames (e.g. duplication and fission): a
     *                finished checkpoint there is reused instead of training again
     */
    Potential create(BenchCell cell, TaskSplit split, Path workDir) throws Exception;

    /**
     * What the cell's potential is built from besides the data and the cell's own fields, e.g. the
     * hash of a model configuration file's content; a finished cell recorded with another fingerprint
     * is not reused. Empty (the default) when there is nothing beyond the cell.
     */
    default String fingerprint(BenchCell cell) throws Exception {
        return "";
    }

    /**
     * Whether {@code model} is configured by dotted-key overrides (a network: the suite's
     * {@code overrides} apply to it) or takes none (a fitted baseline). All models take them by default.
     */
    default boolean takesOverrides(String model) {
        return true;
    }

    /**
     * Whether the suite-wide {@code overrides} apply to a model entry with its own {@code settings}:
     * by default exactly when the model takes overrides; a factory may exclude entries that are
     * not trained (a deployed file evaluated as it is).
     */
    default boolean takesSuiteOverrides(String model, Map<String, String> settings) {
        return takesOverrides(model);
    }

    /**
     * Throws, naming what is valid, when {@code model} is unknown or one of {@code overrides} does not
     * apply to it; accepts everything by default.
     */
    default void check(String model, Map<String, String> overrides) throws Exception {}
}
