package io.moiety.causal;

import io.moiety.props.Standardization;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gaussian mixture with full covariance matrices fitted by expectation–maximisation, initialised
 * by k-means (k-means++ seeding, then Lloyd iterations), deterministic for a given seed. Each
 * covariance gets {@link #REGULARISATION} added to its diagonal, as scikit-learn's
 * {@code reg_covar}, so a component on a few collinear points stays invertible.
 */
public final class GaussianMixture {
    /** Added to every covariance diagonal, in squared data units. */
    public static final double REGULARISATION = 1e-6;
    /** Default EM iteration cap. */
    public static final int MAX_ITER = 100;
    /** Default convergence threshold on the change of the mean log-likelihood per sample. */
    public static final double TOL = 1e-3;

    private GaussianMixture() {}

    /**
     * A fitted mixture.
     *
     * @param weights       mixing weights, summing to 1
     * @param means         component means, {@code [k][d]}
     * @param covariances   component covariances, {@code [k][d][d]}
     * @param labels        the most responsible component of each training row
     * @param logLikelihood total log-likelihood of the training rows (natural log, summed)
     */
    public record Fit(double[] weights, double[][] means, double[][][] covariances, int[] labels, double logLikelihood) {

        /** Number of components. */
        public int components() {
            return weights.length;
        }

        /** The most responsible component for {@code row}. */
        public int label(double[] row) {
            double[] logp = componentLogDensities(row, factors());
            int best = 0;
            for (int c = 1; c < logp.length; c++) {
                if (logp[c] > logp[best]) {
                    best = c;
                }
            }
            return best;
        }

        /** Log of the mixture density at {@code row}. */
        public double logDensity(double[] row) {
            return logSumExp(componentLogDensities(row, factors()));
        }

        private double[][][] factors() {
            double[][][] l = new double[weights.length][][];
            for (int c = 0; c < weights.length; c++) {
                l[c] = DenseAlgebra.cholesky(covariances[c]);
            }
            return l;
        }

        /** {@code log w_c + log N(row | μ_c, Σ_c)} for each component. */
        double[] componentLogDensities(double[] row, double[][][] chol) {
            int k = weights.length;
            int d = row.length;
            double[] out = new double[k];
            double[] diff = new double[d];
            for (int c = 0; c < k; c++) {
                for (int a = 0; a < d; a++) {
                    diff[a] = row[a] - means[c][a];
                }
                double[] z = DenseAlgebra.forward(chol[c], diff);
                double q = 0;
                for (double v : z) {
                    q += v * v;
                }
                out[c] = Math.log(weights[c]) - 0.5 * (d * Math.log(2 * Math.PI) + DenseAlgebra.logDet(chol[c]) + q);
            }
            return out;
        }
    }

    /** Fits {@code k} components to {@code x} (rows = samples) with the default iteration limits. */
    public static Fit fit(double[][] x, int k, long seed) {
        return fit(x, k, seed, MAX_ITER, TOL);
    }

    /**
     * Fits {@code k} components to {@code x}, stopping after {@code maxIter} EM iterations or
     * when the mean log-likelihood per sample changes by less than {@code tol}.
     */
    public static Fit fit(double[][] x, int k, long seed, int maxIter, double tol) {
        int d = Standardization.checkMatrix(x);
        int n = x.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException(k + " components for " + n + " rows");
        }
        int[] init = kMeans(x, k, new SplittableRandom(seed));
        double[][] resp = new double[n][k];
        for (int r = 0; r < n; r++) {
            resp[r][init[r]] = 1;
        }
        Fit fit = mStep(x, resp, k, d);
        double previous = Double.NEGATIVE_INFINITY;
        double total = 0;
        for (int iter = 0; iter < maxIter; iter++) {
            total = eStep(x, fit, resp);
            fit = mStep(x, resp, k, d);
            double mean = total / n;
            if (Math.abs(mean - previous) < tol) {
                break;
            }
            previous = mean;
        }
        total = eStep(x, fit, resp);
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (resp[r][c] > resp[r][best]) {
                    best = c;
                }
            }
            labels[r] = best;
        }
        return new Fit(fit.weights(), fit.means(), fit.covariances(), labels, total);
    }

    /** Fills {@code resp} with the posterior responsibilities and returns the total log-likelihood. */
    private static double eStep(double[][] x, Fit fit, double[][] resp) {
        double[][][] chol = new double[fit.components()][][];
        for (int c = 0; c < chol.length; c++) {
            chol[c] = DenseAlgebra.cholesky(fit.covariances()[c]);
            if (chol[c] == null) {
                throw new ArithmeticException("covariance of component " + c + " is not positive definite");
            }
        }
        double total = 0;
        for (int r = 0; r < x.length; r++) {
            double[] logp = fit.componentLogDensities(x[r], chol);
            double lse = logSumExp(logp);
            total += lse;
            for (int c = 0; c < logp.length; c++) {
                resp[r][c] = Math.exp(logp[c] - lse);
            }
        }
        return total;
    }

    private static Fit mStep(double[][] x, double[][] resp, int k, int d) {
        int n = x.length;
        double[] weights = new double[k];
        double[][] means = new double[k][d];
        double[][][] cov = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            double nk = 0;
            for (int r = 0; r < n; r++) {
                nk += resp[r][c];
                for (int a = 0; a < d; a++) {
                    means[c][a] += resp[r][c] * x[r][a];
                }
            }
            nk = Math.max(nk, 10 * Double.MIN_NORMAL);
            for (int a = 0; a < d; a++) {
                means[c][a] /= nk;
            }
            for (int r = 0; r < n; r++) {
                double w = resp[r][c];
                if (w == 0) {
                    continue;
                }
                for (int a = 0; a < d; a++) {
                    double da = x[r][a] - means[c][a];
                    for (int b = 0; b <= a; b++) {
                        cov[c][a][b] += w * da * (x[r][b] - means[c][b]);
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[c][a][b] /= nk;
                    cov[c][b][a] = cov[c][a][b];
                }
                cov[c][a][a] += REGULARISATION;
            }
            weights[c] = nk / n;
        }
        return new Fit(weights, means, cov, new int[0], Double.NaN);
    }

    /** Hard k-means assignment: k-means++ seeding then Lloyd iterations until stable (≤ 100). */
    static int[] kMeans(double[][] x, int k, SplittableRandom random) {
        int n = x.length;
        double[][] centres = new double[k][];
        centres[0] = x[random.nextInt(n)].clone();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                dist[r] = Math.min(dist[r], squaredDistance(x[r], centres[c - 1]));
                sum += dist[r];
            }
            double pick = random.nextDouble() * sum;
            int chosen = n - 1;
            for (int r = 0; r < n; r++) {
                pick -= dist[r];
                if (pick < 0) {
                    chosen = r;
                    break;
                }
            }
            centres[c] = x[chosen].clone();
        }
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        for (int iter = 0; iter < 100; iter++) {
            boolean changed = false;
            for (int r = 0; r < n; r++) {
                int best = 0;
                double bestD = squaredDistance(x[r], centres[0]);
                for (int c = 1; c < k; c++) {
                    double dc = squaredDistance(x[r], centres[c]);
                    if (dc < bestD) {
                        bestD = dc;
                        best = c;
                    }
                }
                if (labels[r] != best) {
                    labels[r] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            int d = x[0].length;
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int r = 0; r < n; r++) {
                counts[labels[r]]++;
                for (int a = 0; a < d; a++) {
                    sums[labels[r]][a] += x[r][a];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    continue;
                }
                for (int a = 0; a < d; a++) {
                    centres[c][a] = sums[c][a] / counts[c];
                }
            }
        }
        return labels;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            max = Math.max(max, d);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (double d : v) {
            s += Math.exp(d - max);
        }
        return max + Math.log(s);
    }
}
