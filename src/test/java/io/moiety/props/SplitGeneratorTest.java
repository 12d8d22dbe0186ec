package io.moiety.props;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.descriptors.PropertyTable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitGeneratorTest {

    private static PropertyTable table(int n) {
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            y[i] = (i * 7919) % n;
        }
        return Tables.of(x, y, null);
    }

    @Test
    void interpolationFoldsPartitionAllMolecules() {
        List<BenchSplit> folds = SplitGenerator.interpolation(23, 4);
        assertEquals(5, folds.size());
        int[] seen = new int[23];
        for (BenchSplit f : folds) {
            assertEquals(23, f.train().length + f.test().length);
            for (int i : f.test()) {
                seen[i]++;
            }
        }
        int[] once = new int[23];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
    }

    @Test
    void extrapolationSplitsFollowTheirRules() {
        PropertyTable t = table(40);
        List<BenchSplit> splits = SplitGenerator.extrapolation(t, new int[] {10, 20}, new long[] {0, 1});
        double median = 19.5;
        for (BenchSplit s : splits) {
            assertEquals(s.nIn(), s.train().length, s.kind());
            Set<Integer> train = new HashSet<>();
            Arrays.stream(s.train()).forEach(train::add);
            assertTrue(s.test().length > 0);
            for (int i : s.test()) {
                assertFalse(train.contains(i), "train and test overlap in " + s.kind());
            }
            if (s.kind().equals("property")) {
                double maxTrain = Arrays.stream(s.train()).mapToDouble(i -> Math.abs(t.target()[i] - median)).max().orElseThrow();
                double minTest = Arrays.stream(s.test()).mapToDouble(i -> Math.abs(t.target()[i] - median)).min().orElseThrow();
                assertTrue(maxTrain <= minTest, "property: training band inside the test tails");
                assertTrue(Arrays.stream(s.test()).anyMatch(i -> t.target()[i] < median)
                        && Arrays.stream(s.test()).anyMatch(i -> t.target()[i] > median), "both tails tested");
            }
        }
        assertEquals(Set.of("property", "cluster", "similarity"), new HashSet<>(splits.stream().map(BenchSplit::kind).toList()));
        List<BenchSplit> again = SplitGenerator.extrapolation(t, new int[] {10, 20}, new long[] {0, 1});
        for (int i = 0; i < splits.size(); i++) {
            assertArrayEquals(splits.get(i).train(), again.get(i).train(), "deterministic for a seed");
        }
    }

    @Test
    void kMedoidsSeparatesTwoObviousGroups() {
        int n = 10;
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sim[i][j] = i == j ? 1 : (i < 5) == (j < 5) ? 0.8 : 0.1;
            }
        }
        int[] cluster = SplitGenerator.assign(sim, SplitGenerator.kMedoids(sim, 2, 3));
        for (int i = 1; i < n; i++) {
            assertEquals((i < 5) == (0 < 5), cluster[i] == cluster[0]);
        }
    }
}
