package io.moiety.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error metrics of one model on one split (ID test or OOD): see {@link Metric} for definitions
 * and units. Force metrics are {@code NaN} for energy-only models.
 *
 * @param frames number of frames evaluated
 * @param atoms  number of atoms over all frames
 * @param values one value per {@link Metric}
 */
public record SplitMetrics(int frames, long atoms, Map<Metric, Double> values) {

    public SplitMetrics {
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            Double v = values.get(m);
            copy.put(m, v == null ? Double.NaN : v);
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** Value of one metric ({@code NaN} when undefined). */
    public double get(Metric m) {
        return values.get(m);
    }

    /** JSON-friendly map: keys from {@link Metric#key()}, undefined values as null. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("frames", frames);
        map.put("atoms", atoms);
        for (Metric m : Metric.values()) {
            double v = get(m);
            map.put(m.key(), Double.isFinite(v) ? v : null);
        }
        return map;
    }

    /** Inverse of {@link #toMap()}. */
    public static SplitMetrics fromMap(Map<String, ?> map) {
        EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            Object v = map.get(m.key());
            values.put(m, v instanceof Number n ? n.doubleValue() : Double.NaN);
        }
        return new SplitMetrics(((Number) map.get("frames")).intValue(), ((Number) map.get("atoms")).longValue(), values);
    }
}
