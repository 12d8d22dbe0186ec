package io.moiety.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.model.Devices;
import io.moiety.model.EnergyHead;
import io.moiety.model.EnergyModel;
import io.moiety.model.ModelConfig;
import io.moiety.model.Models;
import io.moiety.model.NetworkPotential;
import io.moiety.model.Potential;
import io.moiety.train.prior.EnergyPrior;
import io.moiety.train.prior.PriorKind;
import io.moiety.train.prior.PriorPotential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network potential: a fresh run, the resumption of a killed one, or a warm start.
 *
 * <p>A run directory holds {@code last.ckpt} (full state after the last finished epoch),
 * {@code best.ckpt} (model of the best-validation epoch) and {@code metrics.csv}. Calling
 * {@link #train} on a directory with a {@code last.ckpt} resumes that run (same seed, same data,
 * same config required); a finished run is not trained again.
 */
public final class Training {
    private static final Logger LOG = LoggerFactory.getLogger(Training.class);

    private Training() {}

    /**
     * Trains (or resumes) the run and returns the best-validation potential, with reference
     * energies and normalisation folded in so that it predicts total energies (eV) and forces (eV/Å).
     * The caller closes the returned potential.
     */
    public static Potential train(TrainRequest request) throws IOException {
        return train(request, List.of());
    }

    /** As {@link #train(TrainRequest)} with extra listeners called after the standard ones (tests, tools). */
    static Potential train(TrainRequest request, List<TrainingListener> extra) throws IOException {
        Objects.requireNonNull(request.runDir(), "runDir");
        Files.createDirectories(request.runDir());
        Path last = request.runDir().resolve(CheckpointListener.LAST);
        Device device = Devices.select(request.device());
        RunMetadata meta = RunMetadata.of(request.train(), request.validation(), device.toString());
        Start start = Files.exists(last) ? resume(request, last, meta)
                : request.initFrom() != null ? warmStart(request, checkpointFile(request.initFrom()), meta)
                : fresh(request, meta);
        return run(request, start, device, extra);
    }

    /**
     * How a run begins.
     *
     * @param config        the model configuration to build and record
     * @param metadata      data hashes and versions to record
     * @param head          the energy head, or null to fit it on the training frames
     * @param weightsFrom   checkpoint whose (EMA) weights the model starts from (warm start), or null
     * @param restoreFrom   checkpoint whose full training state the loop continues (resume), or null
     * @param prior         the Δ-learning prior the weights were trained with, or null to fit the one
     *                      the training section asks for (if any) on the training frames
     */
    private record Start(ModelConfig config, RunMetadata metadata, EnergyHead head,
                         Path weightsFrom, Path restoreFrom, EnergyPrior prior) {}

    /** A new run: {@code auto} keys are measured on the training frames. */
    private static Start fresh(TrainRequest request, RunMetadata meta) {
        return new Start(resolveAuto(request.name(), request.config(), request.train()), meta, null, null, null, null);
    }

    /**
     * The continuation of the run in {@code last}: same seed, data and settings required; the
     * checkpoint's config is authoritative, and only the epoch and time limits may change.
     */
    private static Start resume(TrainRequest request, Path last, RunMetadata meta) throws IOException {
        CheckpointState previous = CheckpointFile.readState(last);
        ModelConfig saved = ModelConfig.parse(previous.modelConfigYaml(), last + "!config");
        // an 'auto' key keeps the value the run measured when it started
        ModelConfig config = request.config().withAutoFrom(saved);
        checkResumable(previous, saved, config, TrainingConfig.parse(config.training()), request, meta, last);
        TrainingConfig savedTc = TrainingConfig.parse(saved.training());
        TrainRequest.Limits limits = request.resumeLimits();
        config = saved.with("training.max_epochs", limits.maxEpochs() != null ? limits.maxEpochs() : savedTc.maxEpochs())
                .with("training.max_wall_minutes",
                        limits.maxWallMinutes() != null ? limits.maxWallMinutes() : savedTc.maxWallMinutes());
        LOG.info("resuming {} from epoch {} in {}", request.name(), previous.epoch(), request.runDir());
        return new Start(config, previous.metadata(), previous.head(), null, last, previous.prior());
    }

