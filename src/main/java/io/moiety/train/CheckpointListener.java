package io.moiety.train;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the run's checkpoints after every epoch: {@code best.ckpt} (inference weights of the
 * best-validation epoch) when the epoch improved, then {@code last.ckpt} (full training state).
 * Both are written atomically; the order means a crash between the two leaves a consistent pair
 * (a resumed run recomputes the same epoch and rewrites the same best file). It owns the layout:
 * which array groups ({@link CheckpointFile#WEIGHTS}, {@link CheckpointFile#EMA},
 * {@link CheckpointFile#OPTIMIZER}) each file holds.
 */
public final class CheckpointListener implements TrainingListener {
    /** File name of the full training state in a run directory. */
    public static final String LAST = "last.ckpt";
    /** File name of the best-validation model in a run directory. */
    public static final String BEST = "best.ckpt";

    private final Path runDir;

    /** @param runDir where the files go */
    public CheckpointListener(Path runDir) {
        this.runDir = runDir;
    }

    /** The array groups of a full training checkpoint of the loop's current point. */
    public static Map<String, Map<String, NDArray>> trainingArrays(TrainingView loop) {
        Map<String, Map<String, NDArray>> arrays = new LinkedHashMap<>();
        arrays.put(CheckpointFile.WEIGHTS, loop.weights());
        if (loop.emaWeights() != null) {
            arrays.put(CheckpointFile.EMA, loop.emaWeights());
        }
        arrays.put(CheckpointFile.OPTIMIZER, loop.optimizerMoments());
        return arrays;
    }

    @Override
    public void onEpochEnd(TrainingView loop, EpochResult result) {
        try {
            CheckpointState state = loop.state();
            if (EarlyStopping.bestEpochIndex(loop.history()) == loop.history().size() - 1) {
                CheckpointFile.write(runDir.resolve(BEST), state.asModel(),
                        Map.of(CheckpointFile.WEIGHTS, loop.inferenceWeights()));
            }
            CheckpointFile.write(runDir.resolve(LAST), state, trainingArrays(loop));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + runDir, e);
        }
    }

    @Override
    public void onTrainingEnd(TrainingView loop, String reason) {
        try {
            CheckpointFile.write(runDir.resolve(LAST), loop.state(), trainingArrays(loop));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + runDir, e);
        }
    }
}
