package io.moiety.model.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.chem.Structure;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeighbourListTest {

    private static Structure random(int n, double box, double[] cell, long seed, double spill) {
        Random r = new Random(seed);
        int[] z = new int[n];
        double[] x = new double[3 * n];
        Arrays.fill(z, 6);
        for (int i = 0; i < 3 * n; i++) {
            x[i] = (r.nextDouble() * (1 + 2 * spill) - spill) * box; // some atoms outside the cell
        }
        return new Structure(z, x, 0, 1, cell);
    }

    private static void assertSame(Edges a, Edges b) {
        assertArrayEquals(a.dst(), b.dst(), "dst");
        assertArrayEquals(a.src(), b.src(), "src");
        assertArrayEquals(a.shift(), b.shift(), "shift");
    }

    private static void assertValid(Structure s, Edges e, double cutoff) {
        double[] sv = e.shiftVectors(s.cell());
        Set<String> pairs = new HashSet<>();
        for (int k = 0; k < e.size(); k++) {
            double d2 = 0;
            for (int c = 0; c < 3; c++) {
                double d = s.positions()[3 * e.src()[k] + c] - s.positions()[3 * e.dst()[k] + c] + sv[3 * k + c];
                d2 += d * d;
            }
            assertTrue(Math.sqrt(d2) < cutoff && d2 > 0, "edge " + k + " length " + Math.sqrt(d2));
            pairs.add(e.src()[k] + ">" + e.dst()[k] + ":" + e.shift()[3 * k] + "," + e.shift()[3 * k + 1] + "," + e.shift()[3 * k + 2]);
        }
        assertEquals(e.size(), pairs.size(), "duplicate edges");
        for (int k = 0; k < e.size(); k++) { // the reverse edge (negated shift) exists
            String rev = e.dst()[k] + ">" + e.src()[k] + ":" + (-e.shift()[3 * k]) + "," + (-e.shift()[3 * k + 1]) + "," + (-e.shift()[3 * k + 2]);
            assertTrue(pairs.contains(rev), "missing reverse of edge " + k);
        }
    }

    /**
     * Mean neighbours per atom: three atoms on a line at 0, 1.5 and 4 Å (cutoff 3 Å: pairs 0–1 and
     * 1–2, 4 directed edges) and a dimer 1 Å apart (2 edges) give 6 edges over 5 atoms.
     */
    @Test
    void meanNeighboursCountsDirectedEdgesPerAtom() {
        Structure line = Structure.molecule(new int[] {6, 6, 6}, new double[] {0, 0, 0, 1.5, 0, 0, 4, 0, 0});
        Structure dimer = Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 0, 0, 1});
        assertEquals(4.0 / 3, NeighbourList.meanNeighbours(List.of(line), 3.0), 1e-12);
        assertEquals(6.0 / 5, NeighbourList.meanNeighbours(List.of(line, dimer), 3.0), 1e-12);
        assertEquals(2.0, NeighbourList.meanNeighbours(List.of(line), 4.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> NeighbourList.meanNeighbours(List.of(), 3.0));
    }

    @Test
    void cellListEqualsAllPairsForMolecules() {
        for (long seed = 1; seed <= 3; seed++) {
            Structure s = random(300, 14.0, null, seed, 0);
            Edges a = new AllPairs().build(s, 3.0);
            Edges c = new BinnedNeighbourList().build(s, 3.0);
            assertTrue(a.size() > 300, "test needs many edges, got " + a.size());
            assertSame(a, c);
            assertValid(s, a, 3.0);
        }
    }

    @Test
    void cellListEqualsAllPairsForPeriodicBoxes() {
        double[] cubic = {9, 0, 0, 0, 9, 0, 0, 0, 9};
        Structure s = random(120, 9.0, cubic, 7, 0.3);
        Edges a = new AllPairs().build(s, 3.5);
        Edges c = new BinnedNeighbourList().build(s, 3.5);
        assertSame(a, c);
        assertValid(s, a, 3.5);
        // triclinic cell thinner than the cutoff: atoms see several images of each other and themselves
        double[] tri = {3.0, 0, 0, 1.0, 3.5, 0, 0.5, 0.7, 4.0};
        Structure t = random(5, 3.0, tri, 11, 0.5);
        Edges at = new AllPairs().build(t, 5.0);
        Edges ct = new BinnedNeighbourList().build(t, 5.0);
        assertSame(at, ct);
        assertValid(t, at, 5.0);
        assertTrue(at.size() > 5 * 20, "expected many periodic images, got " + at.size());
    }

    @Test
    void simpleCubicLatticeHasTheKnownShells() {
        Structure s = new Structure(new int[] {6}, new double[] {0.3, 0.2, 0.1}, 0, 1, new double[] {2, 0, 0, 0, 2, 0, 0, 0, 2});
        assertEquals(6, new BinnedNeighbourList().build(s, 2.1).size());   // first shell at a
        assertEquals(18, new BinnedNeighbourList().build(s, 2.9).size());  // + 12 at a√2
        assertEquals(26, new AllPairs().build(s, 3.5).size());  // + 8 at a√3
    }

    @Test
    void separatedMoleculeHasNoEdgesAndBadInputIsRejected() {
        Structure s = Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 10, 0, 0});
        assertEquals(0, new BinnedNeighbourList().build(s, 5.0).size());
        assertEquals(2, new BinnedNeighbourList().build(s, 10.5).size());
        assertThrows(IllegalArgumentException.class, () -> new BinnedNeighbourList().build(s, 0));
        Structure flat = new Structure(new int[] {1}, new double[] {0, 0, 0}, 0, 1, new double[] {1, 0, 0, 2, 0, 0, 0, 0, 1});
        assertThrows(IllegalArgumentException.class, () -> new AllPairs().build(flat, 1.0));
    }
}
