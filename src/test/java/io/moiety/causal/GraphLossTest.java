package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraphLossTest {

    /** A random weighted DAG over p variables whose causal order is a random permutation. */
    private static double[][] randomDag(int p, SplittableRandom random) {
        return SyntheticLingam.random(p, 0.4, random.nextLong()).b();
    }

    private static double sortedRowSumDistance(double[][] b1, double[][] b2) {
        double[] s1 = rowSums(b1);
        double[] s2 = rowSums(b2);
        Arrays.sort(s1);
        Arrays.sort(s2);
        double d = 0;
        for (int i = 0; i < s1.length; i++) {
            d += (s1[i] - s2[i]) * (s1[i] - s2[i]);
        }
        return Math.sqrt(d);
    }

    private static double[] rowSums(double[][] b) {
        double[] s = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            for (double v : b[i]) {
                s[i] += v;
            }
        }
        return s;
    }

    @Test
    void onDagsTheSpectralDistanceIsTheSortedRowSumDistance() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            double[][] b1 = randomDag(8, random);
            double[][] b2 = randomDag(8, random);
            assertEquals(sortedRowSumDistance(b1, b2), GraphLoss.laplacianSpectral(b1, b2), 1e-12);
        }
    }

    @Test
    void theGeneralEigenSolverAgreesWithTheDagShortcut() {
        SplittableRandom random = new SplittableRandom(2);
        for (int trial = 0; trial < 20; trial++) {
            double[][] b = randomDag(9, random);
            double[][] l = new double[9][9];
            double[] s = rowSums(b);
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 9; j++) {
                    l[i][j] = (i == j ? s[i] : 0) - b[i][j];
                }
            }
            double[][] general = Eigenvalues.of(l);
            double[][] shortcut = GraphLoss.laplacianEigenvalues(b);
            Arrays.sort(general, (x, y) -> Double.compare(y[0], x[0]));
            for (int i = 0; i < 9; i++) {
                assertEquals(shortcut[i][0], general[i][0], 1e-8);
                assertEquals(0.0, general[i][1], 1e-8);
            }
        }
    }

    @Test
    void isZeroForEqualGraphsSymmetricAndBlindToARelabelling() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] b1 = randomDag(7, random);
        double[][] b2 = randomDag(7, random);
        assertEquals(0.0, GraphLoss.laplacianSpectral(b1, b1));
        assertEquals(0.0, GraphLoss.frobenius(b1, b1));
        assertEquals(0, GraphLoss.structuralHamming(b1, b1, 0.01));
        assertEquals(GraphLoss.laplacianSpectral(b1, b2), GraphLoss.laplacianSpectral(b2, b1), 1e-12);
        assertEquals(GraphLoss.frobenius(b1, b2), GraphLoss.frobenius(b2, b1), 1e-12);
        assertEquals(GraphLoss.structuralHamming(b1, b2, 0.01), GraphLoss.structuralHamming(b2, b1, 0.01));
        assertTrue(GraphLoss.laplacianSpectral(b1, b2) > 0);
        // relabelling the nodes of one graph leaves its spectrum, hence the spectral distance, unchanged,
        // while the node-aligned distances see the change
        int[] perm = {3, 0, 6, 1, 5, 2, 4};
        double[][] relabelled = new double[7][7];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                relabelled[perm[i]][perm[j]] = b1[i][j];
            }
        }
        assertEquals(0.0, GraphLoss.laplacianSpectral(b1, relabelled), 1e-12);
        assertTrue(GraphLoss.frobenius(b1, relabelled) > 0);
    }

    @Test
    void frobeniusAndHammingOnAHandExample() {
        double[][] a = {{0, 0, 0}, {1.0, 0, 0}, {0, 0.5, 0}};   // 0 → 1 → 2
        double[][] b = {{0, 2.0, 0}, {0, 0, 0}, {0, 0.5, 0.0}};  // 1 → 0 (reversed), 1 → 2
        double[][] c = {{0, 0, 0}, {1.0, 0, 0}, {0.3, 0.5, 0}};  // adds 0 → 2
        assertEquals(1, GraphLoss.structuralHamming(a, b, 0.1), "a reversal counts once");
        assertEquals(1, GraphLoss.structuralHamming(a, c, 0.1));
        assertEquals(0, GraphLoss.structuralHamming(a, c, 0.4), "0.3 is below the threshold");
        assertEquals(Math.sqrt(1 + 4), GraphLoss.frobenius(a, b), 1e-12);
        assertEquals(0.3, GraphLoss.frobenius(a, c), 1e-12);
        // L(a) has diagonal (0, 1, 0.5), L(b) has (2, 0, 0.5): sorted (1, .5, 0) vs (2, .5, 0)
        assertEquals(1.0, GraphLoss.laplacianSpectral(a, b), 1e-12);
    }

    @Test
    void cyclicGraphsUseTheComplexSpectrum() {
        // a directed 3-cycle with unit weights: L = I − P, eigenvalues 1 − ω^k for the cube roots of unity
        double[][] cycle = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}};
        assertFalse(GraphLoss.isAcyclic(cycle));
        double[][] eig = GraphLoss.laplacianEigenvalues(cycle);
        assertEquals(1.5, eig[0][0], 1e-10);
        assertEquals(Math.sqrt(3) / 2, eig[0][1], 1e-10);
        assertEquals(1.5, eig[1][0], 1e-10);
        assertEquals(-Math.sqrt(3) / 2, eig[1][1], 1e-10);
        assertEquals(0.0, eig[2][0], 1e-10);
        assertEquals(0.0, eig[2][1], 1e-10);
        double[][] empty = new double[3][3];
        // against the empty graph (all eigenvalues 0): sqrt(|1.5+0.866i|² + |1.5−0.866i|²) = sqrt(6)
        assertEquals(Math.sqrt(6), GraphLoss.laplacianSpectral(cycle, empty), 1e-10);
    }
}
