package io.moiety.props;

import io.moiety.descriptors.PropertyTable;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Linear least squares on the descriptors, standardised (ddof = 0) with the training set's means
 * and deviations, with an intercept: {@code β = (XᵀX + λI)⁻¹Xᵀ(y − ȳ)}. λ = 0 is ordinary least
 * squares ("ols"); ridge ("ridge") chooses λ by 5-fold cross-validation inside the training set
 * over λ ∈ {10⁻³, 10⁻², …, 10³} (in units of the standardised design, i.e. per molecule-variance).
 */
public final class RidgeRegression implements PropertyModel {
    static final List<Double> LAMBDAS = List.of(1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0, 1000.0);
    private final String name;
    private final Double lambda;

    private RidgeRegression(String name, Double lambda) {
        this.name = name;
        this.lambda = lambda;
    }

    /** Ordinary least squares. */
    public static RidgeRegression ordinary() {
        return new RidgeRegression("ols", 0.0);
    }

    /** Ridge with a fixed λ. */
    public static RidgeRegression fixed(String name, double lambda) {
        return new RidgeRegression(name, lambda);
    }

    /** Ridge with λ by inner cross-validation. */
    public static RidgeRegression crossValidated() {
        return new RidgeRegression("ridge", null);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Coefficients of {@code argmin ‖Xβ − y‖² + λ‖β‖²} (no intercept; centre X and y first). A
     * relative jitter of 10⁻¹² of the mean diagonal keeps exactly collinear columns solvable.
     */
    static double[] solve(double[][] x, double[] y, double lambda) {
        int n = x.length;
        int p = x[0].length;
        DMatrixRMaj a = new DMatrixRMaj(x);
        DMatrixRMaj ata = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(a, a, ata);
        DMatrixRMaj aty = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(a, new DMatrixRMaj(n, 1, true, y), aty);
        double trace = CommonOps_DDRM.trace(ata);
        double jitter = lambda + 1e-12 * Math.max(trace / p, 1.0);
        for (int i = 0; i < p; i++) {
            ata.add(i, i, jitter);
        }
        DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        if (!CommonOps_DDRM.solve(ata, aty, beta)) {
            throw new IllegalStateException("least squares: singular normal equations");
        }
        return beta.getData().clone();
    }

    @Override
    public Fitted fit(PropertyTable train, long seed) {
        Standardization xs = Standardization.centring(train.descriptors(), 0);
        double[][] x = xs.apply(train.descriptors());
        double yMean = 0;
        for (double v : train.target()) {
            yMean += v;
        }
        yMean /= train.size();
        double[] y = train.target().clone();
        for (int i = 0; i < y.length; i++) {
            y[i] -= yMean;
        }
        double l = lambda != null ? lambda : chooseLambda(x, y, seed);
        double[] beta = solve(x, y, l);
        double intercept = yMean;
        return molecules -> {
            double[][] z = xs.apply(molecules.descriptors());
            double[] out = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                out[i] = intercept + Pls1.dot(beta, z[i]);
            }
            return out;
        };
    }

    private static double chooseLambda(double[][] x, double[] y, long seed) {
        int k = Math.min(5, x.length);
        int[] fold = Folds.assign(x.length, k, seed);
        double best = LAMBDAS.get(0);
        double bestSse = Double.POSITIVE_INFINITY;
        for (double l : LAMBDAS) {
            double sse = 0;
            for (int f = 0; f < k; f++) {
                int[] tr = Folds.rows(fold, f, false);
                double[][] xt = new double[tr.length][];
                double[] yt = new double[tr.length];
                double m = 0;
                for (int i = 0; i < tr.length; i++) {
                    xt[i] = x[tr[i]];
                    yt[i] = y[tr[i]];
                    m += yt[i];
                }
                m /= tr.length;
                for (int i = 0; i < tr.length; i++) {
                    yt[i] -= m;
                }
                double[] beta = solve(xt, yt, l);
                for (int i : Folds.rows(fold, f, true)) {
                    double e = m + Pls1.dot(beta, x[i]) - y[i];
                    sse += e * e;
                }
            }
            if (sse < bestSse) {
                bestSse = sse;
                best = l;
            }
        }
        return best;
    }
}
