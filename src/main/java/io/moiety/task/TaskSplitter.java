package io.moiety.task;

import io.moiety.data.Dataset;
import io.moiety.data.MoleculeRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Divides a task's frames as in the published benchmark. A Moiety dataset holds every molecule's
 * primary trajectory under its name (group {@code NAME}) and a training molecule's independent
 * second trajectory under {@code NAME.md2}. Training molecules: primary → train; secondary →
 * first fifth (rounded down, at least one frame when there are two or more) validation, the rest
 * ID test. OOD molecules: primary → OOD test. OOD molecules are never in train or validation.
 */
public final class TaskSplitter {
    /** Suffix of the secondary-trajectory group of a molecule. */
    public static final String SECONDARY_SUFFIX = ".md2";

    private TaskSplitter() {}

    /** The split of {@code task} over {@code data}; names the missing group and the command that makes it. */
    public static TaskSplit split(Task task, Dataset data) {
        List<String> ids = data.moleculeIds();
        List<MoleculeRecord> train = new ArrayList<>();
        List<MoleculeRecord> validation = new ArrayList<>();
        List<MoleculeRecord> idTest = new ArrayList<>();
        List<MoleculeRecord> ood = new ArrayList<>();
        for (TaskMolecule m : task.molecules()) {
            require(ids, m.name(), task);
            MoleculeRecord primary = data.molecule(m.name());
            if (m.role() == Role.OOD) {
                ood.add(primary);
                continue;
            }
            train.add(primary);
            String second = Task.secondaryId(m.name());
            require(ids, second, task);
            MoleculeRecord md2 = data.molecule(second);
            int n = md2.frames().size();
            int nVal = n >= 2 ? Math.max(1, n / 5) : 0;
            validation.add(md2.withFrames(md2.frames().subList(0, nVal)));
            idTest.add(md2.withFrames(md2.frames().subList(nVal, n)));
        }
        return new TaskSplit(task.name(), train, validation, idTest, ood, data.isolatedAtoms());
    }

    private static void require(List<String> ids, String id, Task task) {
        if (!ids.contains(id)) {
            throw new IllegalArgumentException("dataset has no molecule '" + id + "' needed by task '" + task.name()
                    + "'; generate it with `moiety generate --task " + task.name() + "`");
        }
    }
}
