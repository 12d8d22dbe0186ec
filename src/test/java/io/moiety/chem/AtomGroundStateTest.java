package io.moiety.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ground-state spins of neutral atoms against their term symbols (NIST Atomic Spectra Database). */
class AtomGroundStateTest {

    /** Multiplicity 2S+1 of each ground term: H ²S, He ¹S, Li ²S, Be ¹S, B ²P, C ³P, N ⁴S, O ³P, F ²P, … */
    private static final Map<Element, Integer> GROUND_TERM_MULTIPLICITY = Map.ofEntries(
            Map.entry(Element.H, 2), Map.entry(Element.He, 1), Map.entry(Element.Li, 2), Map.entry(Element.Be, 1),
            Map.entry(Element.B, 2), Map.entry(Element.C, 3), Map.entry(Element.N, 4), Map.entry(Element.O, 3),
            Map.entry(Element.F, 2), Map.entry(Element.Ne, 1), Map.entry(Element.Na, 2), Map.entry(Element.Mg, 1),
            Map.entry(Element.Al, 2), Map.entry(Element.Si, 3), Map.entry(Element.P, 4), Map.entry(Element.S, 3),
            Map.entry(Element.Cl, 2), Map.entry(Element.Ar, 1), Map.entry(Element.Br, 2), Map.entry(Element.I, 2));

    @Test
    void everyKnownElementHasItsGroundTermSpin() {
        assertEquals(Element.values().length, GROUND_TERM_MULTIPLICITY.size(), "the table covers every element");
        for (Element e : Element.values()) {
            int expected = GROUND_TERM_MULTIPLICITY.get(e);
            assertEquals(expected, AtomGroundState.multiplicity(e.z()), e.symbol());
            assertEquals(expected - 1, AtomGroundState.unpairedElectrons(e.z()), e.symbol() + " --uhf");
        }
    }

    @Test
    void unpairedElectronsNeverExceedTheOpenShellAndMatchTheElectronParity() {
        for (Element e : Element.values()) {
            int u = AtomGroundState.unpairedElectrons(e.z());
            assertEquals(e.z() % 2, u % 2, e.symbol() + ": odd electron count, odd number unpaired");
            assertEquals(true, u <= 3, e.symbol() + ": an s or p shell holds at most 3 unpaired electrons");
        }
    }

    @Test
    void unknownElementIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AtomGroundState.unpairedElectrons(26));
    }
}
