package io.moiety.cli;

import io.moiety.chem.SmilesGraph;
import io.moiety.data.Dataset;
import io.moiety.data.FolderLock;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import io.moiety.label.GenerationSummary;
import io.moiety.label.IsolatedAtomEnergies;
import io.moiety.label.LabelPipeline;
import io.moiety.label.MdSettings;
import io.moiety.label.MoleculeJob;
import io.moiety.label.PipelineOptions;
import io.moiety.label.WorkEngine;
import io.moiety.label.SmilesInput;
import io.moiety.label.WorkStore;
import io.moiety.label.Xtb;
import io.moiety.task.Role;
import io.moiety.task.Task;
import io.moiety.task.TaskLoader;
import io.moiety.task.TaskMolecule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moiety generate}: reference data for one task or all tasks from SMILES with xtb. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Generate GFN2-xTB reference data (energies, forces) for a task's molecules.",
            "Steps: Open Babel 3D embedding, xtb --opt with a connectivity check, two independent NVT",
            "trajectories (xtb --md, 300 K, real hydrogen mass, no SHAKE) and GFN2-xTB",
            "single points with gradient on every kept snapshot. Primary trajectories",
            "are stored as group NAME, the training molecules' second trajectories as",
            "NAME.md2 (see docs/data.md). Every output also gets the GFN2-xTB energy of",
            "the isolated atom of each of its elements in its ground-state spin (xtb --uhf N,",
            "N unpaired electrons: H 1, C 2, N 3, O 2, ...), the group isolated_atoms",
            "(docs/formats.md); --add-isolated-atoms adds them to an existing file.",
            "",
            "Resumable: results are kept per frame in the work directory; re-running",
            "the same command continues where it stopped. Failures are recorded with",
            "their reason and skipped. Deterministic for a given --seed; needs xtb,",
            "obabel and faketime, which seeds Open Babel's conformer search (without",
            "it a warning says the embedding is not reproducible). Debian/Ubuntu:",
            "sudo apt-get install xtb openbabel faketime.",
            ""},
        footer = {"",
            "Examples:",
            "  moiety generate --task fusion",
            "      default scale, writes ./moiety-fusion-default.h5",
            "  moiety generate --all --out data/moiety-default.h5 --force",
            "      the embedded dataset (all tasks, ~40 frames per molecule)",
            "  moiety generate --all --scale paper --workers 32 --out moiety-paper.h5",
            "      paper scale (~2,000 + 500 frames per molecule; many core-hours)",
            "  moiety generate --smiles CCO --smiles 'OC(=O)CC' --out mine.h5",
            "      your own molecules, sampled like a task's training molecules",
            "  moiety generate --smiles-file molecules.smi --out mine.h5",
            "      one 'SMILES [NAME]' per line, # comments",
            "  moiety generate --task fusion --retry-failed",
            "      try the molecules and frames recorded as failed again",
            "  moiety generate --add-isolated-atoms data/moiety-default.h5",
            "      add the isolated-atom energies (training.e0: isolated) to a finished dataset",
            "",
            "Exit status: 0 when every molecule has its data; 3 when some molecule a task needs",
            "has none (listed; rerun with --retry-failed); 1 on errors (docs/errors.md)."})
public final class GenerateCommand implements Callable<Integer> {

    static final class Selection {
        @Option(names = "--task", paramLabel = "NAME", description = "Task to generate (see `moiety tasks`).")
        String task;
        @Option(names = "--all", description = "All tasks; molecules shared by tasks are generated once.")
        boolean all;
        @Option(names = "--smiles", paramLabel = "SMILES",
                description = "A molecule of your own, e.g. --smiles CCO (repeatable); sampled like a task's "
                        + "training molecule (both trajectories).")
        List<String> smiles;
        @Option(names = "--smiles-file", paramLabel = "FILE",
                description = "Molecules of your own, one 'SMILES [NAME]' per line; # starts a comment.")
        Path smilesFile;
        @Option(names = "--add-isolated-atoms", paramLabel = "FILE",
                description = "Only add the isolated-atom energies of the elements in FILE, an existing dataset "
                        + "(frames unchanged, none recomputed); written back to FILE atomically, or to --out.")
        Path addIsolatedAtoms;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @Option(names = "--scale", defaultValue = "default", paramLabel = "SCALE",
            description = "Trajectory lengths from the task files: default (~40 frames per molecule) or paper (~2,000). Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--out", paramLabel = "FILE", description = "Output Moiety HDF5 file (default: moiety-TASK-SCALE.h5, or moiety-all-SCALE.h5 with --all).")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Option(names = "--work", defaultValue = "moiety-work", paramLabel = "DIR",
            description = "Resumable work directory (per-frame results). Default: ${DEFAULT-VALUE}.")
    Path work;

