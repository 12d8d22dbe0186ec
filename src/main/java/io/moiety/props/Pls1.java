package io.moiety.props;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Partial least squares regression for one target (PLS1) by NIPALS, on autoscaled X and y
 * (standard deviation with ddof = 1; a zero-variance column is centred but not scaled). Each
 * component takes the weight vector {@code w ∝ Xₖᵀyₖ}, the score {@code t = Xₖw}, the loadings
 * {@code p = Xₖᵀt/tᵀt}, {@code q = yₖᵀt/tᵀt}, and deflates {@code Xₖ₊₁ = Xₖ − tpᵀ},
 * {@code yₖ₊₁ = yₖ − qt}. The regression vector in scaled units is {@code W(PᵀW)⁻¹q}; it is
 * returned in the original units with an intercept. With as many components as (independent)
 * columns it equals ordinary least squares. Fewer components are used when the residual runs out.
 *
 * @param coefficients one per column, in original units (target per column unit)
 * @param intercept    in target units
 * @param components   components actually extracted
 */
public record Pls1(double[] coefficients, double intercept, int components) {

    /** Fits {@code components} components to the rows of {@code x} (row-major) and targets {@code y}. */
    public static Pls1 fit(double[][] x, double[] y, int components) {
        int n = x.length;
        if (n != y.length || n < 2) {
            throw new IllegalArgumentException("PLS needs at least 2 rows and one target per row");
        }
        int p = x[0].length;
        Standardization xs = Standardization.centring(x, 1);
        Standardization ys = Standardization.ofVector(y, 1);
        double[][] xk = xs.apply(x);
        double[] yk = ys.applyToVector(y);
        int kMax = Math.min(components, Math.min(p, n - 1));
        double[][] w = new double[kMax][];
        double[][] load = new double[kMax][];
        double[] q = new double[kMax];
        double yNorm0 = dot(yk, yk);
        int k = 0;
        for (; k < kMax; k++) {
            if (dot(yk, yk) <= 1e-24 * Math.max(1, yNorm0)) {
                break;
            }
            double[] wk = new double[p];
            for (int i = 0; i < n; i++) {
                double yi = yk[i];
                double[] row = xk[i];
                for (int j = 0; j < p; j++) {
                    wk[j] += row[j] * yi;
                }
            }
            double norm = Math.sqrt(dot(wk, wk));
            if (norm <= 1e-14) {
                break;
            }
            for (int j = 0; j < p; j++) {
                wk[j] /= norm;
            }
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = dot(xk[i], wk);
            }
            double tt = dot(t, t);
            if (tt <= 1e-24) {
                break;
            }
            double[] pk = new double[p];
            for (int i = 0; i < n; i++) {
                double ti = t[i];
                double[] row = xk[i];
                for (int j = 0; j < p; j++) {
                    pk[j] += row[j] * ti;
                }
            }
            for (int j = 0; j < p; j++) {
                pk[j] /= tt;
            }
            double qk = dot(yk, t) / tt;
            for (int i = 0; i < n; i++) {
                double ti = t[i];
                double[] row = xk[i];
                for (int j = 0; j < p; j++) {
                    row[j] -= ti * pk[j];
                }
                yk[i] -= qk * ti;
            }
            w[k] = wk;
            load[k] = pk;
            q[k] = qk;
        }
        double[] beta = new double[p];
        if (k > 0) {
            DMatrixRMaj ptw = new DMatrixRMaj(k, k);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    ptw.set(a, b, dot(load[a], w[b]));
                }
            }
            DMatrixRMaj qv = new DMatrixRMaj(k, 1);
            for (int a = 0; a < k; a++) {
                qv.set(a, 0, q[a]);
            }
            DMatrixRMaj c = new DMatrixRMaj(k, 1);
            if (!CommonOps_DDRM.solve(ptw, qv, c)) {
                throw new IllegalStateException("PLS: singular PᵀW with " + k + " components");
            }
            for (int a = 0; a < k; a++) {
                double ca = c.get(a, 0);
                for (int j = 0; j < p; j++) {
                    beta[j] += w[a][j] * ca;
                }
            }
        }
        double[] coef = new double[p];
        double intercept = ys.means()[0];
        double yScale = ys.scales()[0];
        double[] xScales = xs.scales();
        double[] xMeans = xs.means();
        for (int j = 0; j < p; j++) {
            coef[j] = beta[j] * yScale / xScales[j];
            intercept -= coef[j] * xMeans[j];
        }
        return new Pls1(coef, intercept, k);
    }

    /** Prediction for one row in original units. */
    public double predict(double[] row) {
        return intercept + dot(coefficients, row);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
