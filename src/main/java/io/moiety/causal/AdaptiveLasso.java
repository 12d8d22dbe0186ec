package io.moiety.causal;

import java.util.stream.IntStream;

/**
 * Adaptive lasso (Zou, "The adaptive lasso and its oracle properties", JASA 101, 2006) for the
 * edge weights of a causal graph: regress a target column on its candidate parents, with
 * per-variable penalty weights {@code 1/|β_OLS|^γ}, the penalty level chosen by BIC along the LARS
 * lasso path, then refit ordinary least squares on the selected parents.
 *
 * <p>Steps, for target {@code y} and predictor columns {@code X}:
 * <ol>
 *   <li>standardise {@code X} and {@code y} (population standard deviation);</li>
 *   <li>{@code w = |β_OLS|^γ} from ordinary least squares on the standardised data;</li>
 *   <li>LARS lasso path of {@code y} on the rescaled columns {@code X_j · w_j} (a lasso with
 *       penalty {@code λ Σ |β_j| / w_j} on the original coefficients);</li>
 *   <li>at each knot, {@code BIC = n log(2π σ²) + RSS/σ² + df · log n} with {@code σ²} the
 *       residual variance of the full least-squares fit ({@code RSS_OLS / (n − q − 1)}) and
 *       {@code df} the number of nonzero coefficients; when {@code n ≤ q + 1} the variance is
 *       unknown and {@code n log(RSS/n) + df · log n} is used; the knot with the lowest BIC
 *       selects the support (the sparser knot on ties);</li>
 *   <li>ordinary least squares with intercept of the unstandardised {@code y} on the selected
 *       unstandardised columns gives the returned coefficients, so they carry the data's units
 *       and no lasso shrinkage; unselected parents get exactly 0.</li>
 * </ol>
 * The refit in the last step is what the lingam library does as well.
 */
public final class AdaptiveLasso {
    private final double gamma;

    /** Adaptive lasso with exponent γ = 1. */
    public AdaptiveLasso() {
        this(1.0);
    }

    /** Adaptive lasso with penalty weights {@code 1/|β_OLS|^gamma} ({@code gamma > 0}). */
    public AdaptiveLasso(double gamma) {
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("gamma must be > 0, got " + gamma);
        }
        this.gamma = gamma;
    }

    /**
     * Coefficients of column {@code target} of {@code x} on the columns {@code predictors}, one
     * per predictor, zero where the adaptive lasso dropped it.
     */
    public double[] fit(double[][] x, int[] predictors, int target) {
        int n = x.length;
        int q = predictors.length;
        double[] coef = new double[q];
        if (q == 0) {
            return coef;
        }
        double[] y = DenseAlgebra.column(x, target);
        double yMean = DenseAlgebra.mean(y);
        double yScale = Math.sqrt(centredSquares(y, yMean) / n);
        if (!(yScale > 0)) {
            return coef;
        }
        double[] ys = new double[n];
        for (int r = 0; r < n; r++) {
            ys[r] = (y[r] - yMean) / yScale;
        }
        double[][] xs = new double[n][q];
        for (int k = 0; k < q; k++) {
            double[] c = DenseAlgebra.column(x, predictors[k]);
            double m = DenseAlgebra.mean(c);
            double s = Math.sqrt(centredSquares(c, m) / n);
            for (int r = 0; r < n; r++) {
                xs[r][k] = s > 0 ? (c[r] - m) / s : 0;
            }
        }
        int[] all = IntStream.range(0, q).toArray();
        double[] ols = LinearRegression.fit(xs, ys, all).coefficients();
        double[] weight = new double[q];
        double[][] scaled = new double[n][q];
        for (int k = 0; k < q; k++) {
            weight[k] = Math.pow(Math.abs(ols[k]), gamma);
        }
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < q; k++) {
                scaled[r][k] = xs[r][k] * weight[k];
            }
        }
        LarsLassoPath path = LarsLassoPath.of(scaled, ys);
        double rssOls = 0;
        double[] olsPred = new double[n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < q; k++) {
                olsPred[r] += ols[k] * xs[r][k];
            }
            rssOls += (ys[r] - olsPred[r]) * (ys[r] - olsPred[r]);
        }
        int best = bestByBic(path, n, q, rssOls);
        double[] beta = path.knots().get(best);
        int selected = 0;
        for (int k = 0; k < q; k++) {
            if (beta[k] * weight[k] != 0) {
                selected++;
            }
        }
        if (selected == 0) {
            return coef;
        }
        int[] chosen = new int[selected];
        int[] position = new int[selected];
        for (int k = 0, s = 0; k < q; k++) {
            if (beta[k] * weight[k] != 0) {
                chosen[s] = predictors[k];
                position[s++] = k;
            }
        }
        double[] refit = LinearRegression.fit(x, y, chosen).coefficients();
        for (int s = 0; s < selected; s++) {
            coef[position[s]] = refit[s];
        }
        return coef;
    }

    /** Index of the knot with the lowest BIC (the first, hence sparsest, on ties). */
    static int bestByBic(LarsLassoPath path, int n, int q, double rssOls) {
        double logN = Math.log(n);
        boolean knownVariance = n > q + 1 && rssOls > 0;
        double variance = knownVariance ? rssOls / (n - q - 1) : Double.NaN;
        int best = 0;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int t = 0; t < path.size(); t++) {
            double rss = path.rss()[t];
            int df = path.nonzero(t);
            double bic = knownVariance
                    ? n * Math.log(2 * Math.PI * variance) + rss / variance + df * logN
                    : n * Math.log(Math.max(rss, Double.MIN_NORMAL) / n) + df * logN;
            if (bic < bestBic) {
                bestBic = bic;
                best = t;
            }
        }
        return best;
    }

    private static double centredSquares(double[] v, double mean) {
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return s;
    }
}
