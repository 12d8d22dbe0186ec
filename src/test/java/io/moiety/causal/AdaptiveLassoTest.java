package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdaptiveLassoTest {

    /** Columns: x0, x1 = 0.7 x0 + noise (irrelevant but correlated), x2, x3 (irrelevant), y. */
    private static double[][] data(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][5];
        for (int r = 0; r < n; r++) {
            double x0 = random.nextDouble() * 2 - 1;
            double x1 = 0.7 * x0 + 0.5 * (random.nextDouble() * 2 - 1);
            double x2 = 3 * (random.nextDouble() * 2 - 1);
            double x3 = random.nextDouble() * 2 - 1;
            double y = 2 * x0 - 0.4 * x2 + 5 + 0.3 * (random.nextDouble() * 2 - 1);
            x[r] = new double[] {x0, x1, x2, x3, y};
        }
        return x;
    }

    @Test
    void zeroesAbsentEdgesAndRecoversPresentOnes() {
        double[][] x = data(2000, 1);
        double[] coef = new AdaptiveLasso().fit(x, new int[] {0, 1, 2, 3}, 4);
        assertEquals(2.0, coef[0], 0.05);
        assertEquals(0.0, coef[1], 0.0, "x1 is only correlated with a cause");
        assertEquals(-0.4, coef[2], 0.05);
        assertEquals(0.0, coef[3], 0.0);
    }

    @Test
    void pureNoiseTargetGetsNoParents() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] x = new double[2000][4];
        for (double[] row : x) {
            for (int j = 0; j < 4; j++) {
                row[j] = random.nextDouble();
            }
        }
        double[] coef = new AdaptiveLasso().fit(x, new int[] {0, 1, 2}, 3);
        for (double c : coef) {
            assertEquals(0.0, c, 0.0);
        }
    }

    @Test
    void larsPathSatisfiesLassoOptimalityAtEveryKnot() {
        double[][] x = data(500, 3);
        int n = x.length;
        double[][] z = new double[n][4];
        double[] y = new double[n];
        double[] mean = new double[5];
        for (double[] row : x) {
            for (int j = 0; j < 5; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < 4; j++) {
                z[r][j] = x[r][j] - mean[j];
            }
            y[r] = x[r][4] - mean[4];
        }
        LarsLassoPath path = LarsLassoPath.of(z, y);
        assertTrue(path.size() >= 5, "one knot per entering variable plus the ends, got " + path.size());
        for (int t = 0; t < path.size(); t++) {
            double[] beta = path.knots().get(t);
            double lambda = path.lambdas()[t];
            double[] c = correlations(z, y, beta);
            double rss = 0;
            for (int r = 0; r < n; r++) {
                double res = y[r];
                for (int j = 0; j < 4; j++) {
                    res -= z[r][j] * beta[j];
                }
                rss += res * res;
            }
            assertEquals(rss, path.rss()[t], 1e-8 * (1 + rss));
            for (int j = 0; j < 4; j++) {
                double tol = 1e-8 * (1 + path.lambdas()[0]);
                if (beta[j] != 0) {
                    assertEquals(Math.signum(beta[j]) * lambda, c[j], tol, "active correlation at knot " + t);
                } else {
                    assertTrue(Math.abs(c[j]) <= lambda + tol, "inactive |c| ≤ λ at knot " + t);
                }
            }
        }
        // the last knot is the least-squares fit
        assertEquals(0.0, path.lambdas()[path.size() - 1], 1e-9);
        double[] last = path.knots().get(path.size() - 1);
        double[] ols = LinearRegression.fit(z, y, new int[] {0, 1, 2, 3}).coefficients();
        for (int j = 0; j < 4; j++) {
            assertEquals(ols[j], last[j], 1e-8);
        }
    }

    @Test
    void larsDropsAVariableWhoseCoefficientCrossesZero() {
        // y = z1 + z2 − 0.5 z0 with z0 ≈ 0.7 (z1 + z2): z0 has the largest marginal correlation and
        // enters first with a positive sign, but its least-squares coefficient is negative, so on
        // the lasso path it must leave (reach zero) before it can come back negative
        SplittableRandom random = new SplittableRandom(4);
        int n = 2000;
        double[][] z = new double[n][3];
        double[] y = new double[n];
        double unit = Math.sqrt(12);
        for (int r = 0; r < n; r++) {
            double z1 = (random.nextDouble() - 0.5) * unit;
            double z2 = (random.nextDouble() - 0.5) * unit;
            double z0 = 0.7 * (z1 + z2) + 0.14 * (random.nextDouble() - 0.5) * unit;
            z[r] = new double[] {z0, z1, z2};
            y[r] = z1 + z2 - 0.5 * z0 + 0.05 * (random.nextDouble() - 0.5);
        }
        centre(z, y);
        LarsLassoPath path = LarsLassoPath.of(z, y);
        assertTrue(path.knots().get(1)[0] > 0, "z0 enters first, positive");
        boolean dropped = false;
        for (int t = 1; t < path.size(); t++) {
            dropped |= path.knots().get(t - 1)[0] != 0 && path.knots().get(t)[0] == 0;
        }
        assertTrue(dropped, "z0 must leave the active set on the way to its negative least-squares value");
        for (int t = 0; t < path.size(); t++) {
            double[] beta = path.knots().get(t);
            double[] c = correlations(z, y, beta);
            for (int j = 0; j < 3; j++) {
                double tol = 1e-8 * (1 + path.lambdas()[0]);
                if (beta[j] != 0) {
                    assertEquals(Math.signum(beta[j]) * path.lambdas()[t], c[j], tol, "knot " + t);
                } else {
                    assertTrue(Math.abs(c[j]) <= path.lambdas()[t] + tol, "knot " + t);
                }
            }
        }
        double[] last = path.knots().get(path.size() - 1);
        assertEquals(-0.5, last[0], 0.02);
        assertEquals(1.0, last[1], 0.02);
    }

    private static void centre(double[][] z, double[] y) {
        int n = y.length;
        int p = z[0].length;
        double my = DenseAlgebra.mean(y);
        for (int j = 0; j < p; j++) {
            double m = DenseAlgebra.mean(DenseAlgebra.column(z, j));
            for (int r = 0; r < n; r++) {
                z[r][j] -= m;
            }
        }
        for (int r = 0; r < n; r++) {
            y[r] -= my;
        }
    }

    private static double[] correlations(double[][] z, double[] y, double[] beta) {
        int p = beta.length;
        double[] c = new double[p];
        for (int r = 0; r < y.length; r++) {
            double res = y[r];
            for (int j = 0; j < p; j++) {
                res -= z[r][j] * beta[j];
            }
            for (int j = 0; j < p; j++) {
                c[j] += z[r][j] * res;
            }
        }
        return c;
    }
}
