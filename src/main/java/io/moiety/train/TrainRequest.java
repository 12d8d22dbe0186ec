package io.moiety.train;

import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.model.ModelConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one training run needs.
 *
 * @param name         model name for logs, checkpoints and tables (e.g. {@code schnet-small})
 * @param config       the model configuration, overrides applied
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
 * @param resumeLimits the epoch and wall-time limits a resumed run continues to; a null field keeps
 *                     the checkpoint's (the plan the run was started with)
 * @param isolatedAtoms the isolated-atom energies stored with the training data (reference energies
 *                     for {@code training.e0: isolated|auto}); empty when the data has none
 */
public record TrainRequest(String name, ModelConfig config, long seed, String device, List<Frame> train,
                           List<Frame> validation, Path runDir, boolean showProgress, Path initFrom,
                           Limits resumeLimits, IsolatedAtoms isolatedAtoms) {
    public TrainRequest {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        resumeLimits = resumeLimits == null ? Limits.KEEP : resumeLimits;
        isolatedAtoms = isolatedAtoms == null ? IsolatedAtoms.none("") : isolatedAtoms;
    }

    /** A request for data without isolated-atom energies. */
    public TrainRequest(String name, ModelConfig config, long seed, String device, List<Frame> train,
                        List<Frame> validation, Path runDir, boolean showProgress, Path initFrom, Limits resumeLimits) {
        this(name, config, seed, device, train, validation, runDir, showProgress, initFrom, resumeLimits, null);
    }

    /**
     * Limits of a run that may change when it is resumed.
     *
     * @param maxEpochs      {@code training.max_epochs}, or null to keep the checkpoint's
     * @param maxWallMinutes {@code training.max_wall_minutes}, or null to keep the checkpoint's
     */
    public record Limits(Integer maxEpochs, Double maxWallMinutes) {
        /** Keep both limits of the checkpoint. */
        public static final Limits KEEP = new Limits(null, null);

        /** The limits of {@code config}'s training section (its values or the defaults). */
        public static Limits of(ModelConfig config) {
            TrainingConfig tc = TrainingConfig.parse(config.training());
            return new Limits(tc.maxEpochs(), tc.maxWallMinutes());
        }
    }
}
