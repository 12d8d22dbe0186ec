package io.moiety.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the run's checkpoints after every epoch: {@code best.ckpt} (inference weights of the
 * best-validation epoch) when the epoch improved, then {@code last.ckpt} (full training state).
 * Both are written atomically; the order means a crash between the two leaves a consistent pair
 * (a resumed run recomputes the same epoch and rewrites the same best file).
 */
public final class CheckpointListener implements TrainingListener {
    /** File name of the full training state in a run directory. */
    public static final String LAST = "last.ckpt";
    /** File name of the best-validation model in a run directory. */
    public static final String BEST = "best.ckpt";

    private final Path runDir;
    private final Supplier<TrainingLoop.Snapshot> source;

    /**
     * @param runDir where the files go
     * @param source the loop's {@link TrainingLoop#snapshot()}
     */
    public CheckpointListener(Path runDir, Supplier<TrainingLoop.Snapshot> source) {
        this.runDir = runDir;
        this.source = source;
    }

    @Override
    public void onEpochEnd(EpochResult result, List<EpochResult> history) {
        TrainingLoop.Snapshot s = source.get();
        try {
            if (EarlyStopping.bestEpochIndex(history) == history.size() - 1) {
                CheckpointFile.write(runDir.resolve(BEST), s.state().asModel(),
                        Map.of(CheckpointFile.WEIGHTS, s.inferenceWeights()));
            }
            CheckpointFile.write(runDir.resolve(LAST), s.state(), s.arrays());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + runDir, e);
        }
    }

    @Override
    public void onTrainingEnd(List<EpochResult> history, String reason) {
        TrainingLoop.Snapshot s = source.get();
        try {
            CheckpointFile.write(runDir.resolve(LAST), s.state(), s.arrays());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + runDir, e);
        }
    }
}
