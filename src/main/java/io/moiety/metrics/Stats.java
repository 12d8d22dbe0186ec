package io.moiety.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spread of one number over seeds: mean, sample standard deviation (0 for one seed), min, max and
 * how many finite values went in. All NaN when no seed gave a finite value.
 */
public record Stats(double mean, double std, double min, double max, int n) {

    /** Statistics of the finite values. */
    public static Stats of(List<Double> values) {
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        if (min == max) {
            // identical values (e.g. a deterministic baseline over seeds): exactly that value and
            // zero spread, not the few-ulp residue of summing and dividing
            return new Stats(min, 0, min, max, n);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Stats(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min, max, n);
    }

    public boolean defined() { return n > 0; }

    /** {@code mean ± std} with 4 significant digits (or just the mean for one seed); "n/a" when undefined. */
    public String format() {
        if (!defined()) {
            return "n/a";
        }
        return n > 1 ? num(mean) + " ± " + num(std) : num(mean);
    }

    /** A number with 4 significant digits, plain for moderate magnitudes. */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** JSON-friendly map (undefined values as null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", EnvironmentError.finite(mean));
        m.put("std", EnvironmentError.finite(std));
        m.put("min", EnvironmentError.finite(min));
        m.put("max", EnvironmentError.finite(max));
        m.put("n", n);
        return m;
    }
}
