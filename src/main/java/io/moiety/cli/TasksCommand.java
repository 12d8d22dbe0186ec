package io.moiety.cli;

import io.moiety.task.Role;
import io.moiety.task.Task;
import io.moiety.task.TaskLoader;
import io.moiety.task.TaskMolecule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
            "Give task names to also list their molecules (role, name, SMILES)."},
        footer = {"", "Examples:", "  moiety tasks", "  moiety tasks fusion", "  moiety tasks fusion fission --tasks-dir my-tasks"})
public final class TasksCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TASK", description = "Tasks whose molecules to list.")
    List<String> names;

    @Option(names = "--tasks-dir", paramLabel = "DIR", description = "Read task files from DIR (default: ./tasks, else those in the jar).")
    Path tasksDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TaskLoader loader = tasksDir != null ? TaskLoader.fromDirectory(tasksDir) : TaskLoader.standard();
        if (names == null || names.isEmpty()) {
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
}
