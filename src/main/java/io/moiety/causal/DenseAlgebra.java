package io.moiety.causal;

/**
 * Small dense linear algebra on {@code double[][]} for the sizes this package meets (tens of
 * variables): Cholesky factorisation and solves, column means and deviations.
 */
final class DenseAlgebra {
    private DenseAlgebra() {}

    /**
     * Lower-triangular Cholesky factor {@code L} with {@code L Lᵀ = a}, or {@code null} when
     * {@code a} is not numerically positive definite. Reads the lower triangle of {@code a} only.
     */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** Solves {@code L y = b} for lower-triangular {@code L}. */
    static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        return y;
    }

    /** Solves {@code L Lᵀ x = b} given the Cholesky factor {@code L}. */
    static double[] choleskySolve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = forward(l, b);
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** {@code log det(L Lᵀ)} from the Cholesky factor. */
    static double logDet(double[][] l) {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += Math.log(l[i][i]);
        }
        return 2 * s;
    }

    /**
     * Solves the symmetric positive semi-definite system {@code a x = b}. When {@code a} is
     * singular (collinear columns), a ridge of growing size (from {@code 1e-12} of the mean
     * diagonal) is added until the factorisation succeeds, which gives the minimum-norm-like
     * solution the tiny ridge selects.
     */
    static double[] solveSymmetric(double[][] a, double[] b) {
        int n = a.length;
        if (n == 0) {
            return new double[0];
        }
        double[][] l = cholesky(a);
        if (l != null) {
            return choleskySolve(l, b);
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += Math.abs(a[i][i]);
        }
        double ridge = 1e-12 * Math.max(trace / n, Double.MIN_NORMAL);
        for (int attempt = 0; attempt < 40; attempt++, ridge *= 10) {
            double[][] r = CausalGraph.copy(a);
            for (int i = 0; i < n; i++) {
                r[i][i] += ridge;
            }
            l = cholesky(r);
            if (l != null) {
                return choleskySolve(l, b);
            }
        }
        throw new ArithmeticException("matrix is not positive semi-definite");
    }

    /** Column {@code j} of a row-major matrix. */
    static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            c[r] = x[r][j];
        }
        return c;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    /** Population standard deviation (divisor n) of {@code v}. */
    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return Math.sqrt(s / v.length);
    }
}
