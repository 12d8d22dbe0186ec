package io.moiety.cli;

import io.moiety.data.AtomicFile;
import io.moiety.task.HintSelection;
import io.moiety.task.Identifiability;
import io.moiety.task.Role;
import io.moiety.task.Task;
import io.moiety.task.TaskLoader;
import io.moiety.task.TaskMolecule;
import io.moiety.task.TaskWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moiety tasks}: the compositional tasks with their molecule counts and descriptions. */
@Command(name = "tasks",
        mixinStandardHelpOptions = true,
        description = {
            "List the compositional tasks and their training and out-of-distribution (OOD) molecules.",
            "Tasks come from ./tasks/*.yaml when present, else from those packed in the jar.",
            "Give task names to also list their molecules (role, name, SMILES).",
            "",
            "--check tells for each OOD molecule whether its energy is determined by the training",
            "molecules: whether its heavy-atom environment counts (element, hydrogens, bonded heavy",
            "elements: the group-additivity terms, which also fix per-element energies) are a linear",
            "combination of the training molecules'. If not, no model trained on these molecules can",
            "know its total energy; the reasons name environments never seen in training and counts",
            "that are tied together in every training molecule (e.g. one COOH per CH3).",
            "",
            "--hints chooses the fewest molecules of a candidate library (--library) that make every",
            "OOD molecule determined, greedily, and compares them with random library molecules and",
            "with the hand-made hints-TASK variant when there is one."},
        footer = {"", "Examples:", "  moiety tasks", "  moiety tasks fusion", "  moiety tasks fusion fission --tasks-dir my-tasks",
            "  moiety tasks duplication --check",
            "  moiety tasks duplication fusion --hints",
            "  moiety tasks duplication --hints --write-variants",
            "      also writes tasks/minhints-duplication.yaml and tasks/randhints-duplication.yaml"})
