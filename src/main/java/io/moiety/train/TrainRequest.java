package io.moiety.train;

import io.moiety.data.Frame;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one training run needs.
 *
 * @param modelConfig  model YAML (e.g. {@code models/schnet-small.yaml}); a bare name is looked up
 *                     in {@code models/} and then inside the jar
 * @param overrides    dotted keys overriding the YAML, e.g. {@code training.max_epochs=5}
 * @param seed         seed for initialisation, shuffling and anything random
 * @param device       {@code cpu}, {@code gpu} or {@code auto}
 * @param train        training frames (energies and forces in eV, eV/Å)
 * @param validation   validation frames for early stopping and the plateau schedule
 * @param runDir       where checkpoints and {@code metrics.csv} go; an existing checkpoint there is resumed
 * @param showProgress draw a progress bar on the terminal
 * @param initFrom     warm start: a checkpoint (or run directory, meaning its {@code best.ckpt}) of the
 *                     same architecture whose (EMA) weights and normalisation a <em>new</em> run starts
 *                     from, with a fresh optimiser and schedule; {@code null} trains from scratch.
 *                     Ignored when {@code runDir} already holds a run to resume.
 * CONTRACT (owned by the training work, issue #4).
 */
public record TrainRequest(Path modelConfig, Map<String, String> overrides, long seed, String device,
                           List<Frame> train, List<Frame> validation, Path runDir, boolean showProgress,
                           Path initFrom) {
    public TrainRequest {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /** A run trained from scratch (no warm start). */
    public TrainRequest(Path modelConfig, Map<String, String> overrides, long seed, String device,
                        List<Frame> train, List<Frame> validation, Path runDir, boolean showProgress) {
        this(modelConfig, overrides, seed, device, train, validation, runDir, showProgress, null);
    }
}
