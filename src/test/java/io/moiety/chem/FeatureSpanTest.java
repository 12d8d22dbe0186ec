package io.moiety.chem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class FeatureSpanTest {

    private static Map<String, Integer> row(Object... kv) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    @Test
    void twoFeaturesAlwaysTogetherAreOnlyKnownAsASum() {
        // null space of the training matrix: (1, -1, 0) over (A, B, C)
        FeatureSpan span = FeatureSpan.of(List.of(row("A", 1, "B", 1, "C", 0), row("A", 1, "B", 1, "C", 1), row("A", 1, "B", 1, "C", 2)));
        assertEquals(2, span.rank());
        assertTrue(span.determines(row("A", 2, "B", 2, "C", 5)));
        FeatureSpan.Check c = span.check(row("A", 2, "B", 0, "C", 1));
        assertFalse(c.determined());
        assertEquals(Math.sqrt(2), c.distance(), 1e-12, "distance along (1,-1,0)/√2 of (2,0,1)");
        assertEquals(List.of(), c.unseen());
        assertEquals(1, c.relations().size());
        FeatureSpan.Relation r = c.relations().get(0);
        assertEquals(List.of(List.of("A"), List.of("B")), r.units());
        assertArrayEquals(new double[] {1, -1}, r.coefficients());
        assertEquals(2, r.value(), 1e-12);
    }

    @Test
    void aThreeFeatureRelationIsFoundWhenNoPairIsTied() {
        // every row has n_A = n_B + n_C; no two columns are proportional
        FeatureSpan span = FeatureSpan.of(List.of(row("A", 1, "B", 1), row("A", 1, "C", 1), row("A", 3, "B", 1, "C", 2)));
        assertEquals(2, span.rank());
        FeatureSpan.Check c = span.check(row("A", 1));
        assertFalse(c.determined());
        assertEquals(1, c.relations().size());
        assertArrayEquals(new double[] {1, -1, -1}, c.relations().get(0).coefficients());
        assertTrue(span.determines(row("A", 5, "B", 2, "C", 3)));
    }

    @Test
    void unseenFeaturesAndProportionalUnits() {
        // P and Q always 2:1 (in training and in the molecule): one unit; R never seen
        FeatureSpan span = FeatureSpan.of(List.of(row("P", 2, "Q", 1, "S", 1), row("P", 4, "Q", 2, "S", 1)));
        FeatureSpan.Check c = span.check(row("P", 2, "Q", 1, "R", 1));
        assertFalse(c.determined());
        assertEquals(List.of(List.of("R")), c.unseen());
        assertEquals(1, c.distance(), 1e-12);
        assertTrue(span.check(row("P", 6, "Q", 3, "S", 2)).determined());
        assertEquals(List.of(), span.check(row("P", 6, "Q", 3, "S", 2)).relations());
    }

    @Test
    void membershipAgreesWithTheRankOfTheStackedMatrixOnRandomCounts() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int features = 3 + random.nextInt(6);
            int base = 1 + random.nextInt(features - 1);
            int[][] basis = new int[base][features];
            for (int[] b : basis) {
                for (int j = 0; j < features; j++) {
                    b[j] = random.nextInt(3);
                }
            }
            List<Map<String, Integer>> rows = new ArrayList<>();
            List<int[]> dense = new ArrayList<>();
            for (int i = 0; i < 2 * base; i++) {
                int[] v = combination(basis, random);
                rows.add(named(v));
                dense.add(v);
            }
            FeatureSpan span = FeatureSpan.of(rows);
            assertEquals(rank(dense), span.rank(), "trial " + trial);
            int[] inside = combination(basis, random);
            int[] outside = inside.clone();
            outside[random.nextInt(features)] += 1;
            for (int[] x : List.of(inside, outside)) {
                List<int[]> stacked = new ArrayList<>(dense);
                stacked.add(x);
                boolean expected = rank(stacked) == rank(dense);
                assertEquals(expected, span.determines(named(x)), "trial " + trial);
                int[] scaled = x.clone();
                for (int j = 0; j < scaled.length; j++) {
                    scaled[j] *= 3;
                }
                assertEquals(expected, span.determines(named(scaled)), "scaling the counts keeps the verdict, trial " + trial);
            }
        }
    }

    private static int[] combination(int[][] basis, Random random) {
        int[] v = new int[basis[0].length];
        for (int[] b : basis) {
            int w = random.nextInt(3);
            for (int j = 0; j < v.length; j++) {
                v[j] += w * b[j];
            }
        }
        return v;
    }

    private static Map<String, Integer> named(int[] v) {
        Map<String, Integer> m = new HashMap<>();
        for (int j = 0; j < v.length; j++) {
            m.put("f" + j, v[j]);
        }
        return m;
    }

    private static int rank(List<int[]> rows) {
        DMatrixRMaj m = new DMatrixRMaj(rows.size(), rows.get(0).length);
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.get(i).length; j++) {
                m.set(i, j, rows.get(i)[j]);
            }
        }
        return MatrixFeatures_DDRM.rank(m);
    }
}
