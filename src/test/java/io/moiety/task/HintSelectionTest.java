package io.moiety.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.chem.SmilesGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HintSelectionTest {
    private static final TaskLoader TASKS = TaskLoader.fromDirectory(Path.of("tasks"));
    private static final List<TaskMolecule> LIBRARY =
            TaskLoader.loadLibrary(Path.of("tasks", "libraries", "straight-chains.yaml")).molecules();

    @Test
    void theLibraryHoldsNoOodMoleculeAndNamesMoleculesLikeTheTasks() {
        Set<String> ood = new HashSet<>();
        List<Task> tasks = new ArrayList<>(TASKS.loadAll());
        tasks.forEach(t -> t.molecules(Role.OOD).forEach(m -> ood.add(SmilesGraph.parse(m.smiles()).canonicalSmiles())));
        for (TaskMolecule m : LIBRARY) {
            assertEquals(Role.TRAIN, m.role());
            assertTrue(!ood.contains(SmilesGraph.parse(m.smiles()).canonicalSmiles()), m.name() + " is an OOD molecule of a task");
        }
        tasks.add(new Task("library", "", tasks.get(0).sampling(), LIBRARY, "library"));
        TaskLoader.checkConsistent(tasks);
    }

    @Test
    void oneHintThatBreaksTheCoohCh3TieDeterminesEveryDiacid() {
        Task duplication = TASKS.load("duplication");
        HintSelection h = HintSelection.greedy(duplication, LIBRARY);
        assertEquals(new HintSelection.Score(0, 1, 0), h.before());
        assertEquals(1, h.steps().size(), h.chosen().toString());
        assertEquals(new HintSelection.Score(9, 0, 0), h.after());
        List<TaskMolecule> training = new ArrayList<>(duplication.molecules(Role.TRAIN));
        training.addAll(h.chosen());
        assertEquals(9, Identifiability.of("check", training, duplication.molecules(Role.OOD)).determined(),
                "the check agrees with the greedy score");
        assertTrue(Identifiability.environments(h.chosen().get(0).smiles()).getOrDefault("C(H3;C)", 0) > 0,
                "the hint pins the CH3 contribution down: " + h.chosen());
        HintSelection.RandomHints r = HintSelection.random(duplication, LIBRARY, h, 300, 1);
        assertEquals(1, r.k());
        assertTrue(r.meanDetermined() < 9 && r.asGoodAs() < 300, "random single hints rarely break the COOH/CH3 tie: " + r);
        assertTrue(!r.example().equals(h.chosen()));
        assertEquals(r, HintSelection.random(duplication, LIBRARY, h, 300, 1), "seeded");
    }

    @Test
    void formicAcidStaysUndeterminedInFusionAndHandMadeHintsDetermineNoAcid() {
        HintSelection h = HintSelection.greedy(TASKS.load("fusion"), LIBRARY);
        assertEquals(7, h.after().determined(), h.steps().toString());
        assertEquals(1, h.after().unseen(), "C(H1;O,O) occurs in methanoic acid only");
        assertEquals(0, Identifiability.of(TASKS.load("hints-fusion")).determined());
    }

    @Test
    void writtenVariantsReadBackEqual() {
        Task t = TASKS.load("duplication");
        Task back = TaskLoader.parse(TaskWriter.yaml(t, "a comment\nover two lines"), "x.yaml");
        assertEquals(t.name(), back.name());
        assertEquals(t.description(), back.description());
        assertEquals(t.sampling(), back.sampling());
        assertEquals(t.molecules(), back.molecules());
    }
}
