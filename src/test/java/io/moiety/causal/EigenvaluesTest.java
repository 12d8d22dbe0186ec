package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EigenvaluesTest {

    @Test
    void companionMatrixHasThePolynomialsRoots() {
        // coefficients of (λ − 1)(λ − 2)(λ + 3)(λ² + 4), expanded by convolution
        double[] poly = {1};
        for (double[] factor : new double[][] {{1, -1}, {1, -2}, {1, 3}, {1, 0, 4}}) {
            double[] next = new double[poly.length + factor.length - 1];
            for (int i = 0; i < poly.length; i++) {
                for (int j = 0; j < factor.length; j++) {
                    next[i + j] += poly[i] * factor[j];
                }
            }
            poly = next;
        }
        int n = poly.length - 1;
        double[][] c = new double[n][n];
        for (int j = 0; j < n; j++) {
            c[0][j] = -poly[j + 1];
        }
        for (int i = 1; i < n; i++) {
            c[i][i - 1] = 1;
        }
        double[][] eig = Eigenvalues.of(c);
        Arrays.sort(eig, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double[][] expected = {{-3, 0}, {0, -2}, {0, 2}, {1, 0}, {2, 0}};
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i][0], eig[i][0], 1e-9, "re " + i);
            assertEquals(expected[i][1], eig[i][1], 1e-9, "im " + i);
        }
    }

    @Test
    void randomMatricesKeepTraceDeterminantAndTraceOfSquare() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(10);
            double[][] a = new double[n][n];
            for (double[] row : a) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextDouble() * 2 - 1;
                }
            }
            double[][] eig = Eigenvalues.of(a);
            double trace = 0;
            double trace2 = 0;
            for (int i = 0; i < n; i++) {
                trace += a[i][i];
                for (int k = 0; k < n; k++) {
                    trace2 += a[i][k] * a[k][i];
                }
            }
            double sumRe = 0;
            double sumIm = 0;
            double sq = 0;
            double detRe = 1;
            double detIm = 0;
            for (double[] e : eig) {
                sumRe += e[0];
                sumIm += e[1];
                sq += e[0] * e[0] - e[1] * e[1];
                double re = detRe * e[0] - detIm * e[1];
                detIm = detRe * e[1] + detIm * e[0];
                detRe = re;
            }
            assertEquals(trace, sumRe, 1e-9);
            assertEquals(0.0, sumIm, 1e-9);
            assertEquals(trace2, sq, 1e-8);
            assertEquals(determinant(a), detRe, 1e-8);
            assertEquals(0.0, detIm, 1e-8);
        }
    }

    private static double determinant(double[][] m) {
        int n = m.length;
        double[][] a = CausalGraph.copy(m);
        double det = 1;
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[pivot][k])) {
                    pivot = i;
                }
            }
            if (pivot != k) {
                double[] t = a[k];
                a[k] = a[pivot];
                a[pivot] = t;
                det = -det;
            }
            det *= a[k][k];
            for (int i = k + 1; i < n; i++) {
                double f = a[i][k] / a[k][k];
                for (int j = k; j < n; j++) {
                    a[i][j] -= f * a[k][j];
                }
            }
        }
        return det;
    }
}
