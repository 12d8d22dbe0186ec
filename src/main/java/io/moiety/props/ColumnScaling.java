package io.moiety.props;

/**
 * Per-column centring and scaling of a row-major matrix: {@code (x − mean) / scale}. The scale is
 * the standard deviation with the given delta degrees of freedom; a zero-variance column keeps
 * scale 1 (it is only centred).
 *
 * @param mean  column means
 * @param scale column standard deviations (1 where a column is constant)
 */
record ColumnScaling(double[] mean, double[] scale) {

    /** Means and standard deviations of the columns of {@code x} (ddof 0 or 1). */
    static ColumnScaling of(double[][] x, int ddof) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            double sd = n - ddof > 0 ? Math.sqrt(scale[j] / (n - ddof)) : 0;
            scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean[j])) ? sd : 1;
        }
        return new ColumnScaling(mean, scale);
    }

    /** Mean and standard deviation of one vector, as a one-column scaling. */
    static ColumnScaling ofVector(double[] y, int ddof) {
        double[][] col = new double[y.length][1];
        for (int i = 0; i < y.length; i++) {
            col[i][0] = y[i];
        }
        return of(col, ddof);
    }

    /** A scaled copy of {@code x}. */
    double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = apply(x[i]);
        }
        return out;
    }

    /** A scaled copy of one row. */
    double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / scale[j];
        }
        return out;
    }

    /** Scales each element of a vector with the single column's mean and scale. */
    double[] applyToVector(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (y[i] - mean[0]) / scale[0];
        }
        return out;
    }

    /** Inverse of {@link #applyToVector}. */
    double[] invertVector(double[] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] * scale[0] + mean[0];
        }
        return out;
    }
}
