package io.moiety.model;

import io.moiety.data.Nd4jThread;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;

/**
 * Ridge-regularised linear least squares, {@code argmin |Xw − y|² + λ|w|²}, solved through the
 * normal equations with ND4J's LU solve in float64 (ND4J's QR {@code lstsq} is avoided: broken).
 * Used for per-element reference energies and the linear baselines.
 *
 * <p>Every ND4J call runs on a short-lived thread of its own. ND4J sets the OpenMP thread count of
 * the thread that calls it, and libtorch shares that OpenMP runtime: called from a thread that
 * later runs PyTorch ops, it raised PyTorch's intra-op threads and made training steps many
 * times slower on few cores ({@code OMP_WAIT_POLICY=PASSIVE} hid it). See
 * {@code LeastSquaresTest#leavesTheCallersOpenMpSettingsAlone}.
 */
public final class LeastSquares {
    private LeastSquares() {}

    /**
     * Solves for the coefficients.
     *
     * @param x      design matrix, {@code rows × cols}
     * @param y      targets, one per row
     * @param lambda ridge strength (≥ 0); a tiny multiple of the trace is always added so that
     *               columns absent from the data (e.g. an element never seen) get a zero coefficient
     *               instead of a singular system
     */
    public static double[] solve(double[][] x, double[] y, double lambda) {
        return Nd4jThread.call(() -> solveHere(x, y, lambda));
    }

    private static double[] solveHere(double[][] x, double[] y, double lambda) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows but " + y.length + " targets");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("no rows to fit");
        }
        int cols = x[0].length;
        try (INDArray a = Nd4j.createFromArray(x).castTo(DataType.DOUBLE);
             INDArray b = Nd4j.createFromArray(y).castTo(DataType.DOUBLE).reshape(y.length, 1)) {
            INDArray ata = a.transpose().mmul(a);
            INDArray atb = a.transpose().mmul(b);
            double trace = 0;
            for (int i = 0; i < cols; i++) {
                trace += ata.getDouble(i, i);
            }
            double jitter = lambda + 1e-12 * Math.max(trace / cols, 1.0);
            for (int i = 0; i < cols; i++) {
                ata.putScalar(i, i, ata.getDouble(i, i) + jitter);
            }
            INDArray w = Nd4j.linalg().solve(ata, atb);
            return w.reshape(cols).toDoubleVector();
        }
    }

    /**
     * Minimum-norm least squares by iterated Tikhonov regularisation: a tiny ridge (relative to
     * the matrix scale) makes each solve well posed, and re-solving for the residual removes the
     * ridge's bias in every direction the data determine, while directions the data do not
     * determine (e.g. H vs C when every training molecule is CnH2nO2) stay at zero. Converges to
     * the pseudo-inverse solution.
     */
    public static double[] minimumNorm(double[][] x, double[] y) {
        int cols = x.length == 0 ? 1 : Math.max(1, x[0].length);
        double diag = 0;
        for (double[] row : x) {
            for (double v : row) {
                diag += v * v;
            }
        }
        double lambda = 1e-8 * diag / cols;
        double[] w = new double[cols];
        double[] r = y.clone();
        for (int it = 0; it < 20; it++) {
            double[] dw = solve(x, r, lambda);
            double change = 0, norm = 0;
            for (int j = 0; j < cols; j++) {
                w[j] += dw[j];
                change = Math.max(change, Math.abs(dw[j]));
                norm = Math.max(norm, Math.abs(w[j]));
            }
            for (int i = 0; i < x.length; i++) {
                double p = 0;
                for (int j = 0; j < cols; j++) {
                    p += x[i][j] * w[j];
                }
                r[i] = y[i] - p;
            }
            if (change <= 1e-12 * Math.max(1, norm)) {
                break;
            }
        }
        return w;
    }

    /** Inverse of a small symmetric positive-definite matrix (for diagnostics such as leverage). */
    public static double[][] inverse(double[][] m) {
        return Nd4jThread.call(() -> inverseHere(m));
    }

    private static double[][] inverseHere(double[][] m) {
        try (INDArray a = Nd4j.createFromArray(m).castTo(DataType.DOUBLE)) {
            return InvertMatrix.invert(a, false).toDoubleMatrix();
        }
    }
}
