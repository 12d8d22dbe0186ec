package io.moiety.label;

import io.moiety.chem.BondPerception;
import io.moiety.chem.Connectivity;
import io.moiety.chem.MolecularGraph;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;

/**
 * SMILES → reference data: Open Babel 3D embedding, {@code xtb --opt}, connectivity check, two
 * independent NVT trajectories ({@code xtb --md}, deterministic initial velocities), GFN2-xTB
 * single points with gradient on every kept snapshot. All external calls share one bounded pool
 * of {@code workers} threads (single points first, so molecules finish one after another) and
 * store their results in a {@link WorkStore}, so an interrupted run resumes where it stopped.
 * Failures (rejected molecules, failed MD, SCF failures, crashes, timeouts) are stored with
 * their reason, skipped and reported in the {@link GenerationSummary}.
 */
public final class LabelPipeline {
    private static final int PRIORITY_SINGLE_POINT = 0;
    private static final int PRIORITY_MD = 1;
    private static final int PRIORITY_PREPARE = 2;
    private static final String FAILED = "failed.txt";

    private final PipelineOptions options;
    private final Map<String, String> env;
    private final Path faketime;                 // null: the embedding is not seeded
    private final Optional<String> unseededWarning;
    private final WorkStore store;

    /** A pipeline that finds xtb, obabel and faketime in the process environment. */
    public LabelPipeline(PipelineOptions options) {
        this(options, System.getenv());
    }

    /** As {@link #LabelPipeline(PipelineOptions)}, finding the programs in {@code env} ({@code PATH}, {@code MOIETY_*}). */
    LabelPipeline(PipelineOptions options, Map<String, String> env) {
        this.options = options;
        this.env = Map.copyOf(env);
        // resolved once: the work-directory key, the provenance and the obabel calls must agree
        this.faketime = FaketimeLibrary.find(this.env).orElse(null);
        this.unseededWarning = faketime == null ? FaketimeLibrary.missingWarning(this.env) : Optional.empty();
        this.store = new WorkStore(options.work(), embeddingSeeded()
                ? "seeded|FAKETIME=" + OpenBabel.frozenClock(options.seed()) + "|seed=" + options.seed()
                : "unseeded|seed=" + options.seed());
    }

    /** Whether the Open Babel embedding is seeded by the global seed (libfaketime found). */
    public boolean embeddingSeeded() { return faketime != null; }

    /** The warning printed by {@link #run} when the embedding is not seeded. */
    public Optional<String> unseededWarning() { return unseededWarning; }

    /** One line for provenance: how the 3D embedding was made and whether it was seeded. */
    public String embeddingDescription() {
        return embeddingSeeded()
                ? "obabel --gen3d seeded by a frozen clock (libfaketime, FAKETIME='" + OpenBabel.frozenClock(options.seed()) + "')"
                : "obabel --gen3d NOT seeded (faketime missing; embedding not reproducible)";
    }

    /** The work directory. */
    public WorkStore store() { return store; }

    /** Seed of one trajectory's initial velocities. */
    public long trajectorySeed(MoleculeJob job, Trajectory t) {
        return WorkStore.seed("moiety-md|" + options.seed() + "|" + job.molecule().canonicalSmiles() + "|" + t.label());
    }

    /** MD settings of a trajectory. */
    public MdSettings settings(Trajectory t) {
        return t == Trajectory.PRIMARY ? options.primary() : options.secondary();
    }

    private List<Trajectory> trajectories(MoleculeJob job) {
        return job.secondary() ? List.of(Trajectory.PRIMARY, Trajectory.SECONDARY) : List.of(Trajectory.PRIMARY);
    }

    private int framesOf(MoleculeJob job) {
        int n = 0;
        for (Trajectory t : trajectories(job)) {
            n += settings(t).frames();
        }
        return n;
    }

