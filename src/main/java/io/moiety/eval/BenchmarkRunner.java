package io.moiety.eval;

import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.eval.baseline.ElementReferencePotential;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import io.moiety.task.TaskSplit;
import io.moiety.train.Training;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cells of a {@link Suite} (task × model × seed): fit or train, predict the ID test and
 * OOD frames, compute metrics, store predictions and an atomic per-cell result. Finished cells
 * are skipped on a re-run; a failing cell is recorded with its error and the others go on.
 * Several processes may share one run folder (e.g. disjoint {@code --only} sets on several cores):
 * a cell's training folder is held with a {@link FolderLock} while it is trained and evaluated.
 */
public final class BenchmarkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkRunner.class);
    private static final int CHUNK = 128;
    private static final int PARITY_FORCE_POINTS = 3000;
    private static final long LOCK_POLL_MILLIS = 2000;

    /**
     * @param runDir   output folder
     * @param force    rerun finished cells
     * @param progress draw a progress bar over cells on stderr
     * @param only     {@code task/model} patterns ({@code *} wildcards); empty = every cell
     */
    public record Options(Path runDir, boolean force, boolean progress, List<String> only) {
        public Options {
            only = only == null ? List.of() : List.copyOf(only);
        }
    }

    private final PotentialFactory factory;
    private final TaskSource tasks;
    private final Options options;
    private final CellStore store;
    private final Set<Path> clearedTrainingDirs = new HashSet<>();
    private int reused;

    public BenchmarkRunner(PotentialFactory factory, TaskSource tasks, Options options) {
        this.factory = factory;
        this.tasks = tasks;
        this.options = options;
        this.store = new CellStore(options.runDir());
    }

    /** The suite's cells selected by {@code --only}, task-major; overrides go to the models that take them. */
    public static List<Cell> cells(Suite suite, List<String> only, PotentialFactory factory) {
        List<Cell> cells = new ArrayList<>();
        for (String task : suite.tasks()) {
            for (Suite.ModelEntry m : suite.models()) {
                if (!m.runsOn(task)) {
                    continue;
                }
                Map<String, String> ov = suite.overridesFor(m, factory);
                for (long seed : suite.seeds()) {
                    Cell c = new Cell(task, m.name(), seed, ov);
                    if (only.isEmpty() || only.stream().anyMatch(c::matches)) {
                        cells.add(c);
                    }
                }
            }
        }
        return cells;
    }

    /** Cells of the last {@link #run} that were finished by an earlier invocation and reused. */
    public int reusedCells() { return reused; }

    /** Runs (or resumes) every selected cell and returns all results, finished earlier or now. */
    public List<CellResult> run(Suite suite) throws IOException {
        List<Cell> cells = cells(suite, options.only(), factory);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("--only " + String.join(" ", options.only())
                    + " selects no cell; tasks: " + String.join(", ", suite.tasks()) + "; models: "
                    + String.join(", ", suite.models().stream().map(Suite.ModelEntry::name).toList()));
        }
        List<CellResult> results = new ArrayList<>();
        Map<String, List<Cell>> byTask = new LinkedHashMap<>();
        for (Cell c : cells) {
            byTask.computeIfAbsent(c.task(), k -> new ArrayList<>()).add(c);
        }
        ProgressBar bar = options.progress()
                ? new ProgressBarBuilder().setTaskName("bench " + suite.name()).setInitialMax(cells.size())
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" cells", 1).build()
                : null;
        try {
            for (Map.Entry<String, List<Cell>> e : byTask.entrySet()) {
                TaskContext ctx = null;
                String taskError = null;
                for (Cell cell : e.getValue()) {
                    if (bar != null) {
                        bar.setExtraMessage(cell.id());
                    }
                    String fingerprint = fingerprint(cell);
                    if (options.force()) {
                        store.clear(cell);
                    } else if (reuse(cell, fingerprint, results, bar)) {
                        continue;
                    }
                    if (ctx == null && taskError == null) {
                        try {
                            ctx = new TaskContext(subsample(tasks.split(e.getKey()), suite.trainFramesPerMolecule()));
                        } catch (Exception ex) {
                            taskError = "task " + e.getKey() + ": " + message(ex);
                        }
                    }
                    CellResult r;
                    if (taskError != null) {
                        r = CellResult.failed(cell, taskError, 0);
                        store.save(r, fingerprint);
                    } else {
                        // another bench process on this folder may be training the same model (same cell, or
                        // duplication and fission sharing training data): wait for it, then reuse its work
                        Path trainDir = trainingDir(cell, ctx.split);
                        try (FolderLock lock = FolderLock.acquire(trainDir, LOCK_POLL_MILLIS, () -> LOG.info(
                                "cell {}: another bench process holds {}; waiting for it", cell.id(),
                                FolderLock.lockFile(trainDir)))) {
                            if (!options.force() && reuse(cell, fingerprint, results, bar)) {
                                continue;
                            }
                            r = runCell(cell, ctx, trainDir);
                            store.save(r, fingerprint);
                        }
                    }
                    if (!r.ok()) {
                        LOG.warn("cell {} failed: {}", cell.id(), firstLine(r.error()));
                    }
                    results.add(r);
                    step(bar);
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return results;
    }

    /** Adds the cell's result when it finished earlier with {@code fingerprint}; whether it did. */
    private boolean reuse(Cell cell, String fingerprint, List<CellResult> results, ProgressBar bar) throws IOException {
        Optional<CellResult> done = store.finished(cell, fingerprint);
        done.ifPresent(r -> {
            results.add(r);
            reused++;
            step(bar);
        });
        return done.isPresent();
    }

    /** The factory's fingerprint of a cell; "" when it cannot be made (training then reports the problem). */
    private String fingerprint(Cell cell) {
        try {
            return factory.fingerprint(cell);
        } catch (Exception ex) {
            LOG.debug("cell {}: no fingerprint ({})", cell.id(), message(ex));
            return "";
        }
    }

    /** The split with at most {@code perMolecule} evenly strided training frames per molecule (0 = all). */
    static TaskSplit subsample(TaskSplit split, int perMolecule) {
        if (perMolecule <= 0) {
            return split;
        }
        List<MoleculeRecord> train = new ArrayList<>();
        for (MoleculeRecord m : split.train()) {
            int n = m.frames().size();
            if (n <= perMolecule) {
                train.add(m);
                continue;
            }
            List<Frame> kept = new ArrayList<>();
            for (int i = 0; i < perMolecule; i++) {
                kept.add(m.frames().get((int) ((long) i * n / perMolecule)));
            }
            train.add(m.withFrames(kept));
        }
        return new TaskSplit(split.task(), train, split.validation(), split.idTest(), split.ood());
    }

    private static void step(ProgressBar bar) {
        if (bar != null) {
            bar.step();
        }
    }

    private CellResult runCell(Cell cell, TaskContext ctx, Path trainDir) {
        long t0 = System.nanoTime();
        Path dir = cell.dir(options.runDir());
        try {
            if (options.force() && clearedTrainingDirs.add(trainDir)) {
                deleteTree(trainDir);
            }
        } catch (IOException ex) {
            return CellResult.failed(cell, message(ex), 0);
        }
        try (Potential potential = factory.create(cell, ctx.split, trainDir)) {
            long t1 = System.nanoTime();
            Map<Split, SplitMetrics> metrics = new EnumMap<>(Split.class);
            Map<Split, List<EnvironmentError>> envs = new EnumMap<>(Split.class);
            Map<Split, ParitySample> parity = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                List<MoleculeRecord> mols = s == Split.ID ? ctx.split.idTest() : ctx.split.ood();
                ErrorAccumulator acc = new ErrorAccumulator(ctx.trainingEnvironments, PARITY_FORCE_POINTS, ctx.elementReferences::energy);
                PredictionFiles files = new PredictionFiles();
                for (MoleculeRecord m : mols) {
                    String[] labels = ctx.labels(m);
                    for (int from = 0; from < m.frames().size(); from += CHUNK) {
                        List<Frame> chunk = m.frames().subList(from, Math.min(m.frames().size(), from + CHUNK));
                        List<Prediction> pred = potential.predict(chunk);
                        if (pred.size() != chunk.size()) {
                            throw new IllegalStateException(potential.name() + " returned " + pred.size()
                                    + " predictions for " + chunk.size() + " frames");
                        }
                        for (int i = 0; i < chunk.size(); i++) {
                            acc.add(chunk.get(i), pred.get(i), labels);
                        }
                        files.add(m.id(), chunk, pred, from);
                    }
                }
                metrics.put(s, acc.metrics());
                envs.put(s, acc.environments());
                parity.put(s, acc.paritySample());
                files.write(dir, s);
            }
            long t2 = System.nanoTime();
            return new CellResult(cell, null, potential.predictsForces(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    metrics, envs, parity);
        } catch (Throwable ex) {
            return CellResult.failed(cell, message(ex), (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Training folder of a cell: {@code training/MODEL/seed-N-HASH} with HASH over the overrides
     * and the training and validation frames, so tasks with the same training data (duplication and
     * fission) share one trained model.
     */
    Path trainingDir(Cell cell, TaskSplit split) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(new TreeMap<>(cell.overrides()).toString().getBytes(StandardCharsets.UTF_8));
            for (List<MoleculeRecord> part : List.of(split.train(), split.validation())) {
                md.update((byte) '|');
                for (MoleculeRecord m : part) {
                    md.update((m.id() + ":" + m.frames().size() + ":").getBytes(StandardCharsets.UTF_8));
                    for (Frame f : m.frames()) {
                        long bits = Double.doubleToLongBits(f.energy());
                        for (int i = 0; i < 8; i++) {
                            md.update((byte) (bits >>> (8 * i)));
                        }
                    }
                }
            }
            String hash = HexFormat.of().formatHex(md.digest()).substring(0, 12);
            return options.runDir().resolve("training").resolve(cell.model()).resolve("seed-" + cell.seed() + "-" + hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String message(Throwable ex) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        return msg + "\n" + sw;
    }

    /** First line of a possibly multi-line error. */
    public static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A task's split with environment labels computed once per molecule. */
    private static final class TaskContext {
        final TaskSplit split;
        final Map<MoleculeRecord, String[]> labels = new IdentityHashMap<>();
        final Map<String, Long> trainingEnvironments = new HashMap<>();
        /** Per-element energies fitted on the training frames: offsets for the energy parity plots. */
        final ElementReferencePotential elementReferences;

        TaskContext(TaskSplit split) {
            this.split = split;
            this.elementReferences = ElementReferencePotential.fit(Training.frames(split.train()));
            for (MoleculeRecord m : split.train()) {
                for (String l : labels(m)) {
                    trainingEnvironments.merge(l, (long) m.frames().size(), Long::sum);
                }
            }
        }

        String[] labels(MoleculeRecord m) {
            return labels.computeIfAbsent(m, AtomEnvironments::of);
        }
    }
}
