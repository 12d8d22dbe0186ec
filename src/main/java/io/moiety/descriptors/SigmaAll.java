package io.moiety.descriptors;

/**
 * The property scale that errors are divided by (RMSE/σ_all), in the target's units.
 *
 * @param value  the standard deviation
 * @param source how it was obtained: given by the user, or computed from the table's targets
 */
public record SigmaAll(double value, String source) {
    public SigmaAll {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("σ_all must be a positive finite number, got " + value);
        }
    }

    /** A value given by the user (for example the spread of a larger parent set). */
    public static SigmaAll given(double value) {
        return new SigmaAll(value, "given");
    }

    /** The sample standard deviation (ddof = 1) of {@code targets}. */
    public static SigmaAll of(double[] targets) {
        int n = targets.length;
        if (n < 2) {
            throw new IllegalArgumentException("σ_all needs at least 2 targets, got " + n);
        }
        double mean = 0;
        for (double t : targets) {
            mean += t;
        }
        mean /= n;
        double ss = 0;
        for (double t : targets) {
            ss += (t - mean) * (t - mean);
        }
        return new SigmaAll(Math.sqrt(ss / (n - 1)), "sample standard deviation (ddof = 1) of the " + n + " targets");
    }
}
