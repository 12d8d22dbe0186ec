package io.moiety.causal;

/**
 * Eigenvalues of a general real square matrix, as {@code [re, im]} pairs (unsorted): Householder
 * reduction to upper Hessenberg form, then Francis double-shift QR iterations with deflation
 * (Golub and Van Loan, "Matrix Computations", §7.4–7.5). Only eigenvalues are computed, so each
 * QR sweep is applied to the still-unreduced diagonal block alone.
 */
final class Eigenvalues {
    private static final double EPS = Math.ulp(1.0);

    private Eigenvalues() {}

    static double[][] of(double[][] a) {
        int n = a.length;
        double[][] h = CausalGraph.copy(a);
        hessenberg(h);
        double[][] eig = new double[n][];
        int hi = n - 1;
        int iter = 0;
        int total = 0;
        while (hi >= 0) {
            int l = hi;
            while (l > 0) {
                double scale = Math.abs(h[l - 1][l - 1]) + Math.abs(h[l][l]);
                if (scale == 0) {
                    scale = norm(h);
                }
                if (Math.abs(h[l][l - 1]) <= EPS * scale) {
                    h[l][l - 1] = 0;
                    break;
                }
                l--;
            }
            if (l == hi) {
                eig[hi] = new double[] {h[hi][hi], 0};
                hi--;
                iter = 0;
            } else if (l == hi - 1) {
                double[][] pair = twoByTwo(h[hi - 1][hi - 1], h[hi - 1][hi], h[hi][hi - 1], h[hi][hi]);
                eig[hi - 1] = pair[0];
                eig[hi] = pair[1];
                hi -= 2;
                iter = 0;
            } else {
                if (++total > 60 * n) {
                    throw new ArithmeticException("QR iterations did not converge");
                }
                iter++;
                double s;
                double t;
                if (iter % 10 == 0) {
                    double w = Math.abs(h[hi][hi - 1]) + Math.abs(h[hi - 1][hi - 2]);
                    s = 1.5 * w;
                    t = w * w;
                } else {
                    s = h[hi - 1][hi - 1] + h[hi][hi];
                    t = h[hi - 1][hi - 1] * h[hi][hi] - h[hi - 1][hi] * h[hi][hi - 1];
                }
                francisStep(h, l, hi, s, t);
            }
        }
        return eig;
    }

    /** Reduces {@code h} in place to upper Hessenberg form by Householder similarity transforms. */
    static void hessenberg(double[][] h) {
        int n = h.length;
        for (int k = 0; k < n - 2; k++) {
            double alpha = 0;
            for (int i = k + 1; i < n; i++) {
                alpha += h[i][k] * h[i][k];
            }
            alpha = Math.sqrt(alpha);
            if (alpha == 0) {
                continue;
            }
            double[] v = new double[n];
            for (int i = k + 1; i < n; i++) {
                v[i] = h[i][k];
            }
            v[k + 1] += h[k + 1][k] >= 0 ? alpha : -alpha;
            double vv = 0;
            for (int i = k + 1; i < n; i++) {
                vv += v[i] * v[i];
            }
            double beta = 2 / vv;
            for (int j = 0; j < n; j++) {
                double w = 0;
                for (int i = k + 1; i < n; i++) {
                    w += v[i] * h[i][j];
                }
                w *= beta;
                for (int i = k + 1; i < n; i++) {
                    h[i][j] -= w * v[i];
                }
            }
            for (int i = 0; i < n; i++) {
                double w = 0;
                for (int j = k + 1; j < n; j++) {
                    w += h[i][j] * v[j];
                }
                w *= beta;
                for (int j = k + 1; j < n; j++) {
                    h[i][j] -= w * v[j];
                }
            }
            for (int i = k + 2; i < n; i++) {
                h[i][k] = 0;
            }
        }
    }

    /**
     * One implicit double-shift QR sweep on the Hessenberg block {@code h[l..hi][l..hi]} with
     * shifts the roots of {@code λ² − s λ + t}.
     */
    private static void francisStep(double[][] h, int l, int hi, double s, double t) {
        double x = h[l][l] * h[l][l] + h[l][l + 1] * h[l + 1][l] - s * h[l][l] + t;
        double y = h[l + 1][l] * (h[l][l] + h[l + 1][l + 1] - s);
        double z = h[l + 1][l] * h[l + 2][l + 1];
        for (int k = l; k <= hi - 2; k++) {
            reflect(h, l, hi, k, new double[] {x, y, z}, Math.max(l, k - 1));
            x = h[k + 1][k];
            y = h[k + 2][k];
            if (k < hi - 2) {
                z = h[k + 3][k];
            }
        }
        reflect(h, l, hi, hi - 1, new double[] {x, y}, hi - 2);
    }

    /**
     * Applies the Householder reflection that maps {@code u} onto the first axis to rows and
     * columns {@code k .. k + u.length − 1} of the block {@code [l..hi]}, from both sides.
     */
    private static void reflect(double[][] h, int l, int hi, int k, double[] u, int firstColumn) {
        int m = u.length;
        double norm = 0;
        for (double d : u) {
            norm += d * d;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return;
        }
        double[] v = u.clone();
        v[0] += u[0] >= 0 ? norm : -norm;
        double vv = 0;
        for (double d : v) {
            vv += d * d;
        }
        double beta = 2 / vv;
        for (int j = firstColumn; j <= hi; j++) {
            double w = 0;
            for (int i = 0; i < m; i++) {
                w += v[i] * h[k + i][j];
            }
            w *= beta;
            for (int i = 0; i < m; i++) {
                h[k + i][j] -= w * v[i];
            }
        }
        int lastRow = Math.min(k + m, hi);
        for (int i = l; i <= lastRow; i++) {
            double w = 0;
            for (int j = 0; j < m; j++) {
                w += h[i][k + j] * v[j];
            }
            w *= beta;
            for (int j = 0; j < m; j++) {
                h[i][k + j] -= w * v[j];
            }
        }
    }

    /** Eigenvalues of {@code [[a, b], [c, d]]}. */
    private static double[][] twoByTwo(double a, double b, double c, double d) {
        double mean = (a + d) / 2;
        double p = (a - d) / 2;
        double disc = p * p + b * c;
        if (disc >= 0) {
            double root = Math.sqrt(disc);
            double big = mean + (mean >= 0 ? root : -root);
            double det = a * d - b * c;
            double small = big != 0 ? det / big : mean - root;
            return new double[][] {{big, 0}, {small, 0}};
        }
        double im = Math.sqrt(-disc);
        return new double[][] {{mean, im}, {mean, -im}};
    }

    private static double norm(double[][] h) {
        double s = 0;
        for (double[] row : h) {
            for (double v : row) {
                s += Math.abs(v);
            }
        }
        return s == 0 ? 1 : s;
    }
}