    /**
     * A new run starting from the weights and normalisation of checkpoint {@code init} of the same
     * architecture, with a fresh optimiser and schedule.
     */
    private static Start warmStart(TrainRequest request, Path init, RunMetadata meta) throws IOException {
        CheckpointState initState = CheckpointFile.readState(init);
        ModelConfig saved = ModelConfig.parse(initState.modelConfigYaml(), init + "!config");
        // 'auto' keys are the source's: its weights were trained with them, whatever the new data
        ModelConfig config = request.config().withAutoFrom(saved);
        if (!sameArchitecture(saved, config)) {
            throw new IllegalArgumentException("--init-from " + init + ": its model (" + saved.type() + ", "
                    + saved.architecture() + ", cutoff " + saved.cutoff() + ", " + saved.dtype()
                    + ") differs from " + request.name() + " (" + config.type() + ", " + config.architecture()
                    + ", cutoff " + config.cutoff() + ", " + config.dtype() + "); a warm start needs the same"
                    + " architecture");
        }
        LOG.info("warm start of {} from {} (weights after epoch {} of that run)", request.name(), init,
                initState.epoch());
        // a warm start keeps the normalisation (and the prior, when it asks for the same kind) its weights were trained in
        EnergyPrior prior = initState.prior() != null
                && initState.prior().priorKind() == TrainingConfig.parse(config.training()).priorKind() ? initState.prior() : null;
        return new Start(config, meta.withInitializedFrom(init), initState.head(), init, null, prior);
    }

