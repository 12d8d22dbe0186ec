package io.moiety.eval;

import io.moiety.chem.CompositionSpan;
import io.moiety.data.FolderLock;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.eval.baseline.ElementReferencePotential;
import io.moiety.metrics.AtomEnvironments;
import io.moiety.metrics.EnvironmentError;
import io.moiety.metrics.ErrorAccumulator;
import io.moiety.metrics.ParitySample;
import io.moiety.metrics.SplitMetrics;
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
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Within one process, {@link Options#jobs()} threads run cells in parallel.
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
     * @param jobs     cells run in parallel threads (cells sharing a training folder run in turn)
     */
    public record Options(Path runDir, boolean force, boolean progress, List<String> only, int jobs) {
        public Options {
            only = only == null ? List.of() : List.copyOf(only);
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs (cells run in parallel) must be ≥ 1, got " + jobs);
            }
        }

        /** One cell at a time. */
        public Options(Path runDir, boolean force, boolean progress, List<String> only) {
            this(runDir, force, progress, only, 1);
        }
    }

    private final PotentialFactory factory;
    private final TaskSource tasks;
    private final Options options;
    private final CellStore store;
    private final Set<Path> clearedTrainingDirs = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reused = new AtomicInteger();

    public BenchmarkRunner(PotentialFactory factory, TaskSource tasks, Options options) {
        this.factory = factory;
        this.tasks = tasks;
        this.options = options;
        this.store = new CellStore(options.runDir());
    }

    /** The suite's cells selected by {@code --only}, task-major; overrides go to the models that take them. */
    public static List<BenchCell> cells(Suite suite, List<String> only, PotentialFactory factory) {
        List<BenchCell> cells = new ArrayList<>();
        for (String task : suite.tasks()) {
            for (Suite.ModelEntry m : suite.models()) {
                if (!m.runsOn(task)) {
                    continue;
                }
                Map<String, String> ov = suite.overridesFor(m, factory);
                for (long seed : m.seedsOr(suite.seeds())) {
                    BenchCell c = new BenchCell(task, m.name(), seed, ov);
                    if (only.isEmpty() || only.stream().anyMatch(c::matches)) {
                        cells.add(c);
                    }
                }
            }
        }
        return cells;
    }

    /** Cells of the last {@link #run} that were finished by an earlier invocation and reused. */
    public int reusedCells() { return reused.get(); }

    /** Runs (or resumes) every selected cell and returns all results (in cell order), finished earlier or now. */
    public List<CellResult> run(Suite suite) throws IOException {
        List<BenchCell> cells = cells(suite, options.only(), factory);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("--only " + String.join(" ", options.only())
                    + " selects no cell; tasks: " + String.join(", ", suite.tasks()) + "; models: "
                    + String.join(", ", suite.models().stream().map(Suite.ModelEntry::name).toList()));
        }
        CellResult[] results = new CellResult[cells.size()];
        String[] fingerprints = new String[cells.size()];
        ProgressBar bar = options.progress()
                ? new ProgressBarBuilder().setTaskName("bench " + suite.name()).setInitialMax(cells.size())
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" cells", 1).build()
                : null;
        try {
            Map<String, TaskContext> contexts = new HashMap<>();
            Map<String, String> taskErrors = new HashMap<>();
            Map<Path, List<Integer>> units = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                BenchCell cell = cells.get(i);
                fingerprints[i] = fingerprint(cell);
                if (options.force()) {
                    store.clear(cell);
                }
                Optional<CellResult> done = reuse(cell, fingerprints[i]);
                if (done.isPresent()) {
                    results[i] = done.get();
                    step(bar);
                    continue;
                }
                String task = cell.task();
                if (!contexts.containsKey(task) && !taskErrors.containsKey(task)) {
                    try {
                        contexts.put(task, new TaskContext(subsample(tasks.split(task), suite.trainFramesPerMolecule())));
                    } catch (Exception ex) {
                        taskErrors.put(task, "task " + task + ": " + message(ex));
                    }
                }
                if (taskErrors.containsKey(task)) {
                    results[i] = CellResult.failed(cell, taskErrors.get(task), 0);
                    store.save(results[i], fingerprints[i]);
                    LOG.warn("cell {} failed: {}", cell.id(), firstLine(results[i].error()));
                    step(bar);
                    continue;
                }
                // cells that share a training folder (duplication and fission) run one after the other
                units.computeIfAbsent(trainingDir(cell, contexts.get(task).split), k -> new ArrayList<>()).add(i);
            }
            List<Map.Entry<Path, List<Integer>>> queue = new ArrayList<>(units.entrySet());
            // networks first: the long units start early and the short baseline cells fill the tail
            queue.sort(Comparator.comparing(
                    (Map.Entry<Path, List<Integer>> u) -> !factory.takesOverrides(cells.get(u.getValue().get(0)).model())));
            runUnits(queue, cells, fingerprints, contexts, results, bar);
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return List.of(results);
    }

    /** Runs the work units on {@code options.jobs()} threads; each unit's cells run in order. */
    private void runUnits(List<Map.Entry<Path, List<Integer>>> queue, List<BenchCell> cells, String[] fingerprints,
                          Map<String, TaskContext> contexts, CellResult[] results, ProgressBar bar) throws IOException {
        int threads = Math.min(options.jobs(), Math.max(1, queue.size()));
        if (threads == 1) {
            for (Map.Entry<Path, List<Integer>> unit : queue) {
                runUnit(unit, cells, fingerprints, contexts, results, bar);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<Path, List<Integer>> unit : queue) {
                futures.add(pool.submit(() -> {
                    runUnit(unit, cells, fingerprints, contexts, results, bar);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while running bench cells", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void runUnit(Map.Entry<Path, List<Integer>> unit, List<BenchCell> cells, String[] fingerprints,
                         Map<String, TaskContext> contexts, CellResult[] results, ProgressBar bar) throws IOException {
        for (int i : unit.getValue()) {
            BenchCell cell = cells.get(i);
            if (bar != null) {
                bar.setExtraMessage(cell.id());
            }
            results[i] = runLocked(cell, fingerprints[i], contexts.get(cell.task()), unit.getKey());
            step(bar);
        }
    }

    /**
     * Runs one cell holding its training folder's lock: another bench process on this folder may be
     * training the same model (same cell, or duplication and fission sharing training data); this
     * waits for it, then reuses its work.
     */
    private CellResult runLocked(BenchCell cell, String fingerprint, TaskContext ctx, Path trainDir) throws IOException {
        try (FolderLock lock = FolderLock.acquire(trainDir, LOCK_POLL_MILLIS, () -> LOG.info(
                "cell {}: another bench process holds {}; waiting for it", cell.id(), FolderLock.lockFile(trainDir)))) {
            Optional<CellResult> done = reuse(cell, fingerprint);
            if (done.isPresent()) {
                return done.get();
            }
            CellResult r = runCell(cell, ctx, trainDir);
            store.save(r, fingerprint);
            if (!r.ok()) {
                LOG.warn("cell {} failed: {}", cell.id(), firstLine(r.error()));
            }
            return r;
        }
    }

    /**
     * The cell's result when it finished earlier with {@code fingerprint} (counted as reused);
     * empty with {@code --force}. Asked once when planning and again under the cell's lock, since
     * another process may have finished the cell in between.
     */
    private Optional<CellResult> reuse(BenchCell cell, String fingerprint) throws IOException {
        if (options.force()) {
            return Optional.empty();
        }
        Optional<CellResult> done = store.finished(cell, fingerprint);
        done.ifPresent(r -> reused.incrementAndGet());
        return done;
    }

    /** The factory's fingerprint of a cell; "" when it cannot be made (training then reports the problem). */
    private String fingerprint(BenchCell cell) {
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
        return new TaskSplit(split.task(), train, split.validation(), split.idTest(), split.ood(), split.isolatedAtoms());
    }

    private static void step(ProgressBar bar) {
        if (bar != null) {
            bar.step();
        }
    }

    private CellResult runCell(BenchCell cell, TaskContext ctx, Path trainDir) {
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
                            acc.add(chunk.get(i), pred.get(i).energy(), pred.get(i).forces(), labels);
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
                    metrics, envs, parity, potential.referenceEnergies());
        } catch (Throwable ex) {
            return CellResult.failed(cell, message(ex), (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Training folder of a cell: {@code training/MODEL/seed-N-HASH} with HASH over the overrides,
     * the training and validation frames and the isolated-atom energies, so tasks with the same
     * training data (duplication and fission) share one trained model.
     */
    Path trainingDir(BenchCell cell, TaskSplit split) {
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
            if (!split.isolatedAtoms().isEmpty()) {
                // they become the reference energies (training.e0); data without them keeps its old folders
                md.update(("|e0" + split.isolatedAtoms().energies()).getBytes(StandardCharsets.UTF_8));
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
            // every label computed here, so cells of this task running in parallel only read the map
            for (List<MoleculeRecord> part : List.of(split.idTest(), split.ood())) {
                part.forEach(this::labels);
            }
            warnAboutCompositions(split);
        }

        String[] labels(MoleculeRecord m) {
            return labels.computeIfAbsent(m, AtomEnvironments::of);
        }

        /** Logs {@link #compositionWarnings} of the split. */
        private static void warnAboutCompositions(TaskSplit split) {
            compositionWarnings(split).forEach(LOG::warn);
        }
    }

    /**
     * One warning per ID-test or OOD molecule whose energy offset the training compositions leave
     * open (an element never trained on, or a composition outside their span), naming task, split
     * and molecule.
     */
    static List<String> compositionWarnings(TaskSplit split) {
        List<int[]> trained = new ArrayList<>();
        for (MoleculeRecord m : split.train()) {
            if (!m.frames().isEmpty()) {
                trained.add(m.frames().get(0).structure().atomicNumbers());
            }
        }
        CompositionSpan span = CompositionSpan.of(trained);
        List<String> warnings = new ArrayList<>();
        for (Split s : Split.values()) {
            for (MoleculeRecord m : s == Split.ID ? split.idTest() : split.ood()) {
                if (!m.frames().isEmpty()) {
                    span.warning(m.frames().get(0).structure().atomicNumbers()).ifPresent(w ->
                            warnings.add("task " + split.task() + ": " + s.name() + " molecule " + m.id() + ": " + w));
                }
            }
        }
        return warnings;
    }
}
