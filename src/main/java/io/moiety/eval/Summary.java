package io.moiety.eval;

import io.moiety.metrics.EnvironmentError;
import io.moiety.metrics.Metric;
import io.moiety.metrics.SplitMetrics;
import io.moiety.metrics.Stats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Results of a run aggregated over seeds, per task and model (in suite order): per split and
 * metric a {@link Stats}, the OOD/ID ratio of every error metric (ratio per seed, then
 * aggregated), and per-environment force MAE.
 */
public final class Summary {

    /** Aggregates for one task and model. */
    public record Row(String task, String model, boolean predictsForces, List<Long> seeds,
                      Map<Split, Map<Metric, Stats>> splits, Map<Metric, Stats> oodOverId,
                      Map<Split, Map<String, EnvironmentStats>> environments, Stats trainSeconds) {}

    /** Per-environment force error over seeds. */
    public record EnvironmentStats(String environment, long atoms, long trainingAtoms, Stats forceMae, Stats forceCosine) {}

    private final List<String> tasks;
    private final List<String> models;
    private final Map<String, Map<String, Row>> rows = new LinkedHashMap<>();
    private final List<CellResult> failures = new ArrayList<>();

    /** Aggregates {@code results}; the order of tasks and models is taken from {@code suite}. */
    public Summary(Suite suite, List<CellResult> results) {
        this.tasks = suite.tasks();
        this.models = suite.models().stream().map(Suite.ModelEntry::name).toList();
        Map<String, Map<String, List<CellResult>>> grouped = new LinkedHashMap<>();
        for (CellResult r : results) {
            if (!r.ok()) {
                failures.add(r);
                continue;
            }
            grouped.computeIfAbsent(r.cell().task(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.cell().model(), k -> new ArrayList<>()).add(r);
        }
        for (String task : tasks) {
            for (String model : models) {
                List<CellResult> cells = grouped.getOrDefault(task, Map.of()).getOrDefault(model, List.of());
                if (!cells.isEmpty()) {
                    rows.computeIfAbsent(task, k -> new LinkedHashMap<>()).put(model, aggregate(task, model, cells));
                }
            }
        }
    }

    private static Row aggregate(String task, String model, List<CellResult> cells) {
        Map<Split, Map<Metric, Stats>> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            Map<Metric, Stats> m = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                List<Double> v = new ArrayList<>();
                for (CellResult c : cells) {
                    SplitMetrics sm = c.metrics().get(s);
                    v.add(sm == null ? Double.NaN : sm.get(metric));
                }
                m.put(metric, Stats.of(v));
            }
            splits.put(s, m);
        }
        Map<Metric, Stats> ratios = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            if (!metric.isError() && metric != Metric.ENERGY_STD && metric != Metric.FORCE_STD) {
                continue;
            }
            List<Double> v = new ArrayList<>();
            for (CellResult c : cells) {
                SplitMetrics id = c.metrics().get(Split.ID);
                SplitMetrics ood = c.metrics().get(Split.OOD);
                v.add(id == null || ood == null ? Double.NaN : ood.get(metric) / id.get(metric));
            }
            ratios.put(metric, Stats.of(v));
        }
        Map<Split, Map<String, EnvironmentStats>> envs = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            Map<String, List<EnvironmentError>> byLabel = new TreeMap<>();
            for (CellResult c : cells) {
                for (EnvironmentError e : c.environments().getOrDefault(s, List.of())) {
                    byLabel.computeIfAbsent(e.environment(), k -> new ArrayList<>()).add(e);
                }
            }
            Map<String, EnvironmentStats> m = new TreeMap<>();
            byLabel.forEach((label, list) -> m.put(label, new EnvironmentStats(label, list.get(0).atoms(),
                    list.get(0).trainingAtoms(), Stats.of(list.stream().map(EnvironmentError::forceMae).toList()),
                    Stats.of(list.stream().map(EnvironmentError::forceCosine).toList()))));
            envs.put(s, m);
        }
        return new Row(task, model, cells.get(0).predictsForces(), cells.stream().map(c -> c.cell().seed()).toList(),
                splits, ratios, envs, Stats.of(cells.stream().map(CellResult::trainSeconds).toList()));
    }

    /** Tasks in suite order. */
    public List<String> tasks() { return tasks; }

    /** Models in suite order. */
    public List<String> models() { return models; }

    /** Aggregated rows of one task, in suite model order (models whose cells all failed are absent). */
    public List<Row> rows(String task) {
        return new ArrayList<>(rows.getOrDefault(task, Map.of()).values());
    }

    /** All rows. */
    public List<Row> rows() {
        List<Row> all = new ArrayList<>();
        rows.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /** Cells that failed. */
    public List<CellResult> failures() { return failures; }
}