public final class TasksCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TASK", description = "Tasks whose molecules to list.")
    List<String> names;

    @Option(names = "--tasks-dir", paramLabel = "DIR", description = "Read task files from DIR (default: ./tasks, else those in the jar).")
    Path tasksDir;

    @Option(names = "--check", description = "Say for each OOD molecule whether the training molecules determine its energy, and why not.")
    boolean check;

    @Option(names = "--hints", description = "Choose the fewest library molecules that make the OOD molecules determined.")
    boolean hints;

    @Option(names = "--library", paramLabel = "FILE",
            description = "Candidate hint molecules in task form, all role train (default: TASKS_DIR/libraries/straight-chains.yaml).")
    Path library;

    @Option(names = "--random-draws", defaultValue = "1000", paramLabel = "N",
            description = "Random hint sets of the same size to compare with (default: ${DEFAULT-VALUE}).")
    int randomDraws;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the random hint sets (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write-variants", description = "With --hints: write minhints-TASK.yaml (the greedy choice) and "
            + "randhints-TASK.yaml (the first random draw other than the greedy choice) into the tasks directory.")
    boolean writeVariants;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TaskLoader loader = tasksDir != null ? TaskLoader.fromDirectory(tasksDir) : TaskLoader.standard();
        boolean noNames = names == null || names.isEmpty();
        if (noNames && (check || hints)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--check and --hints need task names, e.g. moiety tasks duplication --check");
        }
        if (!hints && (writeVariants || library != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--library and --write-variants go with --hints");
        }
        if (noNames) {
            List<Task> tasks = loader.loadAll();
            out.printf("%-22s %5s %5s  %s%n", "task", "train", "ood", "description");
            for (Task t : tasks) {
                out.printf("%-22s %5d %5d  %s%n", t.name(), t.molecules(Role.TRAIN).size(), t.molecules(Role.OOD).size(), t.description());
            }
            out.println();
            out.println("Tasks from " + loader.location() + ". Generate data: moiety generate --task NAME (or --all).");
            out.flush();
            return 0;
        }
        if (check || hints) {
            for (String n : names) {
                Task t = loader.load(n);
                if (check) {
                    Identifiability.of(t).lines().forEach(out::println);
                    out.println();
                }
                if (hints) {
                    hints(t, loader, out);
                }
            }
            if (check) {
                out.println("Environments are written X(Hn;neighbours): element X with n hydrogens bonded to the listed heavy atoms.");
            }
            out.flush();
            return 0;
        }
        for (String n : names) {
            Task t = loader.load(n);
            out.println(t.name() + ": " + t.description());
            for (TaskMolecule m : t.molecules()) {
                out.printf("  %-5s %-26s %s%n", m.role().yamlName(), m.name(), m.smiles());
            }
            out.println();
        }
        out.flush();
        return 0;
    }

    private void hints(Task task, TaskLoader loader, PrintWriter out) throws IOException {
        Path tasksFolder = tasksDir != null ? tasksDir : Path.of(TaskLoader.DIR);
        Path libraryFile = library != null ? library : tasksFolder.resolve("libraries").resolve("straight-chains.yaml");
        List<TaskMolecule> candidates = TaskLoader.loadLibrary(libraryFile).molecules();
        HintSelection h = HintSelection.greedy(task, candidates);
        int ood = h.ood();
        out.printf(Locale.ROOT, "%s: hints from %s (%d candidates not in the task)%n", task.name(), libraryFile, h.candidates());
        out.printf(Locale.ROOT, "  without hints: %s%n", describe(h.before(), ood));
        int i = 0;
        for (HintSelection.Step s : h.steps()) {
            out.printf(Locale.ROOT, "  %d. %-28s %-24s -> %s%n", ++i, s.molecule().name(), s.molecule().smiles(), describe(s.after(), ood));
            out.printf(Locale.ROOT, "       makes determined: %s; first to bring in: %s%n",
                    s.newlyDetermined().isEmpty() ? "none" : String.join(", ", s.newlyDetermined()),
                    s.newlyCovered().isEmpty() ? "no OOD environment" : String.join(" ", s.newlyCovered()));
        }
        List<TaskMolecule> training = new ArrayList<>(task.molecules(Role.TRAIN));
        training.addAll(h.chosen());
        Identifiability rest = Identifiability.of(task.name(), training, task.molecules(Role.OOD));
        for (Identifiability.Verdict v : rest.molecules()) {
            if (!v.determined()) {
                out.printf(Locale.ROOT, "  still not determined: %s (%s)%n", v.name(), String.join("; ", v.reasons()));
            }
        }
        int k = h.steps().size();
        HintSelection.RandomHints r = HintSelection.random(task, candidates, h, randomDraws, seed);
        out.printf(Locale.ROOT, "  random hints (%d per set, %d sets, seed %d): %.2f of %d determined on average (min %d, max %d); "
                + "%d sets as good as the greedy choice; first set other than the greedy choice: %s%n", r.k(), r.draws(), seed,
                r.meanDetermined(), ood, r.min(), r.max(), r.asGoodAs(), String.join(", ", r.example().stream().map(TaskMolecule::name).toList()));
        String handMade = "hints-" + task.name();
        if (loader.names().contains(handMade)) {
            Task hm = loader.load(handMade);
            Identifiability hi = Identifiability.of(hm);
            out.printf(Locale.ROOT, "  hand-made variant %s (%d extra training molecules): %d of %d determined%n", handMade,
                    hm.molecules(Role.TRAIN).size() - task.molecules(Role.TRAIN).size(), hi.determined(), hi.molecules().size());
        }
        if (writeVariants) {
            write(tasksFolder, variant(task, "minhints-", h.chosen(), "the fewest hints (" + k + ") chosen by `moiety tasks "
                    + task.name() + " --hints` from " + libraryFile.getFileName()));
            write(tasksFolder, variant(task, "randhints-", r.example(), r.k() + " random hint(s) (`moiety tasks " + task.name()
                    + " --hints --seed " + seed + "`, the first draw other than the greedy choice) from " + libraryFile.getFileName()));
        }
        out.println();
    }

    private static String describe(HintSelection.Score s, int ood) {
        return String.format(Locale.ROOT, "%d of %d OOD determined, %d undetermined direction(s), %d OOD environment(s) unseen",
                s.determined(), ood, s.gap(), s.unseen());
    }

    private static Task variant(Task task, String prefix, List<TaskMolecule> hints, String how) {
        List<TaskMolecule> molecules = new ArrayList<>(task.molecules(Role.TRAIN));
        molecules.addAll(hints);
        molecules.addAll(task.molecules(Role.OOD));
        String names = String.join(", ", hints.stream().map(TaskMolecule::name).toList());
        return new Task(prefix + task.name(), "Variant of " + task.name() + " with " + how + ": " + names + ". " + task.description(),
                task.sampling(), molecules, task.source());
    }

    private void write(Path folder, Task variant) throws IOException {
        Path file = folder.resolve(variant.name() + ".yaml");
        String text = TaskWriter.yaml(variant, "Task variant written by `moiety tasks --hints --write-variants`: the training\n"
                + "molecules of the base task plus hint molecules; the same OOD molecules.");
        AtomicFile.write(file, true, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        spec.commandLine().getOut().println("  wrote " + file);
    }
}
