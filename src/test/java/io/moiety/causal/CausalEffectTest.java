package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.moiety.props.Standardization;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A chain x0 → x1 → x2 with b10 = 2, b21 = −0.5, and a linear predictor of x2 from x0, x1. */
class CausalEffectTest {
    private static final double[][] B = {{0, 0, 0}, {2, 0, 0}, {0, -0.5, 0}};
    private static final CausalGraph CHAIN = new CausalGraph(List.of("x0", "x1", "x2"), B, new int[] {0, 1, 2});
    private static final LinearPredictor PREDICTOR = new LinearPredictor(new int[] {0, 1}, new double[] {0.3, -0.5}, 1.0);

    private static double[][] data(int n) {
        SplittableRandom random = new SplittableRandom(9);
        double[][] x = new double[n][3];
        for (int r = 0; r < n; r++) {
            double x0 = 4 + 2 * random.nextDouble();
            double x1 = 2 * x0 + 1 + random.nextDouble();
            double x2 = -0.5 * x1 + random.nextDouble();
            x[r] = new double[] {x0, x1, x2};
        }
        return x;
    }

    @Test
    void interventionKeepsNonDescendantsAndMovesDescendantsByTheTotalEffect() {
        double[] row = {1.0, 3.5, -1.0};
        CausalEffect effect = new CausalEffect(CHAIN);
        double[] done = effect.intervene(row, 1, 5.5);
        assertEquals(1.0, done[0], 1e-12);
        assertEquals(5.5, done[1], 1e-12);
        assertEquals(-1.0 - 0.5 * 2.0, done[2], 1e-12);
        double[] root = effect.intervene(row, 0, 2.0);
        assertEquals(3.5 + 2 * 1.0, root[1], 1e-12);
        assertEquals(-1.0 + 2 * (-0.5) * 1.0, root[2], 1e-12, "total effect of x0 on x2 is 2 · (−0.5)");
        double[] same = effect.intervene(row, 2, row[2]);
        for (int i = 0; i < 3; i++) {
            assertEquals(row[i], same[i], 1e-12, "do(x = its own value) changes nothing");
        }
    }

    @Test
    void effectsOnPredictionAreAnalytic() {
        double[][] x = data(4000);
        double[] sd = Standardization.fit(x, 0).scales();
        double[] effects = new CausalEffect(CHAIN).effectsOnPrediction(x, PREDICTOR);
        // do(x0): ŷ moves by (0.3 + 2 · (−0.5)) σ0; do(x1): x0 is upstream and stays, ŷ moves by −0.5 σ1;
        // do(x2): x2 is not an input and causes nothing
        assertEquals(Math.abs(0.3 - 1.0) * sd[0], effects[0], 1e-9);
        assertEquals(0.5 * sd[1], effects[1], 1e-9);
        assertEquals(0.0, effects[2], 1e-12);
    }

    @Test
    void optimalInterventionHitsTheTarget() {
        double[][] x = data(2000);
        CausalEffect effect = new CausalEffect(CHAIN);
        double desired = -3.0;
        double v = effect.optimalIntervention(x, PREDICTOR, 0, desired);
        assertEquals(desired, PREDICTOR.predict(effect.expectationUnder(x, 0, v)), 1e-9);
        // closed form: E[ŷ | do(x0 = v)] = 1 + 0.3 v − 0.5 (2 v + E e1), E e1 = E x1 − 2 E x0
        double[] mean = Standardization.fit(x, 0).means();
        double noise1 = mean[1] - 2 * mean[0];
        assertEquals((desired - 1 + 0.5 * noise1) / (0.3 - 1.0), v, 1e-9);
        double[] row = x[17];
        double vRow = effect.optimalIntervention(row, PREDICTOR, 1, 2.0);
        assertEquals(2.0, PREDICTOR.predict(effect.intervene(row, 1, vRow)), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> effect.optimalIntervention(x, PREDICTOR, 2, 1.0),
                "x2 has no path to the prediction");
    }
}
