package io.moiety.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.data.MoleculeRecord;
import io.moiety.task.TaskSplit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's per-molecule warning when the training compositions leave a test molecule's energy offset open. */
class CompositionWarningsTest {

    private static MoleculeRecord chain(String id, int carbons, int hydroxyls, long seed) {
        return SyntheticChains.molecule(id, SyntheticChains.chain(carbons, hydroxyls), 2, 0.02,
                SyntheticChains.defaultModel(), seed);
    }

    @Test
    void anUnseenElementAndACompositionOutsideTheSpanAreNamedPerMolecule() {
        MoleculeRecord ethane = chain("C2", 2, 0, 1);
        TaskSplit split = new TaskSplit("toy", List.of(ethane), List.of(), List.of(chain("C2", 2, 0, 2)),
                List.of(chain("C4", 4, 0, 3), chain("C3-ol", 3, 1, 4)));
        List<String> w = BenchmarkRunner.compositionWarnings(split);
        // ethane, trained on, is fine; butane C4H10 is not a multiple of C2H6; propanol has O
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("task toy: OOD molecule C4: composition C4H10"), w.get(0));
        assertTrue(w.get(1).startsWith("task toy: OOD molecule C3-ol:"), w.get(1));
        assertTrue(w.get(1).contains("O"), w.get(1));
    }

    @Test
    void nothingIsSaidWhenTheTrainingCompositionsSpanTheTestMolecules() {
        TaskSplit split = SyntheticChains.task("chains", 2);
        assertEquals(List.of(), BenchmarkRunner.compositionWarnings(split));
    }
}
