package io.moiety.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankStatisticsTest {

    @Test
    void rocAucMatchesAHandCountedCaseWithTies() {
        // negatives (ID) {0.1, 0.4, 0.4, 0.8}, positives (OOD) {0.4, 0.9, 0.35}
        // pairs won by the positive: 0.4 beats 0.1, ties 0.4 and 0.4 (2 × ½), loses to 0.8 -> 2
        //                            0.9 beats all four -> 4
        //                            0.35 beats 0.1, loses to 0.4, 0.4, 0.8 -> 1
        // AUC = (2 + 4 + 1) / (3 × 4) = 7/12
        double auc = RankStatistics.rocAuc(new double[] {0.1, 0.4, 0.4, 0.8}, new double[] {0.4, 0.9, 0.35});
        assertEquals(7.0 / 12.0, auc, 1e-15);
    }

    @Test
    void rocAucEqualsTheBruteForcePairCountOnRandomScores() {
        Random rnd = new Random(5);
        double[] neg = new double[37];
        double[] pos = new double[23];
        for (int i = 0; i < neg.length; i++) {
            neg[i] = Math.round(rnd.nextGaussian() * 4) / 4.0;   // coarse grid: many ties
        }
        for (int i = 0; i < pos.length; i++) {
            pos[i] = Math.round((rnd.nextGaussian() + 0.7) * 4) / 4.0;
        }
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        assertEquals(wins / (pos.length * neg.length), RankStatistics.rocAuc(neg, pos), 1e-12);
    }

    @Test
    void perfectSeparationChanceAndReversal() {
        assertEquals(1.0, RankStatistics.rocAuc(new double[] {1, 2, 3}, new double[] {4, 5}));
        assertEquals(0.0, RankStatistics.rocAuc(new double[] {4, 5}, new double[] {1, 2, 3}));
        assertEquals(0.5, RankStatistics.rocAuc(new double[] {2, 2}, new double[] {2, 2, 2}));
        assertTrue(Double.isNaN(RankStatistics.rocAuc(new double[0], new double[] {1})));
    }

    @Test
    void ranksAverageTies() {
        assertArrayEquals(new double[] {3, 1.5, 4, 1.5}, RankStatistics.ranks(new double[] {5, 2, 9, 2}));
        assertThrows(IllegalArgumentException.class, () -> RankStatistics.ranks(new double[] {1, Double.NaN}));
    }

    @Test
    void spearmanIsOneForAnyMonotoneMapAndPearsonIsNot() {
        double[] x = {0.1, 0.5, 0.2, 3, 1.5, 0.05};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(3 * x[i]);
        }
        assertEquals(1.0, RankStatistics.spearman(x, y), 1e-12);
        assertTrue(RankStatistics.pearson(x, y) < 0.99);
        double[] rev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            rev[i] = -y[i];
        }
        assertEquals(-1.0, RankStatistics.spearman(x, rev), 1e-12);
    }

    @Test
    void pearsonMatchesAHandComputedValue() {
        // x = 1,2,3; y = 1,3,2: cov = 0.5·2 ... Σdxdy = (−1)(−1) + 0·1 + 1·0 = 1; Σdx² = 2; Σdy² = 2 -> r = 0.5
        assertEquals(0.5, RankStatistics.pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2}), 1e-15);
        assertTrue(Double.isNaN(RankStatistics.pearson(new double[] {1, 1}, new double[] {1, 2})));
    }
}