    @Option(names = "--workers", paramLabel = "N", description = "Parallel xtb/obabel calls, each single-threaded (default: number of cores).")
    Integer workers;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the 3D embedding (via faketime) and of the initial MD velocities. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "Wall-clock limit of each single point, optimisation and embedding; an MD run gets "
                + "this per 1,000 MD steps. A timed-out call is recorded as failed. Default: ${DEFAULT-VALUE}.")
    long timeout;

    @Option(names = "--md-method", paramLabel = "M", description = "Override the MD Hamiltonian: gfn2, gfn1, gfn0 or gfnff (labels are always GFN2-xTB).")
    String mdMethod;

    @Option(names = "--temperature", paramLabel = "K", description = "Override the MD temperature (K).")
    Double temperature;

    @Option(names = "--step", paramLabel = "FS", description = "Override the MD time step (fs).")
    Double step;

    @Option(names = "--dump", paramLabel = "FS", description = "Override the spacing of kept snapshots (fs).")
    Double dump;

    @Option(names = "--equilibration", paramLabel = "FS", description = "Override the discarded equilibration time (fs).")
    Double equilibration;

    @Option(names = "--primary-frames", paramLabel = "N", description = "Override the snapshots per primary trajectory.")
    Integer primaryFrames;

    @Option(names = "--secondary-frames", paramLabel = "N", description = "Override the snapshots per secondary trajectory.")
    Integer secondaryFrames;

    @Option(names = "--tasks-dir", paramLabel = "DIR", description = "Read task files from DIR (default: ./tasks, else those in the jar).")
    Path tasksDir;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    @Option(names = "--retry-failed", description = "Forget the failures recorded in the work directory "
            + "(rejected molecules, failed MD, failed single points) and try them again.")
    boolean retryFailed;

    @Override
    public Integer call() throws Exception {
        return generate(null);
    }

