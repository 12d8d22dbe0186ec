package io.moiety.props;

/**
 * Errors of predictions against reference values, in the target's units.
 *
 * @param n             number of molecules
 * @param rmse          root mean squared error
 * @param mae           mean absolute error
 * @param r2            coefficient of determination, 1 − SSE / Σ(y − ȳ)² over the test set
 * @param rmseOverSigma RMSE / σ_all
 */
public record Metrics(int n, double rmse, double mae, double r2, double rmseOverSigma) {

    /** Metrics of {@code predicted} against {@code reference}, with σ_all {@code sigma}. */
    public static Metrics of(double[] reference, double[] predicted, double sigma) {
        int n = reference.length;
        if (predicted.length != n || n == 0) {
            throw new IllegalArgumentException("need equally many (> 0) predictions and references");
        }
        double mean = 0;
        for (double y : reference) {
            mean += y;
        }
        mean /= n;
        double sse = 0, sae = 0, sst = 0;
        for (int i = 0; i < n; i++) {
            double e = predicted[i] - reference[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (reference[i] - mean) * (reference[i] - mean);
        }
        double rmse = Math.sqrt(sse / n);
        return new Metrics(n, rmse, sae / n, sst > 0 ? 1 - sse / sst : Double.NaN, rmse / sigma);
    }
}
