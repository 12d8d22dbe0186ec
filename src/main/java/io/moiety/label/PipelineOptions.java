package io.moiety.label;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one {@link LabelPipeline} run.
 *
 * @param work         resumable work directory
 * @param primary      MD settings of the primary trajectory
 * @param secondary    MD settings of the secondary trajectory
 * @param seed         global seed; each trajectory's velocity seed derives from it and the molecule
 * @param workers      parallel external calls (cores by default)
 * @param timeout      wall-clock limit of each external call
 * @param progress     show a progress bar on stderr
 * @param afterFrame   called after each frame result is stored (count so far); throwing aborts the
 *                     run as a kill would — used by the resume test; null for none
 */
public record PipelineOptions(Path work, MdSettings primary, MdSettings secondary, long seed, int workers,
                              Duration timeout, boolean progress, FrameHook afterFrame) {

    /** Hook run after each stored frame. */
    @FunctionalInterface
    public interface FrameHook {
        void stored(int framesStoredThisRun);
    }

    public PipelineOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be ≥ 1, got " + workers);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
