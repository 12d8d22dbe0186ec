package io.moiety.causal;

import java.util.List;

/**
 * Per-column affine rescaling {@code z = (x − mean) / scale} fitted on a data matrix, with the
 * standard deviation's divisor {@code n − ddof} chosen by the caller ({@code ddof = 0}: the
 * population form numpy and scikit-learn's {@code StandardScaler} use; {@code ddof = 1}: the
 * sample form pandas uses).
 */
public record Standardization(double[] means, double[] scales) {

    public Standardization {
        if (means.length != scales.length) {
            throw new IllegalArgumentException(means.length + " means but " + scales.length + " scales");
        }
        means = means.clone();
        scales = scales.clone();
    }

    /** Fits on {@code x} (rows = samples); a constant column is an error naming its index. */
    public static Standardization fit(double[][] x, int ddof) {
        return fit(x, ddof, null);
    }

    /**
     * Fits on {@code x} (rows = samples); a constant column is an error naming the column by
     * {@code names.get(j)} (or its index when {@code names} is null).
     */
    public static Standardization fit(double[][] x, int ddof, List<String> names) {
        int p = DenseAlgebra.checkMatrix(x);
        int n = x.length;
        if (ddof < 0 || n - ddof <= 0) {
            throw new IllegalArgumentException("ddof " + ddof + " with " + n + " rows");
        }
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double[] c = DenseAlgebra.column(x, j);
            mean[j] = DenseAlgebra.mean(c);
            double ss = 0;
            for (double v : c) {
                ss += (v - mean[j]) * (v - mean[j]);
            }
            scale[j] = Math.sqrt(ss / (n - ddof));
            if (!(scale[j] > 1e-12 * Math.max(1.0, Math.abs(mean[j])))) {
                String col = names == null ? "column " + j : "column '" + names.get(j) + "'";
                throw new IllegalArgumentException(col + " is constant (" + mean[j] + ") and cannot be standardised");
            }
        }
        return new Standardization(mean, scale);
    }

    /** A copy of the column means. */
    @Override
    public double[] means() {
        return means.clone();
    }

    /** A copy of the column scales (standard deviations). */
    @Override
    public double[] scales() {
        return scales.clone();
    }

    /** The standardised copy of one row. */
    public double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - means[j]) / scales[j];
        }
        return z;
    }

    /** The standardised copy of every row. */
    public double[][] apply(double[][] x) {
        double[][] z = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            z[r] = apply(x[r]);
        }
        return z;
    }

    /** Maps a standardised row back to the original units. */
    public double[] invert(double[] z) {
        double[] row = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            row[j] = z[j] * scales[j] + means[j];
        }
        return row;
    }
}
