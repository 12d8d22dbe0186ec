package io.moiety.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.moiety.model.EnergyHead;
import io.moiety.train.prior.EnergyPrior;
import java.util.List;
import java.util.Map;

/**
 * Everything in a checkpoint except the arrays: enough, with the weights, EMA weights and
 * optimiser moments, to continue a run exactly where it stopped or to rebuild its model.
 *
 * @param formatVersion   checkpoint format version ({@link CheckpointFile#FORMAT_VERSION})
 * @param kind            {@code training} (full state, {@code last.ckpt}) or {@code model}
 *                        (inference only, {@code best.ckpt})
 * @param modelName       model name, e.g. {@code schnet-small}
 * @param modelConfigYaml the full model YAML with overrides applied
 * @param training        the resolved training section
 * @param seed            run seed (initialisation and the per-epoch shuffles derive from it)
 * @param epoch           epochs finished
 * @param globalStep      optimisation steps taken
 * @param finished        whether the run ended (epoch limit or early stopping)
 * @param stopReason      why it ended, empty while running
 * @param head            the model's energy head: reference energies, shift and scale (JSON
 *                        property {@code normalization})
 * @param schedule        learning-rate schedule state
 * @param optimizerSteps  Adam update count per parameter
 * @param emaUpdates      EMA update count
 * @param bestEpoch       epoch (1-based) with the lowest validation loss so far
 * @param bestValidLoss   that loss
 * @param history         per-epoch metrics
 * @param metadata        versions and data hashes
 * @param prior           the Δ-learning prior added to the network's energies, or null (none)
 */
public record CheckpointState(int formatVersion, String kind, String modelName, String modelConfigYaml,
                              Map<String, Object> training, long seed, int epoch, long globalStep,
                              boolean finished, String stopReason,
                              @JsonProperty("normalization") EnergyHead head,
                              LearningRateSchedule.State schedule, Map<String, Integer> optimizerSteps,
                              long emaUpdates, int bestEpoch, double bestValidLoss, List<EpochResult> history,
                              RunMetadata metadata, EnergyPrior prior) {

    /** A state without a prior. */
    public CheckpointState(int formatVersion, String kind, String modelName, String modelConfigYaml,
                           Map<String, Object> training, long seed, int epoch, long globalStep, boolean finished,
                           String stopReason, EnergyHead head, LearningRateSchedule.State schedule,
                           Map<String, Integer> optimizerSteps, long emaUpdates, int bestEpoch, double bestValidLoss,
                           List<EpochResult> history, RunMetadata metadata) {
        this(formatVersion, kind, modelName, modelConfigYaml, training, seed, epoch, globalStep, finished, stopReason,
                head, schedule, optimizerSteps, emaUpdates, bestEpoch, bestValidLoss, history, metadata, null);
    }

    /** The same state as an inference-only ({@code model}) checkpoint. */
    public CheckpointState asModel() {
        return new CheckpointState(formatVersion, "model", modelName, modelConfigYaml, training, seed, epoch,
                globalStep, finished, stopReason, head, schedule, Map.of(), emaUpdates, bestEpoch,
                bestValidLoss, history, metadata, prior);
    }
}
