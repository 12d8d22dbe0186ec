package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.props.Standardization;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    @Test
    void exactLinearDataIsRecoveredWithRSquaredOne() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] x = new double[50][4];
        double[] y = new double[50];
        for (int r = 0; r < 50; r++) {
            for (int j = 0; j < 4; j++) {
                x[r][j] = random.nextDouble() * 10;
            }
            y[r] = 3 - 2 * x[r][1] + 0.25 * x[r][3];
        }
        LinearPredictor p = LinearRegression.fit(x, y, new int[] {1, 3});
        assertEquals(-2, p.coefficients()[0], 1e-10);
        assertEquals(0.25, p.coefficients()[1], 1e-10);
        assertEquals(3, p.intercept(), 1e-9);
        assertEquals(-2, p.coefficientOf(1), 1e-10);
        assertEquals(0, p.coefficientOf(0));
        assertEquals(1.0, RSquared.of(y, p.predict(x)), 1e-12);
    }

    @Test
    void ridgeShrinksTowardsTheMeanAndMatchesTheNormalEquations() {
        // one centred input: w = Σ x y / (Σ x² + λ)
        double[][] x = {{-1}, {0}, {1}, {2}};
        double[] y = {0, 1, 1, 3};
        double sxy = 0;
        double sxx = 0;
        for (int r = 0; r < 4; r++) {
            sxy += (x[r][0] - 0.5) * (y[r] - 1.25);
            sxx += (x[r][0] - 0.5) * (x[r][0] - 0.5);
        }
        LinearPredictor p = LinearRegression.fit(x, y, new int[] {0}, 2.0);
        assertEquals(sxy / (sxx + 2.0), p.coefficients()[0], 1e-12);
        assertEquals(1.25 - p.coefficients()[0] * 0.5, p.intercept(), 1e-12);
    }

    @Test
    void collinearInputsStillGiveTheLeastSquaresFit() {
        double[][] x = new double[20][2];
        double[] y = new double[20];
        for (int r = 0; r < 20; r++) {
            x[r][0] = r;
            x[r][1] = 2 * r;
            y[r] = 1 + 3 * r;
        }
        LinearPredictor p = LinearRegression.fit(x, y, new int[] {0, 1});
        assertEquals(1.0, RSquared.of(y, p.predict(x)), 1e-9);
    }

    @Test
    void rSquaredOfTheMeanIsZeroAndWorseIsNegative() {
        double[] y = {1, 2, 3, 4};
        assertEquals(0.0, RSquared.of(y, new double[] {2.5, 2.5, 2.5, 2.5}), 1e-15);
        assertTrue(RSquared.of(y, new double[] {4, 3, 2, 1}) < 0);
        assertTrue(Double.isNaN(RSquared.of(new double[] {2, 2}, new double[] {1, 2})));
    }

    @Test
    void standardisationUsesTheChosenDivisorAndInverts() {
        double[][] x = {{1, 10}, {2, 20}, {3, 60}};
        Standardization s0 = Standardization.fit(x, 0);
        Standardization s1 = Standardization.fit(x, 1);
        assertEquals(Math.sqrt(2.0 / 3), s0.scales()[0], 1e-12);
        assertEquals(1.0, s1.scales()[0], 1e-12);
        double[] z = s0.apply(x[2]);
        assertEquals(x[2][1], s0.invert(z)[1], 1e-12);
        double[][] zs = s1.apply(x);
        assertEquals(0.0, zs[0][1] + zs[1][1] + zs[2][1], 1e-12);
        double[][] flat = {{1, 5}, {2, 5}, {3, 5}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Standardization.fit(flat, 0, List.of("mass", "charge")));
        assertTrue(e.getMessage().contains("charge"), e.getMessage());
    }
}
