package io.moiety.cli;

import io.moiety.task.Role;
import io.moiety.task.Task;
import io.moiety.task.TaskLoader;
import io.moiety.task.TaskMolecule;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code moiety tasks}: the compositional tasks with their molecule counts and descriptions. */
@Command(name = "tasks",
        mixinStandardHelpOptions = true,
        description = {
            "List the compositional tasks (tasks/*.yaml, or those packed in the jar) with the",
            "number of training and out-of-distribution (OOD) molecules. Give task names to",
            "also list their molecules."},
        footer = {"", "Examples:", "  moiety tasks", "  moiety tasks fusion"})
public final class TasksCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "TASK", description = "Tasks whose molecules to list.")
    List<String> names;

    @Option(names = "--tasks-dir", paramLabel = "DIR", description = "Read task files from DIR (default: ./tasks, else those in the jar).")
    Path tasksDir;

    @Override
    public Integer call() {
        TaskLoader loader = tasksDir != null ? TaskLoader.fromDirectory(tasksDir) : TaskLoader.standard();
        if (names == null || names.isEmpty()) {
            List<Task> tasks = loader.loadAll();
            System.out.printf("%-22s %5s %5s  %s%n", "task", "train", "ood", "description");
            for (Task t : tasks) {
                System.out.printf("%-22s %5d %5d  %s%n", t.name(), t.molecules(Role.TRAIN).size(), t.molecules(Role.OOD).size(), t.description());
            }
            System.out.println();
            System.out.println("Tasks from " + loader.location() + ". Generate data: moiety generate --task NAME (or --all).");
            return 0;
        }
        for (String n : names) {
            Task t = loader.load(n);
            System.out.println(t.name() + ": " + t.description());
            for (TaskMolecule m : t.molecules()) {
                System.out.printf("  %-5s %-26s %s%n", m.role().yamlName(), m.name(), m.smiles());
            }
            System.out.println();
        }
        return 0;
    }
}
