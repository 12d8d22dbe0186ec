package io.moiety.label;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * SMILES → reference data: Open Babel 3D embedding, {@code xtb --opt}, connectivity check, two
 * independent NVT trajectories ({@code xtb --md}, deterministic initial velocities), GFN2-xTB
 * single points with gradient on every kept snapshot. The steps ({@link LabelSteps}) run on a
 * {@link WorkEngine}, by default a {@link LocalEngine} of {@code workers} threads (single points
 * first, so molecules finish one after another), and store their results in a {@link WorkStore},
 * so an interrupted run resumes where it stopped. Failures (rejected molecules, failed MD, SCF
 * failures, crashes, timeouts) are stored with their reason, skipped and reported in the
 * {@link GenerationSummary}.
 */
public final class LabelPipeline {
    private final PipelineOptions options;
    private final Map<String, String> env;
    private final boolean seeded;
    private final Optional<String> unseededWarning;
    private final WorkStore store;
    private final LabelSteps steps;

    /** A pipeline that finds xtb, obabel and faketime in the environment of the process running each step. */
    public LabelPipeline(PipelineOptions options) {
        this(options, System.getenv(), null);
    }

    /** As {@link #LabelPipeline(PipelineOptions)}, finding the programs in {@code env} ({@code PATH}, {@code MOIETY_*}). */
    LabelPipeline(PipelineOptions options, Map<String, String> env) {
        this(options, env, env);
    }

    private LabelPipeline(PipelineOptions options, Map<String, String> env, Map<String, String> stepsEnv) {
        this.options = options;
        this.env = Map.copyOf(env);
        // decided once: the work-directory key, the provenance and the obabel calls must agree
        this.seeded = FaketimeLibrary.find(this.env).isPresent();
        this.unseededWarning = seeded ? Optional.empty() : FaketimeLibrary.missingWarning(this.env);
        String key = seeded
                ? "seeded|FAKETIME=" + OpenBabel.frozenClock(options.seed()) + "|seed=" + options.seed()
                : "unseeded|seed=" + options.seed();
        this.store = new WorkStore(options.work(), key);
        this.steps = new LabelSteps(options, key, seeded, stepsEnv);
    }

    /** Whether the Open Babel embedding is seeded by the global seed (libfaketime found). */
    public boolean embeddingSeeded() { return seeded; }

    /** The warning printed by {@link #run} when the embedding is not seeded. */
    public Optional<String> unseededWarning() { return unseededWarning; }

    /** One line for provenance: how the 3D embedding was made and whether it was seeded. */
    public String embeddingDescription() {
        return seeded
                ? "obabel --gen3d seeded by a frozen clock (libfaketime, FAKETIME='" + OpenBabel.frozenClock(options.seed()) + "')"
                : "obabel --gen3d NOT seeded (faketime missing; embedding not reproducible)";
    }

    /** The work directory. */
    public WorkStore store() { return store; }

    /** Seed of one trajectory's initial velocities. */
    public long trajectorySeed(MoleculeJob job, Trajectory t) {
        return steps.trajectorySeed(job, t);
    }

    /** MD settings of a trajectory. */
    public MdSettings settings(Trajectory t) {
        return steps.settings(t);
    }

    /**
     * Runs (or continues) the pipeline over {@code jobs} on a {@link LocalEngine} of
     * {@code workers} threads, after checking that xtb and obabel are installed here.
     */
    public GenerationSummary run(List<MoleculeJob> jobs) throws IOException, InterruptedException {
        steps.openTools();
        return run(jobs, new LocalEngine(options.workers()));
    }

    /**
     * Runs (or continues) the pipeline over {@code jobs} on {@code engine}. Returns when every
     * frame is labelled or recorded as failed; throws when interrupted or on an unexpected error
     * (results so far stay in the work directory).
     */
    public GenerationSummary run(List<MoleculeJob> jobs, WorkEngine engine) throws IOException, InterruptedException {
        unseededWarning.ifPresent(System.err::println);
        ToolRun.deleteTree(store.scratch());
        Files.createDirectories(store.scratch());
        // On Ctrl-C / SIGTERM the JVM exits without killing its children: do it here.
        Thread killChildren = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly));
        Runtime.getRuntime().addShutdownHook(killChildren);
        long start = System.nanoTime();
        Tally tally = new Tally(jobs);
        try {
            engine.run(steps, jobs.stream().map(LabelSteps.Step::prepare).toList(), tally::add);
        } finally {
            tally.close();
            try {
                Runtime.getRuntime().removeShutdownHook(killChildren);
            } catch (IllegalStateException shuttingDown) {
                // already running
            }
        }
        return tally.summary(Duration.ofNanos(System.nanoTime() - start));
    }

    /** The reports of one run added up, with the progress bar. */
    private final class Tally {
        private final int molecules;
        private final int total;
        private final Map<String, Integer> remaining = new LinkedHashMap<>();
        private final List<Failure> failures = new ArrayList<>();
        private final ProgressBar bar;
        private int labelled;
        private int failedFrames;
        private int computed;
        private int moleculesFailed;
        private int moleculesDone;

        Tally(List<MoleculeJob> jobs) {
            int n = 0;
            for (MoleculeJob j : jobs) {
                n += steps.framesOf(j);
                remaining.put(j.name(), steps.framesOf(j));
            }
            this.molecules = jobs.size();
            this.total = n;
            this.bar = options.progress() ? new ProgressBarBuilder().setTaskName("label").setInitialMax(total)
                    .setUnit(" frames", 1).setUpdateIntervalMillis(500).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
            message();
        }

        void add(LabelSteps.Report r) {
            labelled += r.labelled();
            failedFrames += r.failedFrames();
            failures.addAll(r.failures());
            if (r.moleculeFailed()) {
                moleculesFailed++;
            }
            if (r.finished() > 0) {
                if (bar != null) {
                    bar.stepBy(r.finished());
                }
                if (remaining.merge(r.molecule(), -r.finished(), Integer::sum) == 0) {
                    moleculesDone++;
                }
                message();
            }
            if (r.computed() > 0) {
                computed += r.computed();
                if (options.afterFrame() != null) {
                    options.afterFrame().stored(computed);
                }
            }
        }

        private void message() {
            if (bar != null) {
                bar.setExtraMessage(String.format(" molecules %d/%d, failed frames %d", moleculesDone, molecules, failedFrames));
            }
        }

        void close() {
            if (bar != null) {
                bar.close();
            }
        }

        GenerationSummary summary(Duration elapsed) {
            List<Failure> sorted = new ArrayList<>(failures);
            sorted.sort((a, b) -> a.toString().compareTo(b.toString()));
            return new GenerationSummary(molecules, moleculesFailed, total, labelled, failedFrames, computed, seeded, elapsed, sorted);
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
            if (Files.exists(mdir.resolve(LabelSteps.FAILED)) || !Files.exists(mdir.resolve("optimized.xyz"))) {
                continue;
            }
            for (Trajectory t : steps.trajectories(job)) {
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
