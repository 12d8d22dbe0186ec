package io.moiety.props;

import java.util.List;

/**
 * Per-column affine rescaling {@code z = (x − mean) / scale} fitted on a row-major data matrix
 * (rows = samples), in the columns' own units, with the standard deviation's divisor
 * {@code n − ddof} chosen by the caller ({@code ddof = 0}: the population form numpy and
 * scikit-learn's {@code StandardScaler} use; {@code ddof = 1}: the sample form pandas uses).
 * {@link #fit} rejects a constant column; {@link #centring} keeps scale 1 for it (only centred).
 *
 * @param means  column means
 * @param scales column standard deviations (1 for a constant column under {@link #centring})
 */
public record Standardization(double[] means, double[] scales) {

    public Standardization {
        if (means.length != scales.length) {
            throw new IllegalArgumentException(means.length + " means but " + scales.length + " scales");
        }
        means = means.clone();
        scales = scales.clone();
    }

    /** Fits on {@code x}; a constant column is an error naming its index. */
    public static Standardization fit(double[][] x, int ddof) {
        return fit(x, ddof, null);
    }

    /**
     * Fits on {@code x}, a non-empty matrix of finite numbers; a constant column is an error naming
     * the column by {@code names.get(j)} (or its index when {@code names} is null).
     */
    public static Standardization fit(double[][] x, int ddof, List<String> names) {
        int n = x.length;
        checkMatrix(x);
        if (ddof < 0 || n - ddof <= 0) {
            throw new IllegalArgumentException("ddof " + ddof + " with " + n + " rows");
        }
        double[][] m = moments(x, ddof);
        for (int j = 0; j < m[0].length; j++) {
            if (!(m[1][j] > 1e-12 * Math.max(1.0, Math.abs(m[0][j])))) {
                String col = names == null ? "column " + j : "column '" + names.get(j) + "'";
                throw new IllegalArgumentException(col + " is constant (" + m[0][j] + ") and cannot be standardised");
            }
        }
        return new Standardization(m[0], m[1]);
    }

    /** Fits on {@code x} (ddof 0 or 1); a column without spread (or too few rows) keeps scale 1 and is only centred. */
    static Standardization centring(double[][] x, int ddof) {
        double[][] m = moments(x, ddof);
        for (int j = 0; j < m[0].length; j++) {
            m[1][j] = m[1][j] > 1e-12 * Math.max(1, Math.abs(m[0][j])) ? m[1][j] : 1;
        }
        return new Standardization(m[0], m[1]);
    }

    /** Mean and standard deviation of one vector, as a one-column {@link #centring}. */
    static Standardization ofVector(double[] y, int ddof) {
        double[][] col = new double[y.length][1];
        for (int i = 0; i < y.length; i++) {
            col[i][0] = y[i];
        }
        return centring(col, ddof);
    }

    /** Column means and standard deviations ({@code {mean, sd}}; sd 0 when {@code n ≤ ddof}), summed in row order. */
    private static double[][] moments(double[][] x, int ddof) {
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
            scale[j] = n - ddof > 0 ? Math.sqrt(scale[j] / (n - ddof)) : 0;
        }
        return new double[][] {mean, scale};
    }

    /** Checks that {@code x} is a non-empty rectangular matrix of finite numbers; returns its width. */
    public static int checkMatrix(double[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        int p = x[0].length;
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != p) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " values, row 0 has " + p);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[r][j])) {
                    throw new IllegalArgumentException("row " + r + ", column " + j + " is " + x[r][j]);
                }
            }
        }
        return p;
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

    /** Scales each element of a vector with the single column's mean and scale. */
    double[] applyToVector(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (y[i] - means[0]) / scales[0];
        }
        return out;
    }

    /** Inverse of {@link #applyToVector}. */
    double[] invertVector(double[] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] * scales[0] + means[0];
        }
        return out;
    }
}
