package io.moiety.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmilesGraphTest {

    @Test
    void ethanolFormulaChargeMultiplicityAndExplicitHydrogens() {
        SmilesGraph g = SmilesGraph.parse("OCC");
        assertEquals("C2H6O", g.formula());
        assertEquals(0, g.charge());
        assertEquals(1, g.multiplicity());
        assertEquals(9, g.graph().size());
        assertEquals(8, g.graph().bonds().size());
        assertEquals(SmilesGraph.parse("CCO").canonicalSmiles(), g.canonicalSmiles());
    }

    @Test
    void chargesAreSummed() {
        SmilesGraph zwitterion = SmilesGraph.parse("[NH3+]CC(=O)[O-]");
        assertEquals(0, zwitterion.charge());
        assertEquals(1, zwitterion.multiplicity());
        assertEquals("C2H5NO2", zwitterion.formula());
        SmilesGraph acetate = SmilesGraph.parse("CC(=O)[O-]");
        assertEquals(-1, acetate.charge());
        assertEquals(1, acetate.multiplicity());
    }

    @Test
    void radicalsAreRejectedUnlessAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmilesGraph.parse("C[CH2]"));
        assertTrue(e.getMessage().contains("radical") && e.getMessage().contains("closed-shell molecules only")
                && !e.getMessage().contains("allowed"), "names no option that does not exist: " + e.getMessage());
        assertEquals(2, SmilesGraph.parse("C[CH2]", true).multiplicity());
        assertEquals(3, SmilesGraph.parse("[CH2]", true).multiplicity());
        assertEquals(2, SmilesGraph.parse("[OH]", true).multiplicity());
    }

    @Test
    void invalidSmilesNamesTheInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmilesGraph.parse("C1CC"));
        assertTrue(e.getMessage().contains("C1CC"), e.getMessage());
    }
}
