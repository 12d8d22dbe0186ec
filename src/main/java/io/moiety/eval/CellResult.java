package io.moiety.eval;

import io.moiety.metrics.EnvironmentError;
import io.moiety.metrics.ParitySample;
import io.moiety.metrics.SplitMetrics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome of one {@link BenchCell}: metrics, per-environment force errors and parity samples per
 * split, or the error that stopped it.
 *
 * @param cell           the cell
 * @param error          null when the cell finished, otherwise what went wrong
 * @param predictsForces whether the model predicts forces
 * @param trainSeconds   wall time for training or fitting
 * @param evalSeconds    wall time for predicting both splits
 * @param metrics        per split
 * @param environments   per split, per environment label
 * @param parity         per split
 * @param referenceEnergies where the model's reference energies E0 come from, with their values
 *                       (the potential's {@code referenceEnergies()}); empty when not stated
 */
public record CellResult(BenchCell cell, String error, boolean predictsForces, double trainSeconds, double evalSeconds,
                         Map<Split, SplitMetrics> metrics, Map<Split, List<EnvironmentError>> environments,
                         Map<Split, ParitySample> parity, String referenceEnergies) {

    public CellResult {
        referenceEnergies = referenceEnergies == null ? "" : referenceEnergies;
    }

    /** A result that states no reference energies. */
    public CellResult(BenchCell cell, String error, boolean predictsForces, double trainSeconds, double evalSeconds,
                      Map<Split, SplitMetrics> metrics, Map<Split, List<EnvironmentError>> environments,
                      Map<Split, ParitySample> parity) {
        this(cell, error, predictsForces, trainSeconds, evalSeconds, metrics, environments, parity, "");
    }

    public boolean ok() { return error == null; }

    /** A failed cell. */
    public static CellResult failed(BenchCell cell, String error, double seconds) {
        return new CellResult(cell, error, false, seconds, 0, Map.of(), Map.of(), Map.of());
    }

    /** JSON-friendly map (with or without the parity samples). */
    public Map<String, Object> toMap(boolean withParity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", cell.task());
        m.put("model", cell.model());
        m.put("seed", cell.seed());
        m.put("overrides", cell.overrides());
        m.put("status", ok() ? "ok" : "failed");
        if (!ok()) {
            m.put("error", error);
        }
        m.put("predicts_forces", predictsForces);
        m.put("train_seconds", trainSeconds);
        m.put("eval_seconds", evalSeconds);
        if (!referenceEnergies.isEmpty()) {
            m.put("reference_energies", referenceEnergies);
        }
        Map<String, Object> splits = new LinkedHashMap<>();
        for (Split s : Split.values()) {
            if (!metrics.containsKey(s)) {
                continue;
            }
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("metrics", metrics.get(s).toMap());
            sm.put("environments", environments.getOrDefault(s, List.of()).stream().map(EnvironmentError::toMap).toList());
            if (withParity && parity.containsKey(s)) {
                sm.put("parity", parity.get(s).toMap());
            }
            splits.put(s.key(), sm);
        }
        m.put("splits", splits);
        return m;
    }

    /** Inverse of {@link #toMap(boolean)}. */
    @SuppressWarnings("unchecked")
    public static CellResult fromMap(Map<String, Object> m) {
        Map<String, String> ov = new LinkedHashMap<>();
        Object o = m.get("overrides");
        if (o instanceof Map<?, ?> om) {
            om.forEach((k, v) -> ov.put(String.valueOf(k), String.valueOf(v)));
        }
        BenchCell cell = new BenchCell((String) m.get("task"), (String) m.get("model"), ((Number) m.get("seed")).longValue(), ov);
        Map<Split, SplitMetrics> metrics = new EnumMap<>(Split.class);
        Map<Split, List<EnvironmentError>> envs = new EnumMap<>(Split.class);
        Map<Split, ParitySample> parity = new EnumMap<>(Split.class);
        Map<String, Object> splits = (Map<String, Object>) m.getOrDefault("splits", Map.of());
        splits.forEach((k, v) -> {
            Split s = Split.ofKey(k);
            Map<String, Object> sm = (Map<String, Object>) v;
            metrics.put(s, SplitMetrics.fromMap((Map<String, ?>) sm.get("metrics")));
            List<EnvironmentError> el = new ArrayList<>();
            for (Object e : (List<Object>) sm.getOrDefault("environments", List.of())) {
                el.add(EnvironmentError.fromMap((Map<String, ?>) e));
            }
            envs.put(s, el);
            if (sm.get("parity") != null) {
                parity.put(s, ParitySample.fromMap((Map<String, ?>) sm.get("parity")));
            }
        });
        return new CellResult(cell, "ok".equals(m.get("status")) ? null : String.valueOf(m.get("error")),
                Boolean.TRUE.equals(m.get("predicts_forces")), ((Number) m.get("train_seconds")).doubleValue(),
                ((Number) m.get("eval_seconds")).doubleValue(), metrics, envs, parity,
                m.get("reference_energies") == null ? "" : String.valueOf(m.get("reference_energies")));
    }
}
