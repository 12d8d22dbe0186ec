package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.props.Standardization;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
    private static final double[][] MEANS = {{0, 0, 0}, {8, 1, -2}, {-3, 9, 4}};
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};
    /** Cholesky factors of the true covariances (correlated, different scales). */
    private static final double[][][] FACTORS = {
        {{1, 0, 0}, {0.5, 0.8, 0}, {0, 0.3, 0.6}},
        {{0.7, 0, 0}, {-0.4, 1.2, 0}, {0.2, 0, 0.5}},
        {{1.5, 0, 0}, {0, 0.5, 0}, {0.6, 0.2, 0.9}},
    };

    private static double[][] sample(int n, long seed, int[] truth) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        for (int r = 0; r < n; r++) {
            double u = random.nextDouble();
            int c = u < WEIGHTS[0] ? 0 : u < WEIGHTS[0] + WEIGHTS[1] ? 1 : 2;
            truth[r] = c;
            double[] g = new double[3];
            for (int a = 0; a < 3; a++) {
                double u1 = random.nextDouble();
                double u2 = random.nextDouble();
                g[a] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            }
            for (int a = 0; a < 3; a++) {
                double v = MEANS[c][a];
                for (int b = 0; b <= a; b++) {
                    v += FACTORS[c][a][b] * g[b];
                }
                x[r][a] = v;
            }
        }
        return x;
    }

    @Test
    void recoversWellSeparatedComponents() {
        int n = 3000;
        int[] truth = new int[n];
        double[][] x = sample(n, 5, truth);
        GaussianMixture.Fit fit = GaussianMixture.fit(x, 3, 42);
        int[] match = new int[3];
        for (int c = 0; c < 3; c++) {
            int best = 0;
            for (int f = 1; f < 3; f++) {
                if (distance(fit.means()[f], MEANS[c]) < distance(fit.means()[best], MEANS[c])) {
                    best = f;
                }
            }
            match[c] = best;
            assertEquals(WEIGHTS[c], fit.weights()[best], 0.03, "weight of component " + c);
            assertTrue(distance(fit.means()[best], MEANS[c]) < 0.15, "mean of component " + c);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double expected = 0;
                    for (int k = 0; k < 3; k++) {
                        expected += FACTORS[c][a][k] * FACTORS[c][b][k];
                    }
                    assertEquals(expected, fit.covariances()[best][a][b], 0.2, "covariance " + c + " [" + a + "][" + b + "]");
                }
            }
        }
        assertEquals(3, java.util.Arrays.stream(match).distinct().count(), "one fitted component per true one");
        int agree = 0;
        for (int r = 0; r < n; r++) {
            if (fit.labels()[r] == match[truth[r]]) {
                agree++;
            }
            assertEquals(fit.labels()[r], fit.label(x[r]));
        }
        assertTrue(agree > 0.99 * n, agree + " of " + n + " labels agree");
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += fit.logDensity(x[r]);
        }
        assertEquals(sum, fit.logLikelihood(), 1e-6 * Math.abs(sum));
    }

    @Test
    void isDeterministicForASeedAndBetterThanOneComponent() {
        int[] truth = new int[900];
        double[][] x = sample(900, 6, truth);
        GaussianMixture.Fit a = GaussianMixture.fit(x, 3, 7);
        GaussianMixture.Fit b = GaussianMixture.fit(x, 3, 7);
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.weights(), b.weights());
        assertEquals(a.logLikelihood(), b.logLikelihood());
        assertTrue(a.logLikelihood() > GaussianMixture.fit(x, 1, 7).logLikelihood() + 100);
    }

    @Test
    void oneComponentIsTheSampleMeanAndCovariance() {
        int[] truth = new int[500];
        double[][] x = sample(500, 8, truth);
        GaussianMixture.Fit fit = GaussianMixture.fit(x, 1, 1);
        Standardization s = Standardization.fit(x, 0);
        for (int a = 0; a < 3; a++) {
            assertEquals(s.means()[a], fit.means()[0][a], 1e-9);
            assertEquals(s.scales()[a] * s.scales()[a] + GaussianMixture.REGULARISATION, fit.covariances()[0][a][a], 1e-9);
        }
        assertEquals(1.0, fit.weights()[0], 1e-12);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
