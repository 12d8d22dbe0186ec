package io.moiety.causal;

import io.moiety.props.Standardization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * DirectLiNGAM (Shimizu et al., "DirectLiNGAM: a direct method for learning a linear
 * non-Gaussian structural equation model", JMLR 12, 2011) with the pairwise likelihood-ratio
 * ordering measure of Hyvärinen and Smith ("Pairwise likelihood ratios for estimation of
 * non-Gaussian structural equation models", JMLR 14, 2013), sink prior knowledge, and edge
 * weights by {@link AdaptiveLasso}.
 *
 * <p>The causal order is found one variable at a time: among the remaining variables, the most
 * exogenous one is the {@code i} minimising {@code M(i) = Σ_j min(0, R(i, j))²}, where
 * {@code R(i, j) = H(x_j) + H(r_{i|j}) − H(x_i) − H(r_{j|i})} is the log-likelihood ratio of
 * {@code x_i → x_j} against {@code x_j → x_i} for standardised {@code x_i, x_j} and the
 * standardised residuals {@code r_{i|j}} of {@code x_i} regressed on {@code x_j}, and {@code H}
 * is Hyvärinen's maximum-entropy approximation of differential entropy,
 * {@code H(u) ≈ (1 + log 2π)/2 − k₁(E log cosh u − γ)² − k₂(E u e^{−u²/2})²}
 * ({@code k₁ = 79.047, k₂ = 7.4129, γ = 0.37457}). The chosen variable is then regressed out of
 * the others and the search repeats on the residuals. Regressions use the ordinary
 * least-squares slope {@code cov(x_i, x_j)/var(x_j)}.
 *
 * <p>Prior knowledge: each variable in {@code sinks} causes nothing. Sinks are only eligible once
 * every other variable is ordered (so they come last, ordered among themselves by the same
 * measure) and are never used as predictors, so their columns of B are zero.
 *
 * <p>The measure is scale-free (each variable is standardised inside), so the order does not
 * depend on the units; B is in the units of {@code x}.
 */
public final class DirectLingam {
    private static final double K1 = 79.047;
    private static final double K2 = 7.4129;
    private static final double GAMMA = 0.37457;
    private static final double GAUSSIAN_ENTROPY = (1 + Math.log(2 * Math.PI)) / 2;

    private final Set<Integer> sinks;
    private final AdaptiveLasso lasso;

    /** DirectLiNGAM without prior knowledge. */
    public DirectLingam() {
        this(Set.of());
    }

    /** DirectLiNGAM in which the variables with these column indices cause nothing. */
    public DirectLingam(Set<Integer> sinks) {
        this(sinks, new AdaptiveLasso());
    }

    /** DirectLiNGAM with sinks and a chosen adaptive lasso for the edge weights. */
    public DirectLingam(Set<Integer> sinks, AdaptiveLasso lasso) {
        this.sinks = Set.copyOf(sinks);
        this.lasso = lasso;
    }

    /**
     * Fits the graph to {@code x} ({@code n × p}, rows = samples) whose columns are called
     * {@code names}. Needs more rows than columns, finite values and no constant column.
     */
    public CausalGraph fit(double[][] x, List<String> names) {
        int p = check(x, names);
        int[] order = searchOrder(x, p);
        double[][] b = new double[p][p];
        for (int k = 1; k < p; k++) {
            int target = order[k];
            List<Integer> preds = new ArrayList<>();
            for (int l = 0; l < k; l++) {
                if (!sinks.contains(order[l])) {
                    preds.add(order[l]);
                }
            }
            int[] predictors = preds.stream().mapToInt(Integer::intValue).toArray();
            double[] coef = lasso.fit(x, predictors, target);
            for (int s = 0; s < predictors.length; s++) {
                b[target][predictors[s]] = coef[s];
            }
        }
        return new CausalGraph(names, b, order);
    }

    /** The causal order alone (causes first), by the pairwise likelihood-ratio measure. */
    public int[] causalOrder(double[][] x) {
        return searchOrder(x, check(x, null));
    }

    private int[] searchOrder(double[][] x, int p) {
        int n = x.length;
        double[][] cols = new double[p][];
        for (int j = 0; j < p; j++) {
            cols[j] = DenseAlgebra.column(x, j);
        }
        List<Integer> remaining = new ArrayList<>(IntStream.range(0, p).boxed().toList());
        int[] order = new int[p];
        double[][] std = new double[p][n];
        double[] entropy = new double[p];
        for (int k = 0; k < p; k++) {
            List<Integer> candidates = new ArrayList<>();
            for (int j : remaining) {
                if (!sinks.contains(j)) {
                    candidates.add(j);
                }
            }
            if (candidates.isEmpty()) {
                candidates = remaining;
            }
            int chosen;
            if (candidates.size() == 1) {
                chosen = candidates.get(0);
            } else {
                for (int j : remaining) {
                    standardise(cols[j], std[j]);
                    entropy[j] = entropy(std[j]);
                }
                double[][] ratio = new double[p][p];
                boolean[][] done = new boolean[p][p];
                double[] ri = new double[n];
                double[] rj = new double[n];
                chosen = -1;
                double best = Double.POSITIVE_INFINITY;
                for (int i : candidates) {
                    double m = 0;
                    for (int j : remaining) {
                        if (j == i) {
                            continue;
                        }
                        if (!done[i][j]) {
                            ratio[i][j] = likelihoodRatio(std[i], std[j], entropy[i], entropy[j], ri, rj);
                            ratio[j][i] = -ratio[i][j];
                            done[i][j] = true;
                            done[j][i] = true;
                        }
                        double r = Math.min(0, ratio[i][j]);
                        m += r * r;
                    }
                    if (m < best) {
                        best = m;
                        chosen = i;
                    }
                }
            }
            order[k] = chosen;
            remaining.remove(Integer.valueOf(chosen));
            for (int j : remaining) {
                regressOut(cols[j], cols[chosen]);
            }
        }
        return order;
    }

    /**
     * {@code R(i, j)}: positive when {@code x_i → x_j} is the likelier direction. Inputs are
     * standardised; {@code ri, rj} are scratch arrays.
     */
    static double likelihoodRatio(double[] xi, double[] xj, double hi, double hj, double[] ri, double[] rj) {
        int n = xi.length;
        double rho = 0;
        for (int r = 0; r < n; r++) {
            rho += xi[r] * xj[r];
        }
        rho /= n;
        double s = Math.sqrt(Math.max(1 - rho * rho, 1e-300));
        for (int r = 0; r < n; r++) {
            ri[r] = (xi[r] - rho * xj[r]) / s;
            rj[r] = (xj[r] - rho * xi[r]) / s;
        }
        return hj + entropy(ri) - hi - entropy(rj);
    }

    /** Maximum-entropy approximation of the differential entropy of a standardised sample. */
    static double entropy(double[] u) {
        double logCosh = 0;
        double gauss = 0;
        for (double v : u) {
            double a = Math.abs(v);
            logCosh += a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
            gauss += v * Math.exp(-v * v / 2);
        }
        logCosh /= u.length;
        gauss /= u.length;
        return GAUSSIAN_ENTROPY - K1 * (logCosh - GAMMA) * (logCosh - GAMMA) - K2 * gauss * gauss;
    }

    private static void standardise(double[] x, double[] out) {
        int n = x.length;
        double mean = DenseAlgebra.mean(x);
        double sd = DenseAlgebra.sd(x);
        double inv = sd > 0 ? 1 / sd : 0;
        for (int r = 0; r < n; r++) {
            out[r] = (x[r] - mean) * inv;
        }
    }

    /** {@code x ← x − (cov(x, z)/var(z)) z}, in place. */
    private static void regressOut(double[] x, double[] z) {
        double mx = DenseAlgebra.mean(x);
        double mz = DenseAlgebra.mean(z);
        double cov = 0;
        double var = 0;
        for (int r = 0; r < x.length; r++) {
            cov += (x[r] - mx) * (z[r] - mz);
            var += (z[r] - mz) * (z[r] - mz);
        }
        double slope = var > 0 ? cov / var : 0;
        for (int r = 0; r < x.length; r++) {
            x[r] -= slope * z[r];
        }
    }

    private int check(double[][] x, List<String> names) {
        int p = Standardization.checkMatrix(x);
        if (names != null && names.size() != p) {
            throw new IllegalArgumentException(names.size() + " names for " + p + " columns");
        }
        if (x.length <= p) {
            throw new IllegalArgumentException(x.length + " rows for " + p + " variables: DirectLiNGAM needs more rows than variables");
        }
        for (int s : sinks) {
            if (s < 0 || s >= p) {
                throw new IllegalArgumentException("sink " + s + " is not a column index (0.." + (p - 1) + ")");
            }
        }
        Standardization.fit(x, 0, names);
        return p;
    }
}
