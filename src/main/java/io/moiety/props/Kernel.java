package io.moiety.props;

/** A positive-definite similarity between two feature rows. */
@FunctionalInterface
interface Kernel {
    double value(double[] a, double[] b);

    /** Gaussian (RBF) kernel {@code exp(−γ‖a − b‖²)}, γ in inverse squared feature units. */
    static Kernel rbf(double gamma) {
        return (a, b) -> {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                double d = a[i] - b[i];
                s += d * d;
            }
            return Math.exp(-gamma * s);
        };
    }

    /** Tanimoto (Jaccard) kernel on non-negative features such as fingerprint bits or counts. */
    static Kernel tanimoto() {
        return (a, b) -> {
            double ab = 0, aa = 0, bb = 0;
            for (int i = 0; i < a.length; i++) {
                ab += a[i] * b[i];
                aa += a[i] * a[i];
                bb += b[i] * b[i];
            }
            double den = aa + bb - ab;
            return den == 0 ? 1 : ab / den;
        };
    }

    /** Gram matrix between the rows of {@code a} and of {@code b}. */
    default double[][] matrix(double[][] a, double[][] b) {
        double[][] k = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                k[i][j] = a == b && j < i ? k[j][i] : value(a[i], b[j]);
            }
        }
        return k;
    }
}
