package io.moiety.label;

import io.moiety.chem.BondPerception;
import io.moiety.chem.Connectivity;
import io.moiety.chem.MolecularGraph;
import io.moiety.chem.Structure;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chemistry of {@link LabelPipeline} as units of work for a {@link WorkEngine}: prepare a
 * molecule (Open Babel 3D embedding, {@code xtb --opt}, connectivity checks), run one trajectory
 * ({@code xtb --md}), label one frame (GFN2-xTB single point with gradient). Every result and
 * every failure is stored in the {@link WorkStore}; a unit whose result is stored reads it
 * instead of computing it, so any unit may run again. Opens xtb and obabel once per process,
 * on the machine that runs the units.
 */
final class LabelSteps implements UnitWork<LabelSteps.Step, LabelSteps.Report> {
    private static final long serialVersionUID = 1L;
    static final String FAILED = "failed.txt";

    /** What a unit does; the declaration order is the priority (single points first). */
    enum Kind { SINGLE_POINT, DYNAMICS, PREPARE }

    /**
     * One unit: a molecule to prepare, a trajectory to run from {@code structure}, or frame
     * {@code frame} (a snapshot, {@code structure}) to label.
     *
     * @param reference bonds of the optimised structure, in the trajectory's atom order
     */
    record Step(Kind kind, MoleculeJob job, Trajectory trajectory, int frame, Structure structure, MolecularGraph reference)
            implements Serializable {
        static Step prepare(MoleculeJob job) {
            return new Step(Kind.PREPARE, job, null, -1, null, null);
        }
    }

    /**
     * What a unit finished: frames of {@code molecule} labelled (now or before), frames that
     * failed, single points computed in this unit, failures with reasons, and whether the whole
     * molecule was rejected.
     */
    record Report(String molecule, int labelled, int failedFrames, int computed, List<Failure> failures, boolean moleculeFailed)
            implements Serializable {
        static final Report NOTHING = new Report("", 0, 0, 0, List.of(), false);

        Report {
            failures = List.copyOf(failures);
        }

        /** Frames finished (labelled or failed). */
        int finished() { return labelled + failedFrames; }
    }

    private final String work;
    private final String embeddingKey;
    private final MdSettings primary;
    private final MdSettings secondary;
    private final long seed;
    private final Duration timeout;
    private final boolean seeded;
    private final Map<String, String> env;         // null: this process's environment
    private transient WorkStore store;
    private transient Xtb xtb;
    private transient OpenBabel obabel;

    /**
     * @param seeded whether the embedding must be seeded with libfaketime (the work directory's
     *               key says so)
     * @param env    where to find xtb, obabel and libfaketime; null for the environment of the
     *               process that runs the units
     */
    LabelSteps(PipelineOptions options, String embeddingKey, boolean seeded, Map<String, String> env) {
        this.work = options.work().toString();
        this.embeddingKey = embeddingKey;
        this.primary = options.primary();
        this.secondary = options.secondary();
        this.seed = options.seed();
        this.timeout = options.timeout();
        this.seeded = seeded;
        this.env = env == null ? null : Map.copyOf(env);
    }

    /** The work directory. */
    synchronized WorkStore store() {
        if (store == null) {
            store = new WorkStore(Path.of(work), embeddingKey);
        }
        return store;
    }

    /** Locates xtb and obabel (and libfaketime when seeded) in this process; throws naming what is missing. */
    synchronized void openTools() {
        if (xtb != null) {
            return;
        }
        Map<String, String> e = env != null ? env : System.getenv();
        Path scratch = store().scratch();
        Xtb x = new Xtb(ExternalTool.XTB.locate(e), scratch, timeout);
        Path obabelPath = ExternalTool.OBABEL.locate(e);
        Path faketime = seeded ? FaketimeLibrary.locate(e) : null;   // the work directory's key says seeded
        obabel = new OpenBabel(obabelPath, faketime, scratch, timeout);
        xtb = x;
    }

    /** Seed of one trajectory's initial velocities. */
    long trajectorySeed(MoleculeJob job, Trajectory t) {
        return WorkStore.seed("moiety-md|" + seed + "|" + job.molecule().canonicalSmiles() + "|" + t.label());
    }

    /** MD settings of a trajectory. */
    MdSettings settings(Trajectory t) {
        return t == Trajectory.PRIMARY ? primary : secondary;
    }

    List<Trajectory> trajectories(MoleculeJob job) {
        return job.secondary() ? List.of(Trajectory.PRIMARY, Trajectory.SECONDARY) : List.of(Trajectory.PRIMARY);
    }

    /** Frames requested for a molecule (all its trajectories). */
    int framesOf(MoleculeJob job) {
        int n = 0;
        for (Trajectory t : trajectories(job)) {
            n += settings(t).frames();
        }
        return n;
    }

    /** Directory of one trajectory. */
    Path trajectoryDir(MoleculeJob job, Trajectory t) {
        return store().trajectory(job, t, settings(t), trajectorySeed(job, t));
    }

    @Override
    public int priority(Step step) {
        return step.kind().ordinal();
    }

    @Override
    public Result<Step, Report> run(Step step) throws Exception {
        openTools();
        return switch (step.kind()) {
            case PREPARE -> prepare(step.job());
            case DYNAMICS -> dynamics(step.job(), step.trajectory(), step.structure(), step.reference());
            case SINGLE_POINT -> new Result<>(singlePoint(step), List.of());
        };
    }

