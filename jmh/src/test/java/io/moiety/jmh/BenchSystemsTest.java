package io.moiety.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.chem.Structure;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSystemsTest {

    private static double dist(double[] x, int i, int j) {
        double d2 = 0;
        for (int k = 0; k < 3; k++) {
            double d = x[3 * i + k] - x[3 * j + k];
            d2 += d * d;
        }
        return Math.sqrt(d2);
    }

    @Test
    void alkanesHaveTheirFormulaAndIdealBonds() {
        for (int n = 1; n <= 8; n++) {
            Structure s = BenchSystems.alkane(n, 0.7 * n);
            assertEquals("C" + (n == 1 ? "" : n) + "H" + (2 * n + 2), s.formula());
            double[] x = s.positions();
            int[] z = s.atomicNumbers();
            for (int i = 0; i < s.size(); i++) {
                double nearest = Double.MAX_VALUE;
                for (int j = 0; j < s.size(); j++) {
                    if (j != i) {
                        nearest = Math.min(nearest, dist(x, i, j));
                    }
                }
                // every atom's nearest neighbour is a C–H partner at 1.09 Å
                assertEquals(1.09, nearest, 1e-6, "atom " + i + " of C" + n);
            }
            for (int i = 0; i + 1 < n; i++) {
                assertEquals(1.53, dist(x, i, i + 1), 1e-9);
            }
            assertTrue(BenchSystems.minDistance(s) > 1.0);
        }
    }

    @Test
    void packedHexanesHaveLiquidDensityAndNoOverlaps() {
        for (int atoms : new int[] {20, 100, 1000}) {
            Structure cluster = BenchSystems.hexaneCluster(atoms, 42);
            Structure box = BenchSystems.hexaneBox(atoms, 42);
            assertEquals(atoms, cluster.size());
            assertNull(cluster.cell());
            assertEquals(atoms, box.size());
            double[] c = box.cell();
            double density = atoms / (c[0] * c[4] * c[8]);
            assertTrue(density > 0.06 && density <= 0.0917, "density " + density + " atoms/Å³ for N = " + atoms);
            assertTrue(BenchSystems.minDistance(cluster) > 1.0, "overlap in the " + atoms + "-atom cluster");
        }
        // a full lattice is exactly at the density of liquid hexane (0.655 g/cm³ ≈ 0.0916 atoms/Å³)
        double[] c = BenchSystems.hexaneBox(1000, 1).cell();
        assertEquals(0.0916, 1000 / (c[0] * c[4] * c[8]), 5e-4);
        assertEquals(BenchSystems.hexaneCluster(1000, 42), BenchSystems.hexaneCluster(1000, 42), "seeded geometry");
    }

    @Test
    void comparisonSystemsMatchTheirNames() {
        List<Structure> batch = PeerTiming.system("alkanes32");
        assertEquals(32, batch.size());
        assertEquals(496, batch.stream().mapToInt(Structure::size).sum());
        assertEquals(1000, PeerTiming.system("hexane1000").get(0).size());
    }

    @Test
    void scalingSlopeIsOneForLinearAndTwoForQuadraticCost() {
        java.util.TreeMap<Integer, Double> lin = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, Double> quad = new java.util.TreeMap<>();
        for (int n : new int[] {20, 100, 1000, 10000}) {
            lin.put(n, 0.003 * n);
            quad.put(n, 1e-6 * n * n);
        }
        assertEquals(1.0, new ScalingPlot.Curve("a", lin).slope(), 1e-12);
        assertEquals(2.0, new ScalingPlot.Curve("b", quad).slope(), 1e-12);
    }
}
