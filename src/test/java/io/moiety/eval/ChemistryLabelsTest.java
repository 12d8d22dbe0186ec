package io.moiety.eval;

import static org.junit.jupiter.api.Assertions.*;

import io.moiety.chem.Structure;
import io.moiety.eval.baseline.StructuralCategories;
import io.moiety.metrics.AtomEnvironments;
import io.moiety.metrics.CovalentBonds;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChemistryLabelsTest {

    @Test
    void propanolEnvironmentsFromGeometry() {
        Structure s = SyntheticChains.chain(3, 1);
        String[] labels = AtomEnvironments.labels(s.atomicNumbers(), CovalentBonds.neighbours(s));
        Map<String, Long> counts = AtomEnvironments.count(labels);
        assertEquals(Map.of("C(C,H,H,H)", 1L, "C(C,C,H,H)", 1L, "C(C,H,H,O)", 1L, "O(C,H)", 1L,
                "H(C)", 7L, "H(O)", 1L), counts);
        assertEquals("C3H8O", s.formula());
    }

    @Test
    void consensusIgnoresOneStretchedFrame() {
        var m = SyntheticChains.molecule("C2", SyntheticChains.chain(2, 0), 5, 0.0, SyntheticChains.defaultModel(), 3);
        // stretch one C–H bond far in the middle frame: majority vote keeps the bond
        var frames = new java.util.ArrayList<>(m.frames());
        double[] x = frames.get(2).structure().positions().clone();
        x[3 * 2] += 3.0;
        frames.set(2, io.moiety.data.Frame.of(frames.get(2).structure().withPositions(x), 0, null));
        int[][] nb = CovalentBonds.consensus(frames, 5);
        assertArrayEquals(new int[] {0}, nb[2]);
        assertEquals(4, nb[0].length);
    }

    @Test
    void structuralCategories() {
        Structure ol = SyntheticChains.chain(4, 1);
        StructuralCategories c = StructuralCategories.of(ol.atomicNumbers(), CovalentBonds.neighbours(ol));
        assertEquals(Set.of("alcohol"), c.groups());
        assertEquals(4, c.carbons());
        Structure alkane = SyntheticChains.chain(5, 0);
        StructuralCategories a = StructuralCategories.of(alkane.atomicNumbers(), CovalentBonds.neighbours(alkane));
        assertTrue(a.groups().isEmpty());
        assertEquals(5, a.carbons());
        // formic-acid-like fragment: H–C(=O)–O–H
        int[] z = {6, 8, 8, 1, 1};
        int[][] nb = {{1, 2, 3}, {0}, {0, 4}, {0}, {2}};
        assertEquals(Set.of("carboxylic-acid"), StructuralCategories.of(z, nb).groups());
        // acetaldehyde-like: C–C(=O)–H
        int[] z2 = {6, 6, 8, 1, 1, 1, 1};
        int[][] nb2 = {{1, 3, 4, 5}, {0, 2, 6}, {1}, {0}, {0}, {0}, {1}};
        assertEquals(Set.of("aldehyde"), StructuralCategories.of(z2, nb2).groups());
        assertEquals("C(C,H,O)", AtomEnvironments.labels(z2, nb2)[1]);
    }
}
