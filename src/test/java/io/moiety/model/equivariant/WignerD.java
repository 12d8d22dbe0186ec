package io.moiety.model.equivariant;

/**
 * Real Wigner D matrices {@code D_l(R)} for the real harmonics of {@link SphericalHarmonics},
 * defined by {@code Y_l(R x) = D_l(R) Y_l(x)}. Obtained by a least-squares fit over fixed sample
 * directions (exact up to rounding, because {@code Y_l} of {@code 2l+1} generic directions span
 * the space); {@code l = 1} also has the closed form {@code P R Pᵀ} with {@code P} mapping
 * {@code (x, y, z) → (y, z, x)}. Used to test equivariance.
 */
public final class WignerD {
    private WignerD() {}

    /** {@code D_l(R)} for a 3×3 rotation (or any orthogonal) matrix {@code R}, row-major {@code [3][3]}. */
    public static double[][] of(int l, double[][] rot) {
        int n = 2 * l + 1;
        int samples = 24;
        double[][] ata = new double[n][n];
        double[][] bta = new double[n][n];
        for (int s = 0; s < samples; s++) {
            // deterministic, well-spread directions (golden-angle spiral)
            double z = 1 - (2.0 * s + 1) / samples;
            double rho = Math.sqrt(1 - z * z);
            double phi = s * Math.PI * (3 - Math.sqrt(5));
            double[] v = {rho * Math.cos(phi), rho * Math.sin(phi), z};
            double[] rv = apply(rot, v);
            double[] a = SphericalHarmonics.of(l, v[0], v[1], v[2]);
            double[] b = SphericalHarmonics.of(l, rv[0], rv[1], rv[2]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ata[i][j] += a[i] * a[j];
                    bta[i][j] += b[i] * a[j];
                }
            }
        }
        // D = (B Aᵀ)(A Aᵀ)⁻¹ ; solve D · ata = bta row by row
        double[][] inv = invert(ata);
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += bta[i][k] * inv[k][j];
                }
                d[i][j] = s;
            }
        }
        return d;
    }

    /** Closed form for {@code l = 1}: {@code D_1 = P R Pᵀ} in the {@code (y, z, x)} order. */
    public static double[][] ofL1(double[][] rot) {
        int[] p = {1, 2, 0};
        double[][] d = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                d[i][j] = rot[p[i]][p[j]];
            }
        }
        return d;
    }

    /** Matrix–vector product. */
    public static double[] apply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += m[i][j] * v[j];
            }
        }
        return out;
    }

    /** Rotation by {@code angle} (radians) about the unit-normalised {@code axis} (Rodrigues). */
    public static double[][] rotation(double[] axis, double angle) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        double x = axis[0] / n;
        double y = axis[1] / n;
        double z = axis[2] / n;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        return new double[][] {
            {t * x * x + c, t * x * y - s * z, t * x * z + s * y},
            {t * x * y + s * z, t * y * y + c, t * y * z - s * x},
            {t * x * z - s * y, t * y * z + s * x, t * z * z + c}};
    }

    private static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            double d = a[col][col];
            for (int k = 0; k < 2 * n; k++) {
                a[col][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