    /**
     * Runs the command with these options on {@code engine}, or on the local engine of
     * {@code --workers} threads when null (a distributed front end passes its own).
     */
    public int generate(WorkEngine engine) throws Exception {
        if (selection.addIsolatedAtoms != null) {
            return addIsolatedAtoms(selection.addIsolatedAtoms);
        }
        TaskLoader loader = tasksDir != null ? TaskLoader.fromDirectory(tasksDir) : TaskLoader.standard();
        List<Task> tasks;
        List<MoleculeJob> jobs;
        String label;
        if (selection.smiles != null || selection.smilesFile != null) {
            // the molecules' own list, sampled like the tasks' molecules (all tasks share their sampling)
            tasks = List.of();
            jobs = selection.smiles != null ? SmilesInput.fromArguments(selection.smiles) : SmilesInput.fromFile(selection.smilesFile);
            label = "smiles";
        } else {
            tasks = selection.all ? loader.loadAll() : List.of(loader.load(selection.task));
            jobs = jobs(tasks);
            label = selection.all ? "all" : selection.task;
        }
        Path output = out != null ? out : Path.of("moiety-" + label + "-" + scale + ".h5");
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new IllegalArgumentException(output + " exists; use --force to overwrite it");
        }
        Task first = tasks.isEmpty() ? loader.loadAll().get(0) : tasks.get(0);
        for (Task t : tasks) {
            for (boolean second : new boolean[] {false, true}) {
                if (!t.sampling().md(scale, second).equals(first.sampling().md(scale, second))) {
                    throw new IllegalArgumentException(t.source() + ": sampling settings differ from " + first.source()
                            + " at scale '" + scale + "'; tasks generated together must share them");
                }
            }
        }
        atLeastOne("--primary-frames", primaryFrames);
        atLeastOne("--secondary-frames", secondaryFrames);
        MdSettings primary = override(first.sampling().md(scale, false), primaryFrames);
        MdSettings secondary = override(first.sampling().md(scale, true), secondaryFrames);
        int n = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        PipelineOptions options = new PipelineOptions(work.resolve(scale), primary, secondary, seed, n,
                Duration.ofSeconds(timeout), !noProgress, null);
        try (FolderLock lock = lockWorkDirectory(options.work())) {
            LabelPipeline pipeline = new LabelPipeline(options);
            if (retryFailed) {
                System.err.printf("--retry-failed: %d recorded failure(s) cleared%n", pipeline.store().clearFailures());
            }
            System.err.printf("generating %d molecules (%s, scale %s) %s; work directory %s%n",
                    jobs.size(), label, scale, engine == null ? "with " + n + " workers" : "on " + engine, options.work());
            System.err.println("primary:   " + primary.key());
            System.err.println("secondary: " + secondary.key());
            GenerationSummary summary = engine == null ? pipeline.run(jobs) : pipeline.run(jobs, engine);
            System.err.print(summary.describe());
            WorkStore.put(options.work().resolve("summary-" + label + ".txt"), summary.describe());
            String provenance = "moiety generate " + what() + " --scale " + scale + " --seed " + seed
                    + ": obabel --gen3d, xtb --opt (GFN2-xTB), xtb --md, GFN2-xTB single points (xtb --grad)";
            List<MoleculeRecord> records = pipeline.records(jobs, provenance);
            if (records.isEmpty()) {
                throw new IllegalStateException("no molecule produced a labelled frame; nothing written to " + output
                        + " (the failures are listed above; --retry-failed tries them again)");
            }
            WriteOptions wo = force ? WriteOptions.defaults().overwriting() : WriteOptions.defaults();
            IsolatedAtoms isolated = isolatedAtoms(elementsOf(records), options.work(), "moiety generate " + what() + " --scale " + scale);
            DatasetFiles.write(output, records, isolated, wo);
            int frames = records.stream().mapToInt(r -> r.frames().size()).sum();
            System.out.printf("wrote %s: %d trajectories, %d frames (%d failures, see above), isolated atoms %s%n",
                    output, records.size(), frames, summary.failures().size(), isolated.describe());
            List<String> missing = missing(jobs, records, tasks);
            if (!missing.isEmpty()) {
                System.out.println("missing data for " + missing.size() + " molecule(s):");
                missing.forEach(m -> System.out.println("  " + m));
                System.out.println("Rerun with --retry-failed to try them again.");
                return ExitCode.PARTIAL.code();
            }
        }
        return 0;
    }

    /** GFN2-xTB isolated-atom energies of {@code elements} (xtb scratch under {@code workDir}). */
    private IsolatedAtoms isolatedAtoms(SortedSet<Integer> elements, Path workDir, String command)
            throws IOException, InterruptedException {
        Xtb xtb = Xtb.locate(workDir.resolve("tmp"), Duration.ofSeconds(timeout));
        System.err.printf("isolated-atom energies of %d elements (GFN2-xTB, ground-state spin)%n", elements.size());
        return new IsolatedAtomEnergies(xtb).compute(elements, command);
    }

    private static SortedSet<Integer> elementsOf(Iterable<MoleculeRecord> molecules) {
        SortedSet<Integer> elements = new TreeSet<>();
        for (MoleculeRecord m : molecules) {
            for (int z : m.atomicNumbers()) {
                elements.add(z);
            }
        }
        return elements;
    }

    /**
     * {@code --add-isolated-atoms FILE}: the file's molecules unchanged, written with the isolated-atom
     * energies of their elements to {@code --out} or back to FILE. A file that has them for every
     * element is left alone unless {@code --force}.
     */
    private int addIsolatedAtoms(Path file) throws Exception {
        Path output = out != null ? out : file;
        if (!output.equals(file) && Files.exists(output, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new IllegalArgumentException(output + " exists; use --force to overwrite it");
        }
        Path dir = work.resolve("isolated-atoms");
        try (Dataset data = DatasetFiles.open(file); FolderLock lock = lockWorkDirectory(dir)) {
            IsolatedAtoms present = data.isolatedAtoms();
            SortedSet<Integer> elements = elementsOf(data);
            if (!present.isEmpty() && present.missing(elements).isEmpty() && !force && output.equals(file)) {
                System.out.println(file + " already has the isolated-atom energies of all its elements ("
                        + present.describe() + "); --force computes them again");
                return 0;
            }
            IsolatedAtoms isolated = isolatedAtoms(elements, dir, "moiety generate --add-isolated-atoms " + file);
            DatasetFiles.write(output, data, isolated, WriteOptions.defaults().overwriting());
            System.out.printf("wrote %s: %d molecules unchanged, isolated atoms %s%n", output, data.moleculeIds().size(),
                    isolated.describe());
        }
        return 0;
    }

    /** The selection as written on the command line, for the provenance string. */
    private String what() {
        if (selection.smiles != null) {
            return selection.smiles.stream().map(sm -> "--smiles '" + sm + "'").collect(java.util.stream.Collectors.joining(" "));
        }
        if (selection.smilesFile != null) {
            return "--smiles-file " + selection.smilesFile.getFileName();
        }
        return selection.all ? "--all" : "--task " + selection.task;
    }

    /** Holds the work directory for this process: two runs would delete each other's temporary files. */
    private static FolderLock lockWorkDirectory(Path dir) throws IOException {
        FolderLock lock = FolderLock.tryAcquire(dir);
        if (lock == null) {
            throw new IllegalStateException(dir + ": another moiety generate is using this work directory (lock "
                    + FolderLock.lockFile(dir) + "); wait for it to finish, or give another --work");
        }
        return lock;
    }

    /**
     * The molecules without the data their tasks need: no primary trajectory, or no secondary one
     * for a molecule that is trained on; each with the tasks that need it.
     */
    static List<String> missing(List<MoleculeJob> jobs, List<MoleculeRecord> records, List<Task> tasks) {
        Set<String> have = new HashSet<>();
        for (MoleculeRecord r : records) {
            if (!r.frames().isEmpty()) {
                have.add(r.id());
            }
        }
        List<String> out = new ArrayList<>();
        for (MoleculeJob j : jobs) {
            List<String> lacking = new ArrayList<>();
            if (!have.contains(j.name())) {
                lacking.add("primary trajectory");
            }
            if (j.secondary() && !have.contains(j.name() + ".md2")) {
                lacking.add("second trajectory");
            }
            if (lacking.isEmpty()) {
                continue;
            }
            List<String> needs = new ArrayList<>();
            for (Task t : tasks) {
                if (t.molecules().stream().anyMatch(m -> m.name().equals(j.name()))) {
                    needs.add(t.name());
                }
            }
            out.add(j.name() + " (" + j.molecule().canonicalSmiles() + "): no " + String.join(", no ", lacking)
                    + (needs.isEmpty() ? "" : "; needed by " + String.join(", ", needs)));
        }
        return out;
    }

    private static void atLeastOne(String option, Integer frames) {
        if (frames != null && frames < 1) {
            throw new IllegalArgumentException(option + " must be ≥ 1, got " + frames);
        }
    }

    private MdSettings override(MdSettings m, Integer frames) {
        return new MdSettings(mdMethod != null ? mdMethod : m.method(), temperature != null ? temperature : m.temperature(), step != null ? step : m.stepFs(),
                equilibration != null ? equilibration : m.equilibrationFs(), dump != null ? dump : m.dumpFs(),
                frames != null ? frames : m.frames(), m.hydrogenMass(), m.shake(), m.initialTemperatureFactor());
    }

    /** Union of the tasks' molecules in task order; secondary trajectory when trained on in any task. */
    static List<MoleculeJob> jobs(List<Task> tasks) {
        Map<String, TaskMolecule> first = new LinkedHashMap<>();
        Map<String, Boolean> train = new LinkedHashMap<>();
        for (Task t : tasks) {
            for (TaskMolecule m : t.molecules()) {
                first.putIfAbsent(m.name(), m);
                train.merge(m.name(), m.role() == Role.TRAIN, Boolean::logicalOr);
            }
        }
        List<MoleculeJob> jobs = new ArrayList<>();
        for (TaskMolecule m : first.values()) {
            jobs.add(new MoleculeJob(m.name(), SmilesGraph.parse(m.smiles()), train.get(m.name())));
        }
        return jobs;
    }
}
