package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DirectLingamTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f");

    @Test
    void recoversOrderAndWeightsWithUniformNoise() {
        SyntheticLingam model = SyntheticLingam.sixVariables();
        assertRecovers(model, model.sample(3000, 11, false));
    }

    @Test
    void recoversOrderAndWeightsWithLaplaceNoise() {
        SyntheticLingam model = SyntheticLingam.sixVariables();
        assertRecovers(model, model.sample(3000, 12, true));
    }

    private static void assertRecovers(SyntheticLingam model, double[][] x) {
        CausalGraph g = new DirectLingam().fit(x, NAMES);
        assertTrue(model.consistentWith(g.order()), "order " + Arrays.toString(g.order()));
        double[][] b = g.b();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (model.b()[i][j] != 0) {
                    assertEquals(model.b()[i][j], b[i][j], 0.05, "b[" + i + "][" + j + "]");
                } else {
                    assertEquals(0.0, b[i][j], 0.0, "absent edge b[" + i + "][" + j + "] must be exactly zero");
                }
            }
        }
    }

    @Test
    void tenVariablesWithLaplaceNoiseGiveTheTrueSupportAndItsLeastSquaresWeights() {
        SyntheticLingam model = SyntheticLingam.random(10, 0.3, 21);
        double[][] x = model.sample(3000, 22, true);
        List<String> names = List.of("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
        CausalGraph g = new DirectLingam().fit(x, names);
        assertTrue(model.consistentWith(g.order()), "order " + Arrays.toString(g.order()));
        double[][] b = g.b();
        for (int i = 0; i < 10; i++) {
            double[] truth = model.b()[i];
            int[] parents = IntStream.range(0, 10).filter(j -> truth[j] != 0).toArray();
            double[] oracle = LinearRegression.fit(x, DenseAlgebra.column(x, i), parents).coefficients();
            double[] row = new double[10];
            for (int k = 0; k < parents.length; k++) {
                row[parents[k]] = oracle[k];
                // sampling error of least squares itself, at this n and noise level
                assertEquals(model.b()[i][parents[k]], oracle[k], 0.1);
            }
            for (int j = 0; j < 10; j++) {
                assertEquals(row[j], b[i][j], 1e-9, "b[" + i + "][" + j + "] against least squares on the true parents");
            }
        }
    }

    @Test
    void orderDoesNotDependOnUnitsOrColumnOffsets() {
        SyntheticLingam model = SyntheticLingam.sixVariables();
        double[][] x = model.sample(2000, 13, false);
        double[][] scaled = new double[x.length][];
        double[] factor = {1000, 0.001, -3, 7, 0.5, 42};
        for (int r = 0; r < x.length; r++) {
            scaled[r] = new double[6];
            for (int j = 0; j < 6; j++) {
                scaled[r][j] = factor[j] * x[r][j] + 10 * j;
            }
        }
        DirectLingam lingam = new DirectLingam();
        assertArrayEquals(lingam.causalOrder(x), lingam.causalOrder(scaled));
        double[][] b = lingam.fit(x, NAMES).b();
        double[][] bs = lingam.fit(scaled, NAMES).b();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(b[i][j] * factor[i] / factor[j], bs[i][j], 1e-6 * (1 + Math.abs(bs[i][j])), "b[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void sinksComeLastAndCauseNothing() {
        SyntheticLingam model = SyntheticLingam.sixVariables();
        double[][] x = model.sample(2000, 14, false);
        // variable 0 truly causes 5 and 4; declared a sink, together with the true sink 2
        CausalGraph g = new DirectLingam(Set.of(0, 2)).fit(x, NAMES);
        int[] order = g.order();
        assertEquals(Set.of(0, 2), Set.of(order[4], order[5]), "order " + Arrays.toString(order));
        double[][] b = g.b();
        for (int i = 0; i < 6; i++) {
            assertEquals(0.0, b[i][0], "sink 0 must have no outgoing edge, b[" + i + "][0]");
            assertEquals(0.0, b[i][2], "sink 2 must have no outgoing edge, b[" + i + "][2]");
        }
        // the true sink's parents are still found
        assertEquals(1.1, b[2][1], 0.05);
        assertEquals(0.5, b[2][4], 0.05);
    }

    @Test
    void entropyApproximationIsLargestForGaussianData() {
        int n = 20000;
        double[] gauss = new double[n];
        double[] uniform = new double[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int r = 0; r < n; r++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            gauss[r] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            uniform[r] = (random.nextDouble() - 0.5) * Math.sqrt(12);
        }
        double hGauss = DirectLingam.entropy(gauss);
        assertEquals((1 + Math.log(2 * Math.PI)) / 2, hGauss, 0.01);
        // the approximation is only good near the Gaussian (1.373 here against the exact log √12 = 1.242),
        // but it must rank any non-Gaussian unit-variance sample below the Gaussian
        assertTrue(DirectLingam.entropy(uniform) < hGauss - 0.02, "uniform " + DirectLingam.entropy(uniform));
    }

    @Test
    void fewRowsDiscreteAndCollinearColumnsStillGiveAFiniteDag() {
        // the active loop's first subsets: 21 rows, 11 variables, integer counts, an exact linear
        // combination of two columns (like heavy-atom and exact masses), a sink
        SplittableRandom random = new SplittableRandom(31);
        for (int n : new int[] {12, 21, 41}) {
            double[][] x = new double[n][11];
            for (double[] row : x) {
                for (int j = 0; j < 9; j++) {
                    row[j] = j < 4 ? random.nextInt(4) : random.nextDouble() + 0.3 * row[j - 1];
                }
                row[9] = 2 * row[4] - row[5];
                row[10] = row[0] + 0.5 * row[6] + random.nextDouble();
            }
            List<String> names = IntStream.range(0, 11).mapToObj(j -> "v" + j).toList();
            CausalGraph g = new DirectLingam(Set.of(10)).fit(x, names);
            assertEquals(10, g.order()[10]);
            for (double[] row : g.b()) {
                for (double v : row) {
                    assertTrue(Double.isFinite(v));
                }
                assertEquals(0.0, row[10]);
            }
        }
    }

    @Test
    void rejectsBadInput() {
        double[][] few = {{1, 2, 3}, {2, 1, 0}, {0, 1, 1}};
        assertThrows(IllegalArgumentException.class, () -> new DirectLingam().fit(few, List.of("a", "b", "c")));
        double[][] constant = new double[10][2];
        for (int r = 0; r < 10; r++) {
            constant[r][0] = r;
            constant[r][1] = 4;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DirectLingam().fit(constant, List.of("a", "flat")));
        assertTrue(e.getMessage().contains("flat"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DirectLingam(Set.of(5)).fit(few, List.of("a", "b", "c")));
    }
}
