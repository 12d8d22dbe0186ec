package io.moiety.props;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Kernel ridge regression without intercept: dual coefficients {@code a = (K + αI)⁻¹y} (Cholesky),
 * prediction {@code k(x, X)ᵀa}. Through one eigendecomposition {@code K = VΛVᵀ}, every α costs only
 * {@code a = V(Λ + α)⁻¹Vᵀy}; the grid search uses this for k-fold cross-validation.
 *
 * @param kernel the kernel
 * @param train  training feature rows
 * @param dual   dual coefficients
 */
record KernelRidge(Kernel kernel, double[][] train, double[] dual) {

    /** Fits with ridge strength {@code alpha} (in target² units of {@code y}). */
    static KernelRidge fit(Kernel kernel, double[][] x, double[] y, double alpha) {
        int n = x.length;
        DMatrixRMaj k = new DMatrixRMaj(kernel.matrix(x, x));
        for (int i = 0; i < n; i++) {
            k.add(i, i, alpha);
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(k)) {
            Eigen e = Eigen.of(kernel.matrix(x, x));
            return new KernelRidge(kernel, x, e.solve(y, alpha));
        }
        DMatrixRMaj dual = new DMatrixRMaj(n, 1);
        chol.solve(new DMatrixRMaj(n, 1, true, y), dual);
        return new KernelRidge(kernel, x, dual.getData().clone());
    }

    double[] predict(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < train.length; j++) {
                s += kernel.value(x[i], train[j]) * dual[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Chosen hyperparameters and their cross-validated mean squared error (in y units²). */
    record Choice(double alpha, double gamma, double cvMse) { }

    /**
     * The (α, γ) of the grid with the lowest {@code folds}-fold cross-validated mean squared error;
     * {@code kernels} maps γ to a kernel (for a kernel without γ pass one value).
     */
    static Choice select(java.util.function.DoubleFunction<Kernel> kernels, double[][] x, double[] y,
                         List<Double> alphas, List<Double> gammas, int folds, long seed) {
        int n = x.length;
        int k = Math.min(folds, n);
        int[] fold = Folds.assign(n, k, seed);
        Choice best = null;
        for (double gamma : gammas) {
            Kernel kernel = kernels.apply(gamma);
            double[][] full = kernel.matrix(x, x);
            double[] sse = new double[alphas.size()];
            for (int f = 0; f < k; f++) {
                int[] tr = Folds.rows(fold, f, false);
                int[] te = Folds.rows(fold, f, true);
                double[][] ktt = new double[tr.length][tr.length];
                for (int i = 0; i < tr.length; i++) {
                    for (int j = 0; j < tr.length; j++) {
                        ktt[i][j] = full[tr[i]][tr[j]];
                    }
                }
                double[] ytr = new double[tr.length];
                for (int i = 0; i < tr.length; i++) {
                    ytr[i] = y[tr[i]];
                }
                Eigen e = Eigen.of(ktt);
                for (int a = 0; a < alphas.size(); a++) {
                    double[] dual = e.solve(ytr, alphas.get(a));
                    for (int i : te) {
                        double s = 0;
                        for (int j = 0; j < tr.length; j++) {
                            s += full[i][tr[j]] * dual[j];
                        }
                        sse[a] += (s - y[i]) * (s - y[i]);
                    }
                }
            }
            for (int a = 0; a < alphas.size(); a++) {
                double mse = sse[a] / n;
                if (best == null || mse < best.cvMse()) {
                    best = new Choice(alphas.get(a), gamma, mse);
                }
            }
        }
        return best;
    }

    /** Eigendecomposition of a symmetric matrix for repeated ridge solves. */
    private record Eigen(DMatrixRMaj vectors, double[] values) {
        static Eigen of(double[][] m) {
            int n = m.length;
            DMatrixRMaj a = new DMatrixRMaj(m);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            if (!eig.decompose(a)) {
                throw new IllegalStateException("eigendecomposition of the " + n + "×" + n + " kernel failed");
            }
            DMatrixRMaj v = new DMatrixRMaj(n, n);
            double[] lambda = new double[n];
            for (int i = 0; i < n; i++) {
                lambda[i] = eig.getEigenvalue(i).getReal();
                DMatrixRMaj col = eig.getEigenVector(i);
                for (int r = 0; r < n; r++) {
                    v.set(r, i, col.get(r, 0));
                }
            }
            return new Eigen(v, lambda);
        }

        double[] solve(double[] y, double alpha) {
            int n = y.length;
            DMatrixRMaj yv = new DMatrixRMaj(n, 1, true, y);
            DMatrixRMaj vty = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.multTransA(vectors, yv, vty);
            for (int i = 0; i < n; i++) {
                vty.set(i, 0, vty.get(i, 0) / (Math.max(values[i], 0) + alpha));
            }
            DMatrixRMaj out = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(vectors, vty, out);
            return out.getData().clone();
        }
    }
}
