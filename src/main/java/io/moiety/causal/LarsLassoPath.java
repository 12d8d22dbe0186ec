package io.moiety.causal;

import java.util.ArrayList;
import java.util.List;

/**
 * The lasso regularisation path by least-angle regression with the lasso modification (Efron,
 * Hastie, Johnstone and Tibshirani, "Least angle regression", Ann. Statist. 32, 2004): the
 * piecewise-linear path of {@code argmin ½|y − Zβ|² + λ|β|₁} from {@code λ_max} (β = 0) down to
 * the least-squares fit on the variables that entered, returned at its knots. Works on the Gram
 * matrix {@code ZᵀZ} and {@code Zᵀy} of centred data, so the cost after forming them does not
 * depend on the number of samples.
 *
 * @param knots    β at each knot, first the all-zero vector
 * @param lambdas  λ at each knot (the common absolute correlation {@code |Zᵀ(y − Zβ)|} of the
 *                 active variables; 0 at the least-squares end)
 * @param rss      residual sum of squares {@code |y − Zβ|²} at each knot
 */
public record LarsLassoPath(List<double[]> knots, double[] lambdas, double[] rss) {

    /**
     * The path for {@code y} on the columns of {@code z}; both must already be centred (mean
     * zero), since the path has no intercept.
     */
    public static LarsLassoPath of(double[][] z, double[] y) {
        int n = z.length;
        int p = n == 0 ? 0 : z[0].length;
        double[][] gram = new double[p][p];
        double[] zy = new double[p];
        double yy = 0;
        for (int r = 0; r < n; r++) {
            double[] row = z[r];
            yy += y[r] * y[r];
            for (int j = 0; j < p; j++) {
                zy[j] += row[j] * y[r];
                for (int k = 0; k <= j; k++) {
                    gram[j][k] += row[j] * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                gram[k][j] = gram[j][k];
            }
        }
        return fromGram(gram, zy, yy);
    }

    /** The path from the Gram matrix {@code ZᵀZ}, {@code Zᵀy} and {@code yᵀy}. */
    static LarsLassoPath fromGram(double[][] gram, double[] zy, double yy) {
        int p = zy.length;
        double scale = 0;
        for (int j = 0; j < p; j++) {
            scale = Math.max(scale, gram[j][j]);
        }
        double eps = 1e-12;
        boolean[] eligible = new boolean[p];
        for (int j = 0; j < p; j++) {
            eligible[j] = gram[j][j] > 1e-10 * scale;
        }
        double[] beta = new double[p];
        boolean[] active = new boolean[p];
        List<Integer> activeList = new ArrayList<>();
        List<double[]> knots = new ArrayList<>();
        List<Double> lambdas = new ArrayList<>();
        double[] c = zy.clone();
        double cMax = maxAbs(c, eligible, null);
        knots.add(beta.clone());
        lambdas.add(cMax);
        if (!(cMax > eps * Math.sqrt(Math.max(yy, 0) * scale))) {
            return finish(knots, lambdas, gram, zy, yy);
        }
        int first = argMaxAbs(c, eligible, active);
        active[first] = true;
        activeList.add(first);
        for (int step = 0; step < 8 * p + 8 && !activeList.isEmpty(); step++) {
            int m = activeList.size();
            double[][] gA = new double[m][m];
            double[] s = new double[m];
            double bigC = 0;
            for (int a = 0; a < m; a++) {
                int ja = activeList.get(a);
                s[a] = Math.signum(c[ja]);
                bigC = Math.max(bigC, Math.abs(c[ja]));
                for (int b = 0; b < m; b++) {
                    gA[a][b] = gram[ja][activeList.get(b)];
                }
            }
            double[] w = DenseAlgebra.solveSymmetric(gA, s);
            double[] d = new double[p];
            for (int a = 0; a < m; a++) {
                d[activeList.get(a)] = w[a];
            }
            double gamma = bigC;
            int enter = -1;
            int leave = -1;
            double tol = eps * Math.max(bigC, 1e-300);
            for (int j = 0; j < p; j++) {
                if (active[j] || !eligible[j]) {
                    continue;
                }
                double aj = 0;
                for (int k = 0; k < p; k++) {
                    aj += gram[j][k] * d[k];
                }
                for (double g : new double[] {(bigC - c[j]) / (1 - aj), (bigC + c[j]) / (1 + aj)}) {
                    if (g > tol && g < gamma) {
                        gamma = g;
                        enter = j;
                    }
                }
            }
            for (int a = 0; a < m; a++) {
                int ja = activeList.get(a);
                if (d[ja] != 0) {
                    double g = -beta[ja] / d[ja];
                    if (g > tol && g < gamma) {
                        gamma = g;
                        leave = ja;
                        enter = -1;
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                beta[j] += gamma * d[j];
            }
            if (leave >= 0) {
                beta[leave] = 0;
                active[leave] = false;
                activeList.remove(Integer.valueOf(leave));
            }
            for (int j = 0; j < p; j++) {
                double gb = 0;
                for (int k = 0; k < p; k++) {
                    gb += gram[j][k] * beta[k];
                }
                c[j] = zy[j] - gb;
            }
            double lambda = Math.max(bigC - gamma, 0);
            knots.add(beta.clone());
            lambdas.add(lambda);
            if (enter >= 0) {
                active[enter] = true;
                activeList.add(enter);
            } else if (leave < 0) {
                break;
            }
        }
        return finish(knots, lambdas, gram, zy, yy);
    }

    private static LarsLassoPath finish(List<double[]> knots, List<Double> lambdaList, double[][] gram, double[] zy, double yy) {
        double[] lambdas = new double[lambdaList.size()];
        double[] rss = new double[knots.size()];
        for (int t = 0; t < knots.size(); t++) {
            lambdas[t] = lambdaList.get(t);
            double[] beta = knots.get(t);
            double r = yy;
            for (int j = 0; j < beta.length; j++) {
                r -= 2 * beta[j] * zy[j];
                for (int k = 0; k < beta.length; k++) {
                    r += beta[j] * gram[j][k] * beta[k];
                }
            }
            rss[t] = Math.max(r, 0);
        }
        return new LarsLassoPath(List.copyOf(knots), lambdas, rss);
    }

    private static double maxAbs(double[] c, boolean[] eligible, boolean[] skip) {
        double m = 0;
        for (int j = 0; j < c.length; j++) {
            if (eligible[j] && (skip == null || !skip[j])) {
                m = Math.max(m, Math.abs(c[j]));
            }
        }
        return m;
    }

    private static int argMaxAbs(double[] c, boolean[] eligible, boolean[] skip) {
        int best = -1;
        for (int j = 0; j < c.length; j++) {
            if (eligible[j] && !skip[j] && (best < 0 || Math.abs(c[j]) > Math.abs(c[best]))) {
                best = j;
            }
        }
        return best;
    }

    /** Number of knots. */
    public int size() {
        return knots.size();
    }

    /** Number of nonzero coefficients at knot {@code t}. */
    public int nonzero(int t) {
        int k = 0;
        for (double v : knots.get(t)) {
            if (v != 0) {
                k++;
            }
        }
        return k;
    }
}
