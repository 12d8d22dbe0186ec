package io.moiety.label;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link LabelPipeline} run did: molecules and frames done, failures with reasons
 * (never silent), frames labelled in this run vs taken from the work directory, whether the Open
 * Babel 3D embedding was seeded (faketime found; otherwise not reproducible) and wall time.
 */
public record GenerationSummary(int molecules, int moleculesFailed, int framesRequested, int framesLabelled,
                                int framesFailed, int framesComputedThisRun, boolean embeddingSeeded, Duration wall, List<Failure> failures) {

    public GenerationSummary {
        failures = List.copyOf(failures);
    }

    /** Multi-line human-readable summary. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("molecules: %d, rejected or failed: %d%n", molecules, moleculesFailed));
        sb.append(String.format("frames: %d requested, %d labelled (%d computed in this run), %d failed or skipped%n",
                framesRequested, framesLabelled, framesComputedThisRun, framesFailed));
        sb.append(embeddingSeeded ? "3D embedding: seeded (frozen clock via faketime)\n"
                : "3D embedding: NOT seeded (faketime missing): not reproducible\n");
        sb.append(String.format("wall time: %.1f s%n", wall.toMillis() / 1000.0));
        for (Failure f : failures) {
            sb.append("  failed: ").append(f).append('\n');
        }
        return sb.toString();
    }
}
