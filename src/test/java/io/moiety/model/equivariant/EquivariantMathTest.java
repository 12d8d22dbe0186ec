package io.moiety.model.equivariant;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EquivariantMathTest {
    private static final double TOL = 1e-10;

    private static double[][] randomRotation(Random rnd) {
        double[] axis = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        return WignerD.rotation(axis, rnd.nextDouble() * 2 * Math.PI);
    }

    private static double[] randomVector(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** Complex harmonics in component normalisation with Condon–Shortley phase, written out for l ≤ 2: {re, im}. */
    private static double[][] complexHarmonics(int l, double x, double y, double z) {
        double r = Math.sqrt(x * x + y * y + z * z);
        x /= r;
        y /= r;
        z /= r;
        double[] re = new double[2 * l + 1];
        double[] im = new double[2 * l + 1];
        switch (l) {
            case 0 -> re[0] = 1;
            case 1 -> {
                double c = Math.sqrt(1.5);
                re[1] = Math.sqrt(3) * z;
                re[2] = -c * x; im[2] = -c * y;      // m = +1: -(x + iy)
                re[0] = c * x; im[0] = -c * y;       // m = -1: +(x - iy)
            }
            default -> {
                re[2] = Math.sqrt(5) / 2 * (3 * z * z - 1);
                double c1 = Math.sqrt(7.5);
                re[3] = -c1 * z * x; im[3] = -c1 * z * y;
                re[1] = c1 * z * x; im[1] = -c1 * z * y;
                double c2 = Math.sqrt(15.0 / 8);
                re[4] = c2 * (x * x - y * y); im[4] = c2 * 2 * x * y;
                re[0] = c2 * (x * x - y * y); im[0] = -c2 * 2 * x * y;
            }
        }
        return new double[][] {re, im};
    }

    @Test
    void harmonicsHaveComponentNormalisationAndMatchTheComplexOnesThroughTheRealBasis() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            double[] v = randomVector(rnd, 3);
            for (int l = 0; l <= 2; l++) {
                double[] y = SphericalHarmonics.of(l, v[0], v[1], v[2]);
                double s = 0;
                for (double c : y) {
                    s += c * c;
                }
                assertEquals(2 * l + 1, s, TOL, "Σ Y² for l=" + l);
                double[][] yc = complexHarmonics(l, v[0], v[1], v[2]);
                RealBasis u = RealBasis.of(l);
                for (int a = 0; a < 2 * l + 1; a++) {
                    double re = 0;
                    double im = 0;
                    for (int m = 0; m < 2 * l + 1; m++) {
                        re += u.re()[a][m] * yc[0][m] - u.im()[a][m] * yc[1][m];
                        im += u.re()[a][m] * yc[1][m] + u.im()[a][m] * yc[0][m];
                    }
                    assertEquals(y[a], re, TOL, "U·Y_complex real part, l=" + l + " a=" + a);
                    assertEquals(0, im, TOL, "U·Y_complex imaginary part, l=" + l + " a=" + a);
                }
            }
        }
    }

    @Test
    void complexClebschGordanAreOrthonormalAndMatchATextbookValue() {
        assertEquals(1 / Math.sqrt(3), ClebschGordan.coefficient(1, 1, 1, -1, 0, 0), 1e-14);
        assertEquals(-1 / Math.sqrt(3), ClebschGordan.coefficient(1, 0, 1, 0, 0, 0), 1e-14);
        assertEquals(1 / Math.sqrt(2), ClebschGordan.coefficient(1, 1, 1, 0, 2, 1), 1e-14);
        for (int j1 = 0; j1 <= 2; j1++) {
            for (int j2 = 0; j2 <= 2; j2++) {
                for (int j = Math.abs(j1 - j2); j <= j1 + j2; j++) {
                    for (int jp = Math.abs(j1 - j2); jp <= j1 + j2; jp++) {
                        for (int m = -j; m <= j; m++) {
                            for (int mp = -jp; mp <= jp; mp++) {
                                double s = 0;
                                for (int m1 = -j1; m1 <= j1; m1++) {
                                    for (int m2 = -j2; m2 <= j2; m2++) {
                                        s += ClebschGordan.coefficient(j1, m1, j2, m2, j, m)
                                                * ClebschGordan.coefficient(j1, m1, j2, m2, jp, mp);
                                    }
                                }
                                assertEquals(j == jp && m == mp ? 1 : 0, s, TOL,
                                        "CG orthonormality " + j1 + "," + j2 + "→" + j + "/" + jp);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void realCouplingTensorsAreOrthonormal() {
        for (int l1 = 0; l1 <= 2; l1++) {
            for (int l2 = 0; l2 <= 2; l2++) {
                for (int l3 = Math.abs(l1 - l2); l3 <= Math.min(l1 + l2, 2); l3++) {
                    for (int l3p = Math.abs(l1 - l2); l3p <= Math.min(l1 + l2, 2); l3p++) {
                        double[][][] c = Wigner3j.of(l1, l2, l3);
                        double[][][] cp = Wigner3j.of(l1, l2, l3p);
                        for (int a = 0; a < 2 * l3 + 1; a++) {
                            for (int b = 0; b < 2 * l3p + 1; b++) {
                                double s = 0;
                                for (int i = 0; i < 2 * l1 + 1; i++) {
                                    for (int j = 0; j < 2 * l2 + 1; j++) {
                                        s += c[i][j][a] * cp[i][j][b];
                                    }
                                }
                                double want = l3 == l3p && a == b ? 1.0 / (2 * l3 + 1) : 0;
                                assertEquals(want, s, TOL, "3j orthonormality " + l1 + "⊗" + l2 + "→" + l3 + "/" + l3p);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void wignerDIsAnOrthogonalRepresentationThatRotatesHarmonics() {
        Random rnd = new Random(2);
        for (int trial = 0; trial < 5; trial++) {
            double[][] r1 = randomRotation(rnd);
            double[][] r2 = randomRotation(rnd);
            double[][] d1Closed = WignerD.ofL1(r1);
            double[][] d1Fit = WignerD.of(1, r1);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(d1Closed[i], d1Fit[i], TOL, "fitted D1 vs closed form");
            }
            for (int l = 0; l <= 2; l++) {
                double[][] d = WignerD.of(l, r1);
                double[][] dd = mul(d, WignerD.of(l, r2));
                double[][] d12 = WignerD.of(l, mul(r1, r2));
                for (int i = 0; i < 2 * l + 1; i++) {
                    assertArrayEquals(d12[i], dd[i], 1e-9, "D(R1 R2) = D(R1) D(R2)");
                    for (int j = 0; j < 2 * l + 1; j++) {
                        double s = 0;
                        for (int k = 0; k < 2 * l + 1; k++) {
                            s += d[k][i] * d[k][j];
                        }
                        assertEquals(i == j ? 1 : 0, s, 1e-9, "DᵀD = 1");
                    }
                }
                double[] v = randomVector(rnd, 3);
                double[] rv = WignerD.apply(r1, v);
                assertArrayEquals(WignerD.apply(d, SphericalHarmonics.of(l, v[0], v[1], v[2])),
                        SphericalHarmonics.of(l, rv[0], rv[1], rv[2]), 1e-9, "Y(Rx) = D Y(x), l=" + l);
            }
        }
    }

    @Test
    void couplingTwoEquivariantFeaturesGivesAnEquivariantOutputForEveryPath() {
        Random rnd = new Random(3);
        double[][] rot = randomRotation(rnd);
        for (int l1 = 0; l1 <= 2; l1++) {
            for (int l2 = 0; l2 <= 2; l2++) {
                for (int l3 = Math.abs(l1 - l2); l3 <= Math.min(l1 + l2, 2); l3++) {
                    double[][][] c = Wigner3j.of(l1, l2, l3);
                    // general irreps features, and features built from harmonics of vectors
                    double[] x = randomVector(rnd, 2 * l1 + 1);
                    double[] y = randomVector(rnd, 2 * l2 + 1);
                    double[] out = Wigner3j.couple(c, x, y);
                    double[] outRot = Wigner3j.couple(c, WignerD.apply(WignerD.of(l1, rot), x),
                            WignerD.apply(WignerD.of(l2, rot), y));
                    assertArrayEquals(WignerD.apply(WignerD.of(l3, rot), out), outRot, 1e-9,
                            "coupling " + l1 + "⊗" + l2 + "→" + l3);
                    double norm = 0;
                    for (double o : out) {
                        norm += o * o;
                    }
                    assertTrue(norm > 1e-6, "coupling " + l1 + "⊗" + l2 + "→" + l3 + " is not identically zero");
                }
            }
        }
    }

    @Test
    void packedLayoutsReproduceTheSumOverPaths() {
        Random rnd = new Random(4);
        CouplingPaths cp = CouplingPaths.of(2, 2, 2, false);
        assertEquals(11, cp.size(), "even-parity paths with l ≤ 2");
        int d = 9;
        double[] x = randomVector(rnd, d);
        double[] y = randomVector(rnd, d);
        // reference: per path, 3j coupling of the blocks, scaled
        double[][] ref = new double[cp.size()][d];
        for (int p = 0; p < cp.size(); p++) {
            int[] path = cp.paths().get(p);
            double[] xb = java.util.Arrays.copyOfRange(x, path[0] * path[0], (path[0] + 1) * (path[0] + 1));
            double[] yb = java.util.Arrays.copyOfRange(y, path[1] * path[1], (path[1] + 1) * (path[1] + 1));
            double[] o = Wigner3j.couple(Wigner3j.of(path[0], path[1], path[2]), xb, yb);
            double scale = Math.sqrt(2 * path[2] + 1) / Math.sqrt(cp.pathsInto(path[2]));
            for (int k = 0; k < o.length; k++) {
                ref[p][path[2] * path[2] + k] = scale * o[k];
            }
        }
        double[] g = cp.edgeMatrix();
        double[] n = cp.nodeMatrix();
        int cols = cp.size() * d * d;
        for (int p = 0; p < cp.size(); p++) {
            for (int o = 0; o < d; o++) {
                double se = 0;
                double sn = 0;
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        se += y[b] * g[b * cols + (p * d + o) * d + a] * x[a];
                        sn += n[(p * d + o) * d * d + a * d + b] * x[a] * y[b];
                    }
                }
                assertEquals(ref[p][o], se, TOL, "edge layout path " + p + " component " + o);
                assertEquals(ref[p][o], sn, TOL, "node layout path " + p + " component " + o);
            }
        }
        assertEquals(8, CouplingPaths.of(2, 2, 2, true).size(), "symmetric paths l1 ≤ l2");
    }
}
