package io.moiety.cli;

import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.ReadOptions;
import io.moiety.model.ModelConfig;
import io.moiety.model.Potential;
import io.moiety.train.CheckpointFile;
import io.moiety.train.CheckpointState;
import io.moiety.train.EpochResult;
import io.moiety.train.TrainRequest;
import io.moiety.train.Training;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moiety train}: trains a network potential on a dataset file, with checkpoints and resume. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train a machine-learning interatomic potential (energies and forces) on a dataset file.",
            "Loss = energy_weight·MSE(E/N) + forces_weight·MSE(F) in eV and eV/Å, or MAEs",
            "with --set training.loss=mae. Adam/AdamW with warm-up, reduce-on-plateau or",
            "cosine schedule, EMA weights, gradient clipping and early stopping.",
            "The run directory gets metrics.csv (one row per epoch), last.ckpt (full state,",
            "written atomically each epoch) and best.ckpt (the best-validation model, used by",
            "'moiety predict'). A killed run continues exactly where its last checkpoint left",
            "off with --resume. Training settings live in the 'training:' section of the",
            "model YAML; see docs/training.md.",
            "Reference energies E0 (training.e0): the isolated-atom energies stored with the",
            "training data when it has them (moiety generate --add-isolated-atoms), else a",
            "least-squares fit on the training energies; the run prints which, with the values."},
        footer = {
            "",
            "Examples:",
            "  moiety train --model schnet-small --train ../shared/data/botnet-ethanol/train.xyz --out runs/eth",
            "  moiety train --model painn-small --train train.h5 --valid valid.h5 --epochs 200 --lr 5e-4",
            "  moiety train --model models/my.yaml --train data.xyz --energy-key REF_energy --forces-key REF_forces",
            "  moiety train --model schnet-small --train data.h5 --set training.scheduler=cosine --set features=128",
            "  moiety train --model painn-small --train data.h5 --set training.e0=least-squares   # ignore isolated atoms",
            "  moiety train --model schnet-small --train data.h5 --out runs/eth --resume   # continue a killed run",
            "  moiety train --model schnet-small --train data.h5 --init-from runs/eth --lr 1e-4 --out runs/eth-2   # second cycle",
            "  moiety train --model painn-small --train data.h5 --set training.prior=group-additivity   # Δ-learning",
            "  moiety predict --run runs/eth --data test.xyz --out predicted.xyz"})
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Mixin
    ThreadsOption threads;

    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "NAME|FILE",
            description = "Model config: a name from models/ (schnet-small, painn-small, ...) or a YAML file.")
    String model;

    @Option(names = "--train", required = true, paramLabel = "FILE",
            description = "Training data: any file 'moiety inspect' reads (Moiety HDF5, extended XYZ, ...).")
    Path train;

    static final class Validation {
        @Option(names = "--valid", paramLabel = "FILE", description = "Separate validation data.")
        Path file;

        @Option(names = "--valid-fraction", paramLabel = "F",
                description = "Fraction of the training frames held out for validation, chosen with the seed (default: 0.05).")
        Double fraction;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Validation validation = new Validation();

    @CommandLine.Mixin
    FormatOption.Input input;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (training.max_epochs).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "B", description = "Frames per step (training.batch_size).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate (training.lr).")
    Double lr;

    @Option(names = "--time-limit", paramLabel = "MIN",
            description = "Stop after the first epoch ending past MIN minutes of wall time (training.max_wall_minutes).")
    Double timeLimit;

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto",
            description = "cpu, gpu or auto (GPU when PyTorch sees one; default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed for initialisation, validation split and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dtype", paramLabel = "T", description = "float32 or float64 (overrides the config's dtype).")
    String dtype;

    @Option(names = "--out", paramLabel = "RUNDIR", description = "Run directory (default: runs/<model>-seed<S>).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in RUNDIR from its last.ckpt (same data, seed and "
            + "settings) to the epoch and time limits it was started with, unless --epochs or --time-limit is given.")
    boolean resume;

    @Option(names = "--init-from", paramLabel = "RUN|CKPT",
            description = "Warm start: begin a new run from the weights (EMA, if kept) and normalisation of a "
                    + "checkpoint of the same architecture (a run directory means its best.ckpt), with a fresh "
                    + "optimiser and schedule: a second learning-rate cycle, or fine-tuning on new data.")
    Path initFrom;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override any config key, e.g. --set features=128 --set training.ema_decay=0.999 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter outw = spec.commandLine().getOut();
        Path runDir = out != null ? out : Path.of("runs", Training.modelNameOf(model) + "-seed" + seed);
        if (Files.exists(runDir) && !Files.isDirectory(runDir)) {
            throw new IllegalArgumentException(runDir + ": --out is a file; give a directory for the run (it holds "
                    + "the checkpoints and metrics.csv)");
        }
        Path last = runDir.resolve("last.ckpt");
        if (resume && !Files.exists(last)) {
            throw new IllegalArgumentException(runDir + " has no last.ckpt to resume; drop --resume to start a new run");
        }
        if (!resume && Files.exists(last)) {
            throw new IllegalArgumentException(runDir + " already holds a run (last.ckpt); use --resume to continue it "
                    + "or choose another --out");
        }
        if (resume && initFrom != null) {
            throw new IllegalArgumentException("--init-from starts a new run and --resume continues one; use one of them");
        }
        ModelConfig config = ModelConfig.load(model);
        boolean setsEpochs = false;
        boolean setsWall = false;
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set expects KEY=VALUE, got '" + s + "'");
            }
            String key = s.substring(0, eq).trim();
            config = config.withOverride(key, s.substring(eq + 1).trim());
            setsEpochs |= key.equals("training.max_epochs");
            setsWall |= key.equals("training.max_wall_minutes");
        }
        config = with(config, "training.max_epochs", epochs);
        config = with(config, "training.batch_size", batchSize);
        config = with(config, "training.lr", lr);
        config = with(config, "dtype", dtype);
        config = with(config, "training.max_wall_minutes", timeLimit);
        TrainRequest.Limits planned = TrainRequest.Limits.of(config); // also rejects unknown training keys now
        TrainRequest.Limits resumeLimits = new TrainRequest.Limits(
                epochs != null || setsEpochs ? planned.maxEpochs() : null,
                timeLimit != null || setsWall ? planned.maxWallMinutes() : null);
        ReadOptions ro = input.readOptions();
        TrainingFile trainingFile = read(train, ro);
        List<Frame> all = trainingFile.frames();
        List<Frame> trainFrames;
        List<Frame> validFrames;
        if (validation.file != null) {
            trainFrames = all;
            validFrames = read(validation.file, ro).frames();
        } else {
            double f = validation.fraction == null ? 0.05 : validation.fraction;
            if (!(f >= 0 && f < 1)) {
                throw new IllegalArgumentException("--valid-fraction must be in [0, 1), got " + f);
            }
            List<List<Frame>> split = split(all, f, seed);
            trainFrames = split.get(0);
            validFrames = split.get(1);
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "training %s on %d frames (%d validation) from %s -> %s%n",
                model, trainFrames.size(), validFrames.size(), train, runDir);
        boolean newRunDir = !Files.exists(runDir);
        try (Potential p = trainOrCleanUp(new TrainRequest(Training.modelNameOf(model), config, seed, device,
                trainFrames, validFrames, runDir, !noProgress, initFrom, resumeLimits, trainingFile.isolatedAtoms()), newRunDir)) {
            TrainingCompositions.write(runDir, trainFrames);
            CheckpointState st = CheckpointFile.readState(last);
            outw.println(st.head().describeReferences());
            List<EpochResult> h = st.history();
            outw.printf(Locale.ROOT, "%s: %d epochs (%s), %.0f s%n", p.name(), st.epoch(), st.stopReason(),
                    h.isEmpty() ? 0.0 : h.get(h.size() - 1).wallSeconds());
            if (validFrames.isEmpty()) {
                outw.println("no validation frames (--valid-fraction 0): no validation errors to report");
            } else if (st.bestEpoch() > 0) {
                EpochResult b = h.get(st.bestEpoch() - 1);
                outw.printf(Locale.ROOT, "best epoch %d: validation energy MAE %.3f meV/atom (%.3f meV total), "
                                + "force MAE %.3f meV/Å%n", b.epoch(), b.validEnergyMaePerAtom() * 1000,
                        b.validEnergyMae() * 1000, b.validForceMae() * 1000);
            }
            outw.printf("model: %s%nmetrics: %s%n", runDir.resolve("best.ckpt"), runDir.resolve("metrics.csv"));
        }
        return 0;
    }

    /** {@code config} with {@code key} set to a flag's value, unchanged when the flag was not given. */
    private static ModelConfig with(ModelConfig config, String key, Object flagValue) {
        return flagValue == null ? config : config.with(key, flagValue);
    }

    /** Trains; a failure that leaves the new run directory empty removes it. */
    private static Potential trainOrCleanUp(TrainRequest request, boolean newRunDir) throws IOException {
        try {
            return Training.train(request);
        } catch (IOException | RuntimeException e) {
            if (newRunDir && Files.isDirectory(request.runDir())) {
                try (var entries = Files.list(request.runDir())) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(request.runDir());
                    }
                }
            }
            throw e;
        }
    }

    /** The frames of a data file and the isolated-atom energies stored with them. */
    record TrainingFile(List<Frame> frames, IsolatedAtoms isolatedAtoms) {}

    /** All frames of all molecules in a file, and its isolated-atom energies. */
    static TrainingFile read(Path file, ReadOptions options) throws IOException {
        List<Frame> frames = new ArrayList<>();
        IsolatedAtoms isolated;
        try (Dataset d = DatasetFiles.open(file, options)) {
            for (MoleculeRecord m : d) {
                frames.addAll(m.frames());
            }
            isolated = d.isolatedAtoms();
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException(file + ": no frames");
        }
        return new TrainingFile(frames, isolated);
    }

    /** Seeded random split: [train, valid] with {@code round(fraction·n)} validation frames, order kept. */
    static List<List<Frame>> split(List<Frame> frames, double fraction, long seed) {
        int n = frames.size();
        int nValid = (int) Math.round(fraction * n);
        if (fraction > 0 && nValid == 0 && n > 1) {
            nValid = 1;
        }
        boolean[] isValid = new boolean[n];
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int chosen = 0;
        while (chosen < nValid) {
            int i = rng.nextInt(n);
            if (!isValid[i]) {
                isValid[i] = true;
                chosen++;
            }
        }
        List<Frame> t = new ArrayList<>();
        List<Frame> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (isValid[i] ? v : t).add(frames.get(i));
        }
        return List.of(t, v);
    }
}
