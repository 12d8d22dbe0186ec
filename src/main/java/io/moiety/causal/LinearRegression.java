package io.moiety.causal;

import io.moiety.props.Standardization;

/**
 * Least-squares and ridge fits of one column on others, with an unpenalised intercept:
 * {@code argmin |y − a − X w|² + ridge · |w|²} (the objective of scikit-learn's {@code Ridge};
 * {@code ridge = 0} is ordinary least squares). Collinear inputs are handled by a vanishing
 * ridge rather than failing.
 */
public final class LinearRegression {
    private LinearRegression() {}

    /** Ordinary least squares of {@code y} on the columns {@code inputs} of {@code x}. */
    public static LinearPredictor fit(double[][] x, double[] y, int[] inputs) {
        return fit(x, y, inputs, 0);
    }

    /** Ridge regression of {@code y} on the columns {@code inputs} of {@code x}. */
    public static LinearPredictor fit(double[][] x, double[] y, int[] inputs, double ridge) {
        Standardization.checkMatrix(x);
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows but " + y.length + " targets");
        }
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("ridge must be ≥ 0, got " + ridge);
        }
        int n = x.length;
        int q = inputs.length;
        double[] mean = new double[q];
        for (int k = 0; k < q; k++) {
            mean[k] = DenseAlgebra.mean(DenseAlgebra.column(x, inputs[k]));
        }
        double yMean = DenseAlgebra.mean(y);
        double[][] gram = new double[q][q];
        double[] rhs = new double[q];
        double[] centred = new double[q];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < q; k++) {
                centred[k] = x[r][inputs[k]] - mean[k];
            }
            double yc = y[r] - yMean;
            for (int k = 0; k < q; k++) {
                rhs[k] += centred[k] * yc;
                for (int l = 0; l <= k; l++) {
                    gram[k][l] += centred[k] * centred[l];
                }
            }
        }
        for (int k = 0; k < q; k++) {
            gram[k][k] += ridge;
            for (int l = 0; l < k; l++) {
                gram[l][k] = gram[k][l];
            }
        }
        double[] w = DenseAlgebra.solveSymmetric(gram, rhs);
        double intercept = yMean;
        for (int k = 0; k < q; k++) {
            intercept -= w[k] * mean[k];
        }
        return new LinearPredictor(inputs, w, intercept);
    }
}
