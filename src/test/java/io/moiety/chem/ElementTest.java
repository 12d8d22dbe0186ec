package io.moiety.chem;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ElementTest {
    @Test
    void lookupBySymbolAndZ() {
        assertEquals(Element.C, Element.ofSymbol("c"));
        assertEquals(35, Element.ofSymbol("Br").z());
        assertEquals(Element.I, Element.ofZ(53));
        assertEquals(18, Element.Ar.z());
        for (int z = 1; z <= 18; z++) {
            assertEquals(z, Element.ofZ(z).z());
        }
    }

    @Test
    void unknownElementsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Element.ofSymbol("Xx"));
        assertTrue(e.getMessage().contains("Xx"));
        assertThrows(IllegalArgumentException.class, () -> Element.ofZ(26));
    }

    @Test
    void hillFormula() {
        assertEquals("C2H6O", Formula.hill(new int[] {6, 6, 8, 1, 1, 1, 1, 1, 1}));
        assertEquals("H2O", Formula.hill(new int[] {1, 8, 1}));
        assertEquals("CH4N2O", Formula.hill(new int[] {7, 6, 8, 7, 1, 1, 1, 1}));
    }

    @Test
    void structureRejectsMismatchedPositions() {
        assertThrows(IllegalArgumentException.class, () -> Structure.molecule(new int[] {1, 1}, new double[5]));
    }
}
