package io.moiety.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.chem.SmilesGraph;
import io.moiety.label.MdSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLoaderTest {
    private static final TaskLoader TASKS = TaskLoader.fromDirectory(Path.of("tasks"));

    @TempDir
    Path tmp;

    private static Set<String> formulas(Task t, Role role) {
        return t.molecules(role).stream().map(m -> SmilesGraph.parse(m.smiles()).formula()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> smiles(Task t, Role role) {
        return t.molecules(role).stream().map(m -> SmilesGraph.parse(m.smiles()).canonicalSmiles()).collect(Collectors.toSet());
    }

    private static Set<String> canon(List<String> s) {
        return s.stream().map(x -> SmilesGraph.parse(x).canonicalSmiles()).collect(Collectors.toSet());
    }

    private static String chain(String unit, int n) {
        return unit.repeat(n);
    }

    @Test
    void allTasksLoadAndAreConsistent() {
        List<Task> all = TASKS.loadAll();
        assertEquals(List.of("chain-extension", "combination", "duplication", "fission", "fusion",
                "hints-chain-extension", "hints-fusion", "minhints-duplication"), all.stream().map(Task::name).toList());
        for (Task t : all) {
            assertEquals(new MdSettings("gfnff", 300, 0.5, 100, 20, 40, 1, 0, 2), t.sampling().md("default", false), t.name());
            assertEquals("gfn2", t.sampling().md("paper", false).method());
            assertEquals(15, t.sampling().md("default", true).frames());
            assertEquals(2000, t.sampling().md("paper", false).frames());
            assertEquals(500, t.sampling().md("paper", true).frames());
        }
    }

    @Test
    void chemistryFollowsTheIssue() {
        Task chain = TASKS.load("chain-extension");
        assertEquals(canon(List.of("CC", "CCC", "CCCC", "CCCCC", "CCCCCC")), smiles(chain, Role.TRAIN));
        assertEquals(7, chain.molecules(Role.OOD).size());
        assertTrue(smiles(chain, Role.OOD).contains(SmilesGraph.parse(chain("C", 13)).canonicalSmiles()));

        Task dup = TASKS.load("duplication");
        assertEquals(9, dup.molecules(Role.TRAIN).size());
        for (int n = 2; n <= 10; n++) {
            String acid = chain("C", n - 1) + "C(=O)O";
            String diacid = "OC(=O)" + chain("C", n - 2) + "C(=O)O";
            assertTrue(smiles(dup, Role.TRAIN).contains(SmilesGraph.parse(acid).canonicalSmiles()), acid);
            assertTrue(smiles(dup, Role.OOD).contains(SmilesGraph.parse(diacid).canonicalSmiles()), diacid);
        }

        Task fusion = TASKS.load("fusion");
        assertEquals(8, fusion.molecules(Role.OOD).size());
        assertTrue(smiles(fusion, Role.OOD).contains(SmilesGraph.parse("OC=O").canonicalSmiles()));
        assertTrue(smiles(fusion, Role.TRAIN).contains(SmilesGraph.parse("CO").canonicalSmiles()));
        assertTrue(smiles(fusion, Role.TRAIN).contains(SmilesGraph.parse("C=O").canonicalSmiles()));
        assertTrue(smiles(fusion, Role.TRAIN).contains(SmilesGraph.parse("OCCCC=O").canonicalSmiles()));

        Task comb = TASKS.load("combination");
        assertTrue(smiles(comb, Role.OOD).contains(SmilesGraph.parse("NCC(=O)O").canonicalSmiles()));
        assertTrue(smiles(comb, Role.TRAIN).contains(SmilesGraph.parse("NCCN").canonicalSmiles()));
        assertTrue(smiles(comb, Role.TRAIN).contains(SmilesGraph.parse("OC(=O)C(=O)O").canonicalSmiles()));
        // OOD amino acids have the formulas of "half diamine + half diacid" and are in no training set
        assertEquals(Set.of(), intersection(smiles(comb, Role.OOD), smiles(comb, Role.TRAIN)));

        Task fission = TASKS.load("fission");
        assertEquals(smiles(dup, Role.TRAIN), smiles(fission, Role.TRAIN));
        assertEquals(16, fission.molecules(Role.OOD).size());

        Task hints = TASKS.load("hints-chain-extension");
        assertEquals(smiles(chain, Role.OOD), smiles(hints, Role.OOD));
        assertTrue(formulas(hints, Role.TRAIN).contains("C13H28O"));
        Task hintsFusion = TASKS.load("hints-fusion");
        assertTrue(smiles(hintsFusion, Role.TRAIN).contains(SmilesGraph.parse("CC(N)=O").canonicalSmiles()));
        assertEquals(smiles(fusion, Role.OOD), smiles(hintsFusion, Role.OOD));
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> c = new TreeSet<>(a);
        c.retainAll(b);
        return c;
    }

    @Test
    void missingOrEmptyTasksDirectoryIsAClearError() throws Exception {
        Path missing = tmp.resolve("no-such-dir");
        var e = assertThrows(IllegalStateException.class, () -> TaskLoader.fromDirectory(missing).loadAll());
        assertEquals("tasks directory " + missing + ": no such directory", e.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        var none = assertThrows(IllegalStateException.class, () -> TaskLoader.fromDirectory(empty).loadAll());
        assertEquals("no task files (*.yaml) in " + empty, none.getMessage());
    }

    @Test
    void unknownTaskListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TASKS.load("fussion"));
        assertTrue(e.getMessage().contains("fussion") && e.getMessage().contains("chain-extension, combination"), e.getMessage());
    }

    @Test
    void validationErrorsNameFileAndField() throws Exception {
        String good = Files.readString(Path.of("tasks", "chain-extension.yaml"));
        String[][] cases = {
            {"smiles: \"CCC\"", "smiles: \"C1CC\"", "molecules[1].smiles"},
            {"role: ood", "role: test", "molecules[5].role"},
            {"temperature_K: 300", "temperature_K: warm", "sampling.temperature_K"},
            {"primary_frames: 40", "primary_frame: 40", "sampling.scales.default.primary_frame"},
            {"dump_fs: 20\n      primary_frames: 40", "dump_fs: 7\n      primary_frames: 40", "sampling.scales.default"},
        };
        for (String[] c : cases) {
            assertTrue(good.contains(c[0]), c[0]);
            Path dir = Files.createDirectories(tmp.resolve("t" + c[2].hashCode()));
            Files.writeString(dir.resolve("chain-extension.yaml"), good.replaceFirst(java.util.regex.Pattern.quote(c[0]), c[1]));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskLoader.fromDirectory(dir).load("chain-extension"));
            assertTrue(e.getMessage().contains("chain-extension.yaml") && e.getMessage().contains(c[2]), e.getMessage());
        }
    }

    @Test
    void tasksArePackedAsClasspathResources() {
        // the pom copies tasks/*.yaml to target/classes/moiety/tasks/
        TaskLoader cp = TaskLoader.fromClasspath();
        assertTrue(cp.names().contains("fusion"), cp.names().toString());
        assertEquals(TASKS.load("fusion").molecules(), cp.load("fusion").molecules());
    }
}
