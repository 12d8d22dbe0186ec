package io.moiety.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifiabilityTest {
    private static final TaskLoader TASKS = TaskLoader.fromDirectory(Path.of("tasks"));

    @Test
    void diacidsAreNotDeterminedBecauseCoohAndCh3AlwaysOccurTogether() {
        Identifiability check = Identifiability.of(TASKS.load("duplication"));
        assertEquals(9, check.training());
        assertEquals(0, check.determined());
        for (Identifiability.Verdict v : check.molecules()) {
            assertFalse(v.determined(), v.name());
            assertEquals(1, v.reasons().size(), v.name() + ": " + v.reasons());
            String why = v.reasons().get(0);
            assertTrue(why.startsWith("COOH [C(H0;C,O,O) O(H0;C) O(H1;C)] and CH3 [C(H3;C)] always occur together in training"), why);
            assertTrue(why.endsWith("here 2 COOH, 0 CH3"), why);
        }
    }

    @Test
    void longerAlkanesAreDeterminedByShortOnes() {
        Identifiability check = Identifiability.of(TASKS.load("chain-extension"));
        assertEquals(7, check.determined());
        assertEquals(2, check.rank(), "CH3 and CH2 contributions");
        check.molecules().forEach(v -> assertEquals(List.of(), v.reasons()));
    }

    @Test
    void acidsAfterAlcoholsAndAldehydesNeedTheCarboxylCarbon() {
        Identifiability check = Identifiability.of(TASKS.load("fusion"));
        assertEquals(0, check.determined());
        for (Identifiability.Verdict v : check.molecules()) {
            String carboxyl = v.name().equals("methanoic-acid") ? "C(H1;O,O)" : "C(H0;C,O,O)";
            assertTrue(v.reasons().contains(carboxyl + " never occurs in training: its energy contribution is unknown"), v.name() + ": " + v.reasons());
        }
    }

    @Test
    void alcoholsAfterAcidsNeedTheirCh2OCarbon() {
        Identifiability check = Identifiability.of(TASKS.load("fission"));
        for (Identifiability.Verdict v : check.molecules()) {
            assertFalse(v.determined(), v.name());
            if (v.name().endsWith("-1-ol") || v.name().equals("ethanol")) {
                assertTrue(v.reasons().get(0).startsWith("C(H2;C,O) never occurs in training"), v.name() + ": " + v.reasons());
            }
        }
    }

    @Test
    void textNamesEveryMolecule() {
        List<String> lines = Identifiability.of(TASKS.load("duplication")).lines();
        assertTrue(lines.get(0).startsWith("duplication: 0 of 9 OOD molecules determined by the 9 training molecules"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("NOT determined") && l.contains("decanedioic-acid")));
    }
}
