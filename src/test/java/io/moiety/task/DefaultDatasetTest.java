package io.moiety.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.data.Dataset;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed default dataset serves every task at the default scale. */
class DefaultDatasetTest {

    @Test
    void everyTaskSplitsOnTheCommittedDefaultData() throws Exception {
        Path file = DefaultDataset.locate();
        assertEquals(DefaultDataset.CHECKOUT_FILE, file);
        assertTrue(Files.size(file) < 10_000_000, "default data under 10 MB");
        try (Dataset data = DatasetFiles.open(file)) {
            for (Task task : TaskLoader.fromDirectory(Path.of("tasks")).loadAll()) {
                TaskSplit split = TaskSplitter.split(task, data);
                assertEquals(task.molecules(Role.TRAIN).size(), split.train().size(), task.name());
                assertEquals(task.molecules(Role.OOD).size(), split.ood().size(), task.name());
                for (MoleculeRecord m : split.train()) {
                    assertTrue(m.frames().size() >= 36, m.id() + " has " + m.frames().size() + " frames");
                    assertEquals("GFN2-xTB", m.levelOfTheory());
                }
                for (MoleculeRecord m : split.validation()) {
                    assertTrue(m.frames().size() >= 2, m.id());
                }
                for (MoleculeRecord m : split.idTest()) {
                    assertTrue(m.frames().size() >= 10, m.id());
                }
                for (MoleculeRecord m : split.ood()) {
                    assertTrue(m.frames().size() >= 36, m.id() + " has " + m.frames().size() + " frames");
                    // forces are conservative-looking: they sum to ~0 for an isolated molecule
                    double[] f = m.frames().get(0).forces();
                    double sx = 0;
                    for (int i = 0; i < f.length; i += 3) {
                        sx += f[i];
                    }
                    assertEquals(0.0, sx, 1e-3, m.id());
                }
            }
        }
    }
}
