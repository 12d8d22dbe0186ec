package io.moiety.model.equivariant;

/**
 * Real-basis coupling tensors {@code C[m1][m2][m3]} for {@code l1 ⊗ l2 → l3}, built from the
 * complex Clebsch–Gordan coefficients ({@link ClebschGordan}, Racah's formula) and the complex→real
 * change of basis ({@link RealBasis}):
 * {@code C = Σ U3[m3,μ3] <l1 μ1; l2 μ2 | l3 μ3> conj(U1[m1,μ1]) conj(U2[m2,μ2])}.
 * That tensor is either purely real or purely imaginary; the non-zero part is kept, normalised
 * to unit Frobenius norm (e3nn's {@code wigner_3j} convention) with the sign chosen so that its
 * first non-zero entry (in {@code m1, m2, m3} order) is positive. Then for real irreps
 * {@code x ∈ l1}, {@code y ∈ l2}: {@code z[m3] = Σ C[m1][m2][m3] x[m1] y[m2]} transforms as
 * {@code l3}: {@code z(D1 x, D2 y) = D3 z(x, y)}.
 */
public final class Wigner3j {
    private Wigner3j() {}

    /** The normalised real coupling tensor; throws if {@code l3} is outside the triangle. */
    public static double[][][] of(int l1, int l2, int l3) {
        if (!ClebschGordan.triangle(l1, l2, l3)) {
            throw new IllegalArgumentException("no coupling " + l1 + " ⊗ " + l2 + " → " + l3);
        }
        RealBasis u1 = RealBasis.of(l1);
        RealBasis u2 = RealBasis.of(l2);
        RealBasis u3 = RealBasis.of(l3);
        int n1 = 2 * l1 + 1;
        int n2 = 2 * l2 + 1;
        int n3 = 2 * l3 + 1;
        double[][][] re = new double[n1][n2][n3];
        double[][][] im = new double[n1][n2][n3];
        double normRe = 0;
        double normIm = 0;
        for (int a = 0; a < n1; a++) {
            for (int b = 0; b < n2; b++) {
                for (int c = 0; c < n3; c++) {
                    double sr = 0;
                    double si = 0;
                    for (int p = 0; p < n1; p++) {
                        for (int q = 0; q < n2; q++) {
                            int m3 = (p - l1) + (q - l2);
                            if (Math.abs(m3) > l3) {
                                continue;
                            }
                            int r = m3 + l3;
                            double cg = ClebschGordan.coefficient(l1, p - l1, l2, q - l2, l3, m3);
                            if (cg == 0) {
                                continue;
                            }
                            // conj(u1) * conj(u2) * u3, complex product
                            double xr = u1.re()[a][p];
                            double xi = -u1.im()[a][p];
                            double yr = u2.re()[b][q];
                            double yi = -u2.im()[b][q];
                            double pr = xr * yr - xi * yi;
                            double pi = xr * yi + xi * yr;
                            double zr = u3.re()[c][r];
                            double zi = u3.im()[c][r];
                            sr += cg * (pr * zr - pi * zi);
                            si += cg * (pr * zi + pi * zr);
                        }
                    }
                    re[a][b][c] = sr;
                    im[a][b][c] = si;
                    normRe += sr * sr;
                    normIm += si * si;
                }
            }
        }
        double[][][] t = normRe >= normIm ? re : im;
        double norm = Math.sqrt(Math.max(normRe, normIm));
        if (Math.min(normRe, normIm) > 1e-20 * norm * norm) {
            throw new IllegalStateException("real coupling tensor is neither real nor imaginary");
        }
        double sign = 0;
        for (int a = 0; a < n1 && sign == 0; a++) {
            for (int b = 0; b < n2 && sign == 0; b++) {
                for (int c = 0; c < n3 && sign == 0; c++) {
                    if (Math.abs(t[a][b][c]) > 1e-12 * norm) {
                        sign = Math.signum(t[a][b][c]);
                    }
                }
            }
        }
        double f = sign / norm;
        for (int a = 0; a < n1; a++) {
            for (int b = 0; b < n2; b++) {
                for (int c = 0; c < n3; c++) {
                    double v = t[a][b][c] * f;
                    t[a][b][c] = Math.abs(v) < 1e-15 ? 0 : v;
                }
            }
        }
        return t;
    }

    /** Contracts {@code z[m3] = Σ C[m1][m2][m3] x[m1] y[m2]}. */
    public static double[] couple(double[][][] c, double[] x, double[] y) {
        double[] z = new double[c[0][0].length];
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < y.length; b++) {
                for (int k = 0; k < z.length; k++) {
                    z[k] += c[a][b][k] * x[a] * y[b];
                }
            }
        }
        return z;
    }
}