    private Result<Step, Report> prepare(MoleculeJob job) throws Exception {
        Path dir = store().molecule(job);
        Optional<String> failed = WorkStore.get(dir.resolve(FAILED));
        if (failed.isPresent()) {
            return rejectMolecule(job, failed.get().strip(), false);
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
                    embedded = obabel.embed(job.molecule(), seed);
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
                return rejectMolecule(job, f.getMessage(), true);
            }
            WorkStore.put(optFile, XyzText.write(optimized, job.molecule().canonicalSmiles()));
        }
        // bonds of the checked minimum, in the trajectory's atom order: each snapshot is
        // compared with it index by index (cheap), and fully only when it differs
        MolecularGraph reference = BondPerception.perceive(optimized);
        List<Step> next = new ArrayList<>();
        for (Trajectory t : trajectories(job)) {
            next.add(new Step(Kind.DYNAMICS, job, t, -1, optimized, reference));
        }
        return new Result<>(Report.NOTHING, next);
    }

    private Result<Step, Report> rejectMolecule(MoleculeJob job, String reason, boolean store) throws IOException {
        if (store) {
            WorkStore.put(store().molecule(job).resolve(FAILED), reason + "\n");
        }
        return new Result<>(new Report(job.name(), 0, framesOf(job), 0, List.of(new Failure(job.name(), null, -1, reason)), true), List.of());
    }

    private Result<Step, Report> dynamics(MoleculeJob job, Trajectory t, Structure start, MolecularGraph reference) throws Exception {
        MdSettings md = settings(t);
        long trajectorySeed = trajectorySeed(job, t);
        Path dir = trajectoryDir(job, t);
        Optional<String> failed = WorkStore.get(dir.resolve(FAILED));
        if (failed.isPresent()) {
            return failTrajectory(job, t, failed.get().strip(), null);
        }
        Path snapFile = dir.resolve("snapshots.xyz");
        Optional<String> cached = WorkStore.get(snapFile);
        List<Xtb.Snapshot> snaps;
        if (cached.isPresent()) {
            snaps = WorkStore.parseSnapshots(cached.get(), snapFile, job.molecule().charge(), job.molecule().multiplicity());
        } else {
            try {
                snaps = xtb.dynamics(start, md, trajectorySeed);
            } catch (ToolFailure f) {
                return failTrajectory(job, t, f.getMessage(), dir);
            }
            WorkStore.put(dir.resolve("settings.txt"), md.key() + "\nseed=" + trajectorySeed + "\n" + md.xcontrol());
            WorkStore.put(snapFile, WorkStore.formatSnapshots(snaps));
        }
        int labelled = 0;
        List<Failure> failures = new ArrayList<>();
        List<Step> next = new ArrayList<>();
        for (int i = 0; i < snaps.size(); i++) {
            Path fail = WorkStore.failedFile(dir, i);
            if (Files.exists(WorkStore.labelFile(dir, i))) {
                labelled++;
            } else if (Files.exists(fail)) {
                failures.add(new Failure(job.name(), t, i, Files.readString(fail).strip()));
            } else {
                next.add(new Step(Kind.SINGLE_POINT, job, t, i, snaps.get(i).structure(), reference));
            }
        }
        return new Result<>(new Report(job.name(), labelled, failures.size(), 0, failures, false), next);
    }

    private Result<Step, Report> failTrajectory(MoleculeJob job, Trajectory t, String reason, Path storeIn) throws IOException {
        if (storeIn != null) {
            WorkStore.put(storeIn.resolve(FAILED), reason + "\n");
        }
        Report r = new Report(job.name(), 0, settings(t).frames(), 0, List.of(new Failure(job.name(), t, -1, reason)), false);
        return new Result<>(r, List.of());
    }

    private Report singlePoint(Step step) throws Exception {
        MoleculeJob job = step.job();
        Path dir = trajectoryDir(job, step.trajectory());
        Path labelFile = WorkStore.labelFile(dir, step.frame());
        Path failedFile = WorkStore.failedFile(dir, step.frame());
        if (Files.exists(labelFile)) {           // stored by an earlier attempt of this unit
            return new Report(job.name(), 1, 0, 0, List.of(), false);
        }
        if (Files.exists(failedFile)) {
            return frameFailed(step, Files.readString(failedFile).strip(), 0);
        }
        Structure s = step.structure();
        try {
            XtbLabel label = xtb.singlePoint(s);
            MolecularGraph bonds = BondPerception.perceive(s);
            if (!bonds.sameBonds(step.reference())) {
                Connectivity.Result c = Connectivity.compare(job.molecule().graph(), bonds);
                throw new ToolFailure("connectivity changed during MD: "
                        + (c.unchanged() ? "bonds differ from the optimised structure (an equivalent graph, atoms swapped)" : c.reason()));
            }
            WorkStore.put(labelFile, WorkStore.formatLabel(label));
            return new Report(job.name(), 1, 0, 1, List.of(), false);
        } catch (ToolFailure f) {
            WorkStore.put(failedFile, f.getMessage() + "\n");
            return frameFailed(step, f.getMessage(), 1);
        }
    }

    private static Report frameFailed(Step step, String reason, int computed) {
        MoleculeJob job = step.job();
        return new Report(job.name(), 0, 1, computed, List.of(new Failure(job.name(), step.trajectory(), step.frame(), reason)), false);
    }

    static Structure read(String text, Path file, MoleculeJob job) {
        return XyzText.read(text, file.toString(), job.molecule().charge(), job.molecule().multiplicity()).get(0).structure();
    }
}