    /** Builds the model, runs the loop with the standard listeners and returns the best-validation potential. */
    private static Potential run(TrainRequest request, Start start, Device device, List<TrainingListener> extra)
            throws IOException {
        String name = request.name();
        ModelConfig config = start.config();
        TrainingConfig tc = TrainingConfig.parse(config.training());
        EnergyPrior prior = start.prior() != null ? start.prior() : fitPrior(name, tc, request);
        List<Frame> train = prior == null ? request.train() : prior.residuals(request.train());
        List<Frame> validation = prior == null ? request.validation() : prior.residuals(request.validation());
        EnergyModel model = EnergyModel.create(config, device, request.seed());
        try {
            // with a prior, the prior holds the element references (anchored at isolated atoms when e0 uses them); the residual's are fitted
            EnergyHead head = start.head() != null ? start.head()
                    : prior == null ? EnergyHeadFit.fit(request.train(), tc, request.isolatedAtoms())
                    : EnergyHeadFit.fit(train, (Path) null);
            LOG.info("{}: {}", name, head.describeReferences());
            model.setHead(head);
            if (start.weightsFrom() != null) {
                // before the loop exists, so its EMA starts from these weights too
                try (NDManager tmp = model.manager().newSubManager()) {
                    CheckpointFile.Loaded ck = CheckpointFile.read(start.weightsFrom(), tmp);
                    Weights.assign(model.parameters(), ck.arrays().getOrDefault(CheckpointFile.EMA, ck.weights()));
                }
            }
            List<TrainingListener> listeners = new ArrayList<>();
            listeners.add(new CheckpointListener(request.runDir()));
            listeners.add(new MetricsCsvLogger(request.runDir().resolve("metrics.csv")));
            listeners.add(new EarlyStopping(tc.earlyStoppingPatience()));
            listeners.add(new TimeLimit(tc.maxWallMinutes()));
            listeners.add(new EnergyDriftWarning(name, tc.energyWeight(), tc.forcesWeight()));
            if (request.showProgress()) {
                listeners.add(new ProgressListener(name));
            }
            listeners.addAll(extra);
            TrainingLoop.RunInfo info = new TrainingLoop.RunInfo(name, config.toYaml(), request.seed(), head,
                    start.metadata(), prior);
            try (TrainingLoop loop = new TrainingLoop(model, tc, info, train, validation, listeners, model.manager())) {
                if (start.restoreFrom() != null) {
                    try (NDManager tmp = model.manager().newSubManager()) {
                        loop.restore(CheckpointFile.read(start.restoreFrom(), tmp));
                    }
                }
                logSummary(name, loop.run());
            }
            loadBest(model, request.runDir());
            return withPrior(new NetworkPotential(name, model, tc.validBatchSize(), head.describeReferences()), prior);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The prior the training section asks for, fitted on the request's training frames (the
     * validation frames pick its ridge strength), or null for none; its element references are
     * anchored at the isolated-atom energies when {@code training.e0} uses them.
     */
    private static EnergyPrior fitPrior(String name, TrainingConfig tc, TrainRequest request) throws IOException {
        if (tc.priorKind() == PriorKind.NONE) {
            return null;
        }
        // when training.e0 rests on isolated atoms (isolated or anchored), the prior's element part is anchored at them
        Optional<EnergyHeadFit.Isolated> atoms = EnergyHeadFit.isolated(request.train(), tc, request.isolatedAtoms());
        EnergyPrior prior = EnergyPrior.fit(tc.priorKind(), request.train(), request.validation(),
                atoms.map(EnergyHeadFit.Isolated::energies).orElse(null),
                atoms.map(EnergyHeadFit.Isolated::source).orElse(null));
        LOG.info("{}: learning the residual over the {} prior ({} coefficients, ridge {}, element references: {})", name,
                prior.kind(), prior.coefficients().size(), prior.ridge(), prior.elementSource());
        return prior;
    }

    /** The network with the prior added back, or the network alone without a prior. */
    private static Potential withPrior(Potential network, EnergyPrior prior) {
        return prior == null ? network : PriorPotential.of(network, prior);
    }

    /** Measures the config's {@code auto} keys on the training structures and logs each value. */
    private static ModelConfig resolveAuto(String name, ModelConfig config, List<Frame> train) {
        List<String> keys = config.autoKeys();
        if (keys.isEmpty()) {
            return config;
        }
        ModelConfig resolved = Models.resolveAuto(config, train.stream().map(Frame::structure).toList());
        for (String k : keys) {
            LOG.info("{}: {} = auto -> {} (measured on {} training frames)", name, k, resolved.architecture().get(k),
                    train.size());
        }
        return resolved;
    }

    private static void logSummary(String name, List<EpochResult> history) {
        int best = EarlyStopping.bestEpochIndex(history);
        if (best >= 0) {
            EpochResult b = history.get(best);
            LOG.info("{}: best epoch {} of {}{}: {}", name, b.epoch(), history.size(),
                    b.validated() ? "" : " (lowest training loss)", b.validationSummary());
        }
    }

    /** Copies the weights of {@code best.ckpt} into the network. */
    private static void loadBest(EnergyModel model, Path runDir) throws IOException {
        Path best = runDir.resolve(CheckpointListener.BEST);
        if (!Files.exists(best)) {
            throw new IOException(runDir + ": training ended without writing " + CheckpointListener.BEST);
        }
        try (NDManager tmp = model.manager().newSubManager()) {
            Weights.assign(model.parameters(), CheckpointFile.read(best, tmp).weights());
        }
    }

    /**
     * Loads the model of a checkpoint (a run's {@code best.ckpt} or {@code last.ckpt}; from the
     * latter the EMA weights) as a potential on {@code device}.
     */
    public static Potential load(Path checkpoint, String device) throws IOException {
        Path file = checkpointFile(checkpoint);
        CheckpointState state = CheckpointFile.readState(file);
        ModelConfig config = ModelConfig.parse(state.modelConfigYaml(), file + "!config");
        EnergyModel model = EnergyModel.create(config, Devices.select(device), state.seed());
        try {
            model.setHead(state.head());
            try (NDManager tmp = model.manager().newSubManager()) {
                CheckpointFile.Loaded ck = CheckpointFile.read(file, tmp);
                Map<String, NDArray> w = ck.arrays().getOrDefault(CheckpointFile.EMA, ck.weights());
                Weights.assign(model.parameters(), w);
            }
            Map<String, Object> tr = state.training();
            int batch = tr.get("valid_batch_size") instanceof Number n ? n.intValue() : 32;
            return withPrior(new NetworkPotential(state.modelName(), model, batch, state.head().describeReferences()),
                    state.prior());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static void checkResumable(CheckpointState prev, ModelConfig saved, ModelConfig config, TrainingConfig tc,
                                       TrainRequest request, RunMetadata meta, Path last) {
        List<String> problems = new ArrayList<>();
        if (prev.seed() != request.seed()) {
            problems.add("seed " + request.seed() + " (checkpoint: " + prev.seed() + ")");
        }
        if (!prev.metadata().trainHash().equals(meta.trainHash())) {
            problems.add("training data (hash differs)");
        }
        if (!prev.metadata().validHash().equals(meta.validHash())) {
            problems.add("validation data (hash differs)");
        }
        if (!sameArchitecture(saved, config)) {
            problems.add("model architecture");
        }
        // through parse, so that a key added since the checkpoint was written compares as its default
        Map<String, Object> a = new HashMap<>(TrainingConfig.parse(prev.training()).toMap());
        Map<String, Object> b = new HashMap<>(tc.toMap());
        for (String free : List.of("max_epochs", "max_wall_minutes")) {
            a.remove(free);
            b.remove(free);
        }
        Map<String, String> diff = new LinkedHashMap<>();
        for (String k : b.keySet()) {
            if (!String.valueOf(a.get(k)).equals(String.valueOf(b.get(k)))) {
                diff.put(k, b.get(k) + " (checkpoint: " + a.get(k) + ")");
            }
        }
        if (!diff.isEmpty()) {
            problems.add("training settings " + diff);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(last + " belongs to a different run: " + String.join("; ", problems)
                    + ". Resume with the original settings, or train into a new run directory.");
        }
    }

    /** Whether two configs build networks with the same parameters (type, architecture keys, cutoff, dtype). */
    private static boolean sameArchitecture(ModelConfig a, ModelConfig b) {
        return a.architecture().equals(b.architecture()) && a.type().equals(b.type()) && a.cutoff() == b.cutoff()
                && a.dtype().equals(b.dtype());
    }

    /** A checkpoint file, or a run directory's {@code best.ckpt}; an error naming what is missing. */
    private static Path checkpointFile(Path checkpoint) throws IOException {
        Path file = Files.isDirectory(checkpoint) ? checkpoint.resolve(CheckpointListener.BEST) : checkpoint;
        if (!Files.exists(file)) {
            throw new IOException(file + " does not exist" + (Files.isDirectory(checkpoint)
                    ? " (is " + checkpoint + " a finished or running training directory?)" : ""));
        }
        return file;
    }

    /** The model name of a config name or path: file name without {@code .yaml}/{@code .yml}. */
    public static String modelNameOf(String nameOrPath) {
        String f = Path.of(nameOrPath).getFileName().toString();
        return f.endsWith(".yaml") ? f.substring(0, f.length() - 5) : f.endsWith(".yml") ? f.substring(0, f.length() - 4) : f;
    }

    /** Frames of all molecules of a list, for callers holding {@code MoleculeRecord}s. */
    public static List<Frame> frames(List<MoleculeRecord> molecules) {
        List<Frame> out = new ArrayList<>();
        molecules.forEach(m -> out.addAll(m.frames()));
        return out;
    }
}