    /**
     * Runs (or continues) the pipeline over {@code jobs}. Returns when every frame is labelled or
     * recorded as failed; throws when interrupted or on an unexpected error (results so far stay
     * in the work directory).
     */
    public GenerationSummary run(List<MoleculeJob> jobs) throws IOException, InterruptedException {
        Xtb xtb = new Xtb(ExternalTool.XTB.locate(env), store.scratch(), options.timeout());
        OpenBabel obabel = new OpenBabel(ExternalTool.OBABEL.locate(env), faketime, store.scratch(), options.timeout());
        unseededWarning.ifPresent(System.err::println);
        ToolRun.deleteTree(store.scratch());
        Files.createDirectories(store.scratch());
        // On Ctrl-C / SIGTERM the JVM exits without killing its children: do it here.
        Thread killChildren = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly));
        Runtime.getRuntime().addShutdownHook(killChildren);
        try {
            return new Run(jobs, xtb, obabel).execute();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killChildren);
            } catch (IllegalStateException shuttingDown) {
                // already running
            }
        }
    }

    /** One execution: pool, counters, progress bar. */
    private final class Run {
        private final List<MoleculeJob> jobs;
        private final Xtb xtb;
        private final OpenBabel obabel;
        private final ThreadPoolExecutor pool;
        private final AtomicLong sequence = new AtomicLong();
        private final AtomicInteger pending = new AtomicInteger();
        private final AtomicReference<Throwable> fatal = new AtomicReference<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger labelled = new AtomicInteger();
        private final AtomicInteger failedFrames = new AtomicInteger();
        private final AtomicInteger computed = new AtomicInteger();
        private final AtomicInteger moleculesFailed = new AtomicInteger();
        private final AtomicInteger moleculesDone = new AtomicInteger();
        private final Map<String, AtomicInteger> remaining = new LinkedHashMap<>();
        private final ProgressBar bar;
        private final int total;

        Run(List<MoleculeJob> jobs, Xtb xtb, OpenBabel obabel) {
            this.jobs = jobs;
            this.xtb = xtb;
            this.obabel = obabel;
            int w = options.workers();
            this.pool = new ThreadPoolExecutor(w, w, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "moiety-label");
                t.setDaemon(true);
                return t;
            });
            int n = 0;
            for (MoleculeJob j : jobs) {
                n += framesOf(j);
                remaining.put(j.name(), new AtomicInteger(framesOf(j)));
            }
            this.total = n;
            this.bar = options.progress() ? new ProgressBarBuilder().setTaskName("label").setInitialMax(total)
                    .setUnit(" frames", 1).setUpdateIntervalMillis(500).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
        }

        GenerationSummary execute() throws IOException, InterruptedException {
            long start = System.nanoTime();
            try {
                if (jobs.isEmpty()) {
                    done.countDown();
                }
                message();
                for (MoleculeJob job : jobs) {
                    submit(PRIORITY_PREPARE, () -> prepare(job));
                }
                try {
                    done.await();
                } finally {
                    pool.shutdownNow();
                    pool.awaitTermination(60, TimeUnit.SECONDS);
                }
                Throwable t = fatal.get();
                if (t != null) {
                    if (t instanceof IOException io) {
                        throw io;
                    }
                    if (t instanceof InterruptedException ie) {
                        throw ie;
                    }
                    if (t instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(t);
                }
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
            List<Failure> sorted = new ArrayList<>(failures);
            sorted.sort((a, b) -> a.toString().compareTo(b.toString()));
            return new GenerationSummary(jobs.size(), moleculesFailed.get(), total, labelled.get(), failedFrames.get(),
                    computed.get(), embeddingSeeded(), Duration.ofNanos(System.nanoTime() - start), sorted);
        }

        private void message() {
            if (bar != null) {
                bar.setExtraMessage(String.format(" molecules %d/%d, failed frames %d", moleculesDone.get(), jobs.size(), failedFrames.get()));
            }
        }

        /** Marks {@code n} frames of {@code job} finished (labelled, failed or skipped). */
        private void finished(MoleculeJob job, int n) {
            if (bar != null) {
                bar.stepBy(n);
            }
            if (remaining.get(job.name()).addAndGet(-n) == 0) {
                moleculesDone.incrementAndGet();
            }
            message();
        }

        private void submit(int priority, Body body) {
            pending.incrementAndGet();
            pool.execute(new Task(priority, sequence.getAndIncrement(), body));
        }

        private void prepare(MoleculeJob job) throws Exception {
            Path dir = store.molecule(job);
            Optional<String> failed = WorkStore.get(dir.resolve(FAILED));
            if (failed.isPresent()) {
                rejectMolecule(job, failed.get().strip(), false);
                return;
            }
            Structure optimized;
            Path optFile = dir.resolve("optimized.xyz");
            Optional<String> cached = WorkStore.get(optFile);
            if (cached.isPresent()) {
                optimized = read(cached.get(), optFile, job);
            } else {
                try {
                    Path embFile = dir.resolve("embedded.xyz");
                    Optional<String> emb = WorkStore.get(embFile);
                    Structure embedded;
                    if (emb.isPresent()) {
                        embedded = read(emb.get(), embFile, job);
                    } else {
                        embedded = obabel.embed(job.molecule(), options.seed());
                        WorkStore.put(embFile, XyzText.write(embedded, job.molecule().canonicalSmiles()));
                    }
                    Connectivity.Result e = Connectivity.compare(job.molecule().graph(), BondPerception.perceive(embedded));
                    if (!e.unchanged()) {
                        throw new ToolFailure("Open Babel embedding does not match the SMILES: " + e.reason());
                    }
                    optimized = xtb.optimize(embedded);
                    Connectivity.Result c = Connectivity.compare(job.molecule().graph(), BondPerception.perceive(optimized));
                    if (!c.unchanged()) {
                        throw new ToolFailure("rearranged during xtb --opt: " + c.reason());
                    }
                } catch (ToolFailure f) {
                    rejectMolecule(job, f.getMessage(), true);
                    return;
                }
                WorkStore.put(optFile, XyzText.write(optimized, job.molecule().canonicalSmiles()));
            }
            // bonds of the checked minimum, in the trajectory's atom order: each snapshot is
            // compared with it index by index (cheap), and fully only when it differs
            MolecularGraph reference = BondPerception.perceive(optimized);
            for (Trajectory t : trajectories(job)) {
                Structure start = optimized;
                submit(PRIORITY_MD, () -> dynamics(job, t, start, reference));
            }
        }

        private void rejectMolecule(MoleculeJob job, String reason, boolean store) throws IOException {
            if (store) {
                WorkStore.put(LabelPipeline.this.store.molecule(job).resolve(FAILED), reason + "\n");
            }
            failures.add(new Failure(job.name(), null, -1, reason));
            moleculesFailed.incrementAndGet();
            int n = framesOf(job);
            failedFrames.addAndGet(n);
            finished(job, n);
        }

        private void dynamics(MoleculeJob job, Trajectory t, Structure start, MolecularGraph reference) throws Exception {
            MdSettings md = settings(t);
            long seed = trajectorySeed(job, t);
            Path dir = store.trajectory(job, t, md, seed);
            Optional<String> failed = WorkStore.get(dir.resolve(FAILED));
            if (failed.isPresent()) {
                failTrajectory(job, t, failed.get().strip(), null);
                return;
            }
            Path snapFile = dir.resolve("snapshots.xyz");
            Optional<String> cached = WorkStore.get(snapFile);
            List<Xtb.Snapshot> snaps;
            if (cached.isPresent()) {
                snaps = WorkStore.parseSnapshots(cached.get(), snapFile, job.molecule().charge(), job.molecule().multiplicity());
            } else {
                try {
                    snaps = xtb.dynamics(start, md, seed);
                } catch (ToolFailure f) {
                    failTrajectory(job, t, f.getMessage(), dir);
                    return;
                }
                WorkStore.put(dir.resolve("settings.txt"), md.key() + "\nseed=" + seed + "\n" + md.xcontrol());
                WorkStore.put(snapFile, WorkStore.formatSnapshots(snaps));
            }
            for (int i = 0; i < snaps.size(); i++) {
                int frame = i;
                Path label = WorkStore.labelFile(dir, i);
                Path fail = WorkStore.failedFile(dir, i);
                if (Files.exists(label)) {
                    labelled.incrementAndGet();
                    finished(job, 1);
                } else if (Files.exists(fail)) {
                    failFrame(job, t, i, Files.readString(fail).strip());
                } else {
                    Structure s = snaps.get(i).structure();
                    submit(PRIORITY_SINGLE_POINT, () -> singlePoint(job, t, frame, s, dir, reference));
                }
            }
        }

        private void failTrajectory(MoleculeJob job, Trajectory t, String reason, Path storeIn) throws IOException {
            if (storeIn != null) {
                WorkStore.put(storeIn.resolve(FAILED), reason + "\n");
            }
            failures.add(new Failure(job.name(), t, -1, reason));
            int n = settings(t).frames();
            failedFrames.addAndGet(n);
            finished(job, n);
        }

        private void failFrame(MoleculeJob job, Trajectory t, int frame, String reason) {
            failures.add(new Failure(job.name(), t, frame, reason));
            failedFrames.incrementAndGet();
            finished(job, 1);
        }

        private void singlePoint(MoleculeJob job, Trajectory t, int frame, Structure s, Path dir, MolecularGraph reference) throws Exception {
            try {
                XtbLabel label = xtb.singlePoint(s);
                MolecularGraph bonds = BondPerception.perceive(s);
                if (!bonds.sameBonds(reference)) {
                    Connectivity.Result c = Connectivity.compare(job.molecule().graph(), bonds);
                    throw new ToolFailure("connectivity changed during MD: "
                            + (c.unchanged() ? "bonds differ from the optimised structure (an equivalent graph, atoms swapped)" : c.reason()));
                }
                WorkStore.put(WorkStore.labelFile(dir, frame), WorkStore.formatLabel(label));
                labelled.incrementAndGet();
                finished(job, 1);
            } catch (ToolFailure f) {
                WorkStore.put(WorkStore.failedFile(dir, frame), f.getMessage() + "\n");
                failFrame(job, t, frame, f.getMessage());
            }
            int n = computed.incrementAndGet();
            if (options.afterFrame() != null) {
                options.afterFrame().stored(n);
            }
        }

        private Structure read(String text, Path file, MoleculeJob job) {
            return XyzText.read(text, file.toString(), job.molecule().charge(), job.molecule().multiplicity()).get(0).structure();
        }

        /** Work item body. */
        private interface Body {
            void run() throws Exception;
        }

        /** Prioritised work item: single points before MD before new molecules, FIFO within. */
        private final class Task implements Runnable, Comparable<Task> {
            private final int priority;
            private final long seq;
            private final Body body;

            Task(int priority, long seq, Body body) {
                this.priority = priority;
                this.seq = seq;
                this.body = body;
            }

            @Override
            public int compareTo(Task o) {
                return priority != o.priority ? Integer.compare(priority, o.priority) : Long.compare(seq, o.seq);
            }

            @Override
            public void run() {
                try {
                    if (fatal.get() == null) {
                        body.run();
                    }
                } catch (Throwable t) {
                    fatal.compareAndSet(null, t);
                    done.countDown();
                } finally {
                    if (pending.decrementAndGet() == 0) {
                        done.countDown();
                    }
                }
            }
        }
    }

    /**
     * The dataset records of {@code jobs} from the work directory, in job order: for each molecule
     * its primary trajectory (id = name) and, when generated, its secondary one (id = name +
     * {@code .md2}); only labelled frames. Frame info holds {@code trajectory}, {@code snapshot}
     * and {@code md_time_fs}.
     */
    public List<MoleculeRecord> records(List<MoleculeJob> jobs, String provenance) throws IOException {
        List<MoleculeRecord> out = new ArrayList<>();
        for (MoleculeJob job : jobs) {
            Path mdir = store.molecule(job);
            if (Files.exists(mdir.resolve(FAILED)) || !Files.exists(mdir.resolve("optimized.xyz"))) {
                continue;
            }
            for (Trajectory t : trajectories(job)) {
                MdSettings md = settings(t);
                long seed = trajectorySeed(job, t);
                Path dir = store.trajectory(job, t, md, seed);
                Path snapFile = dir.resolve("snapshots.xyz");
                Optional<String> text = WorkStore.get(snapFile);
                if (text.isEmpty()) {
                    continue;
                }
                List<Xtb.Snapshot> snaps = WorkStore.parseSnapshots(text.get(), snapFile, job.molecule().charge(), job.molecule().multiplicity());
                List<Frame> frames = new ArrayList<>();
                for (int i = 0; i < snaps.size(); i++) {
                    Path lf = WorkStore.labelFile(dir, i);
                    Optional<String> l = WorkStore.get(lf);
                    if (l.isEmpty()) {
                        continue;
                    }
                    Structure s = snaps.get(i).structure();
                    XtbLabel label = WorkStore.parseLabel(l.get(), s.size(), lf);
                    Map<String, String> info = new LinkedHashMap<>();
                    info.put("trajectory", t.label());
                    info.put("snapshot", Integer.toString(i));
                    info.put("md_time_fs", Double.toString(snaps.get(i).timeFs()));
                    frames.add(new Frame(s, label.energy(), label.forces(), info));
                }
                if (frames.isEmpty()) {
                    continue;
                }
                String id = t == Trajectory.PRIMARY ? job.name() : job.name() + ".md2";
                String source = provenance + "; embedding: " + embeddingDescription() + "; trajectory=" + t.label() + " (" + md.key() + ", velocity seed " + Long.toUnsignedString(seed) + ")";
                out.add(new MoleculeRecord(id, job.molecule().canonicalSmiles(), job.molecule().formula(), job.molecule().charge(),
                        job.molecule().multiplicity(), Xtb.LEVEL_OF_THEORY, source, frames));
            }
        }
        return out;
    }
}
