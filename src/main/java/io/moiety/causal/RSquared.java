package io.moiety.causal;

/**
 * Coefficient of determination {@code R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²} (as scikit-learn's
 * {@code r2_score}; negative when the prediction is worse than the mean).
 */
public final class RSquared {
    private RSquared() {}

    /** R² of {@code predicted} against {@code observed}; NaN when {@code observed} is constant. */
    public static double of(double[] observed, double[] predicted) {
        if (observed.length != predicted.length || observed.length == 0) {
            throw new IllegalArgumentException(observed.length + " observed but " + predicted.length + " predicted values");
        }
        double mean = DenseAlgebra.mean(observed);
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < observed.length; i++) {
            ssRes += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
            ssTot += (observed[i] - mean) * (observed[i] - mean);
        }
        return ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
    }
}
