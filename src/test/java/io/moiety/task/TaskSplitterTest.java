package io.moiety.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskSplitterTest {

    private static MoleculeRecord record(String id, int frames) {
        List<Frame> f = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            f.add(new Frame(Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 0, 0, 0.74 + 0.01 * i}), -i, null,
                    Map.of("snapshot", Integer.toString(i))));
        }
        return new MoleculeRecord(id, "[H][H]", "H2", 0, 1, "GFN2-xTB", "test", f);
    }

    private static Task task() {
        Sampling s = new Sampling(300, 0.5, 1, 0, 2, Map.of("default", new ScaleSettings("gfn2", 100, 20, 40, 15)));
        return new Task("t", "test", s, List.of(new TaskMolecule("a", "CC", Role.TRAIN), new TaskMolecule("b", "CCC", Role.TRAIN),
                new TaskMolecule("c", "CCCC", Role.OOD)), "t.yaml");
    }

    @Test
    void primaryToTrainSecondaryFifthToValidationRestToIdTestOodPrimaryToOod() {
        Dataset data = Dataset.of(List.of(record("a", 40), record("a.md2", 15), record("b", 40), record("b.md2", 15),
                record("c", 40), record("c.md2", 15), record("d", 40)));
        TaskSplit split = TaskSplitter.split(task(), data);
        assertEquals(List.of("a", "b"), split.train().stream().map(MoleculeRecord::id).toList());
        assertEquals(List.of("a.md2", "b.md2"), split.validation().stream().map(MoleculeRecord::id).toList());
        assertEquals(3, split.validation().get(0).frames().size());
        assertEquals(12, split.idTest().get(0).frames().size());
        assertEquals("0", split.validation().get(0).frames().get(0).info().get("snapshot"));
        assertEquals("3", split.idTest().get(0).frames().get(0).info().get("snapshot"));
        assertEquals(List.of("c"), split.ood().stream().map(MoleculeRecord::id).toList());
        assertEquals(40, split.ood().get(0).frames().size());
    }

    @Test
    void missingGroupSaysHowToGenerateIt() {
        Dataset data = Dataset.of(List.of(record("a", 4), record("a.md2", 5), record("b", 4), record("c", 4)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskSplitter.split(task(), data));
        assertTrue(e.getMessage().contains("b.md2") && e.getMessage().contains("moiety generate --task t"), e.getMessage());
    }
}
