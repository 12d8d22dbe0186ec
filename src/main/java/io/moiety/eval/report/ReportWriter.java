package io.moiety.eval.report;

import io.moiety.data.Mappers;
import io.moiety.metrics.EnvironmentError;
import io.moiety.metrics.Metric;
import io.moiety.metrics.ParitySample;
import io.moiety.metrics.SplitMetrics;
import io.moiety.metrics.Stats;
import io.moiety.report.Charts;
import io.moiety.report.Plot;
import io.moiety.report.ReportDocument;
import io.moiety.data.AtomicFile;
import io.moiety.eval.BenchProvenance;
import io.moiety.eval.BenchmarkRunner;
import io.moiety.eval.CellResult;
import io.moiety.eval.Split;
import io.moiety.eval.StandardPotentials;
import io.moiety.eval.Suite;
import io.moiety.eval.Summary;
import io.moiety.task.Identifiability;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a run's report into its folder: {@code report.md}, {@code report.html}, {@code results.json},
 * {@code results.csv}, {@code environments.csv} and {@code plots/*.png|svg}. Regenerated from the
 * cell results on every (resumed) run.
 */
public final class ReportWriter {
    /** Energy-only models' force cells say this. */
    public static final String ENERGY_ONLY = "n/a (energy-only model)";
    private static final List<Metric> TABLE_METRICS = List.of(Metric.ENERGY_MAE, Metric.ENERGY_RMSE,
            Metric.ENERGY_MAE_PER_ATOM, Metric.ENERGY_RMSE_PER_ATOM, Metric.ENERGY_RMSE_OVER_STD,
            Metric.FORCE_MAE, Metric.FORCE_RMSE, Metric.FORCE_RMSE_OVER_STD, Metric.FORCE_COSINE);

    /** Scatter points per split drawn in PNG and (every marker being a path) in SVG parity plots. */
    private static final int PNG_POINTS = 3000;
    private static final int SVG_POINTS = 600;
    /** Folder of the plot files, relative to the report. */
    private static final String PLOTS = "plots";

    private final Path dir;
    private final Suite suite;
    private final List<CellResult> results;
    private final Summary summary;
    private final BenchProvenance info;
    private final Map<String, Identifiability> identifiability;

    public ReportWriter(Path dir, Suite suite, List<CellResult> results, BenchProvenance info) {
        this(dir, suite, results, info, Map.of());
    }

    /** With the identifiability check of each task's OOD energies (by task name), printed per task. */
    public ReportWriter(Path dir, Suite suite, List<CellResult> results, BenchProvenance info, Map<String, Identifiability> identifiability) {
        this.dir = dir;
        this.suite = suite;
        this.results = results;
        this.summary = new Summary(suite, results);
        this.info = info;
        this.identifiability = Map.copyOf(identifiability);
    }

    public Summary summary() { return summary; }

    /** The report's document and the plots it shows, not yet drawn. */
    private record Report(ReportDocument document, List<Plot> plots) {}

    /** Writes every file; returns the path of {@code report.html}. */
    public Path write() throws IOException {
        Files.createDirectories(dir.resolve(PLOTS));
        Report report = report();
        for (Plot p : report.plots()) {
            p.save(dir.resolve(PLOTS));
        }
        ReportDocument doc = report.document();
        doc.write(dir);
        writeJson();
        writeCsv();
        writeEnvironmentsCsv();
        return dir.resolve("report.html");
    }

    // ---------------------------------------------------------------- document

    private Report report() throws IOException {
        List<Plot> plots = new ArrayList<>();
        ReportDocument doc = new ReportDocument("Moiety benchmark: suite `" + suite.name() + "`");
        if (!suite.description().isBlank()) {
            doc.paragraph(suite.description());
        }
        doc.add(new ReportDocument.Bullets(runBullets()));
        doc.paragraph("Energies are totals per frame (eV) unless marked per atom; forces are Cartesian components (eV/Å). "
                + "σ is the standard deviation of the reference over the split, so RMSE/σ = 1 means no better than predicting the split's mean. "
                + "F cos is the mean cosine between predicted and reference force vectors per atom. "
                + "Numbers are mean ± sample standard deviation over seeds (min–max in results.csv). "
                + "Every number is also in `results.json` and `results.csv`; per-environment errors in `environments.csv`.");
        doc.heading(1, "Overview");
        doc.add(overviewTable());
        List<Suite.ModelEntry> zeroShot = suite.models().stream().filter(m -> StandardPotentials.zeroShot(m.overrides())).toList();
        if (!zeroShot.isEmpty()) {
            doc.paragraph(zeroShotNote(zeroShot));
        }
        ReportDocument.Table e0 = referenceEnergyTable();
        if (e0 != null) {
            doc.heading(1, "Reference energies (E0)");
            doc.paragraph("Per-element reference energies E0(Z) added to each trained network's output (eV): "
                    + "isolated-atom energies stored with the data (`training.e0: isolated`, the default when the data "
                    + "has them), a least-squares fit on the task's training energies (`training.e0: least-squares`), or "
                    + "isolated-atom energies corrected by least squares where the training compositions determine it "
                    + "(`training.e0: anchored`).");
            doc.add(e0);
        }
        if (!summary.failures().isEmpty()) {
            doc.heading(1, "Failed cells");
            List<List<String>> rows = new ArrayList<>();
            for (CellResult r : summary.failures()) {
                rows.add(List.of("`" + r.cell().id() + "`", BenchmarkRunner.firstLine(r.error())));
            }
            doc.add(new ReportDocument.Table(List.of("cell", "error (full trace in the cell's error.json)"), rows, null));
        }
        for (String task : summary.tasks()) {
            List<Summary.Row> rows = summary.rows(task);
            doc.heading(1, "Task `" + task + "`");
            if (rows.isEmpty()) {
                doc.paragraph("No finished cell for this task.");
                continue;
            }
            doc.add(taskTable(rows));
            Identifiability check = identifiability.get(task);
            if (check != null) {
                identifiabilitySection(doc, check);
            }
            doc.add(figures(barCharts(task, rows), plots));
            doc.heading(2, "Parity plots");
            doc.paragraph("Energy per atom relative to per-element reference energies e_Z fitted on the task's training frames "
                    + "(every frame), and force components (random subset); first seed; ID test in blue, OOD in red. "
                    + "PNGs show up to " + PNG_POINTS + " points per split, SVGs up to " + SVG_POINTS + ".");
            doc.add(figures(parityPlots(task, rows), plots));
            doc.heading(2, "Force errors by chemical environment");
            doc.paragraph("Force MAE (eV/Å) of atoms grouped by element and bonded neighbours, ID test / OOD, mean over seeds. "
                    + "**new** marks environments absent from the training molecules. Sorted by the largest OOD error.");
            ReportDocument.Table env = environmentTable(rows);
            if (env == null) {
                doc.paragraph("No model in this task predicts forces.");
            } else {
                doc.add(env);
            }
        }
        CommitteeSection.add(doc, dir, results, plots);
        return new Report(doc, plots);
    }

    /** The figures block showing {@code shown}, which are added to {@code all}. */
    private static ReportDocument.Figures figures(List<Plot> shown, List<Plot> all) {
        all.addAll(shown);
        return new ReportDocument.Figures(shown.stream().map(p -> p.figure(PLOTS)).toList());
    }

    /** Each finished cell that states its reference energies, with their source and values; null when none does. */
    private ReportDocument.Table referenceEnergyTable() {
        List<List<String>> rows = new ArrayList<>();
        for (CellResult r : results) {
            if (r.ok() && !r.referenceEnergies().isEmpty()) {
                rows.add(List.of("`" + r.cell().id() + "`", r.referenceEnergies()));
            }
        }
        return rows.isEmpty() ? null : new ReportDocument.Table(List.of("cell", "E0 source and values"), rows, null);
    }

    /** Which OOD energies the training molecules determine; molecules with the same reasons share a row. */
    private static void identifiabilitySection(ReportDocument doc, Identifiability check) {
        doc.heading(2, "Identifiability of the OOD energies");
        doc.paragraph(check.determined() + " of " + check.molecules().size() + " OOD molecules have an energy determined by the "
                + check.training() + " training molecules: their heavy-atom environment counts (group-additivity terms, which fix "
                + "the per-element energies too) are combinations of the training molecules' (rank " + check.rank() + "). "
                + "For the others no model trained on this task can know the total energy; `moiety tasks " + check.task()
                + " --check` prints the same per molecule.");
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Identifiability.Verdict v : check.molecules()) {
            if (!v.determined()) {
                byReason.computeIfAbsent(String.join("; ", v.reasons().stream().map(r -> r.replaceAll("; here .*", "")).toList()),
                        k -> new ArrayList<>()).add("`" + v.name() + "`");
            }
        }
        if (!byReason.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            byReason.forEach((why, names) -> rows.add(List.of(String.join(", ", names), why)));
            doc.add(new ReportDocument.Table(List.of("not determined", "why"), rows, null));
        }
    }

    /** What a zero-shot cell is and how its total energies relate to the labels. */
    private static String zeroShotNote(List<Suite.ModelEntry> models) {
        List<String> names = new ArrayList<>();
        for (Suite.ModelEntry m : models) {
            names.add("`" + m.name() + "` (`" + m.overrides().get(StandardPotentials.TORCHSCRIPT) + "`)");
        }
        return "**Zero-shot** marks deployed TorchScript potentials evaluated as given, without training on the task: "
                + String.join(", ", names) + ". Their train time is zero and their ID and OOD cells see the same model. "
                + "Reference energies: their energies are the totals the model returns (eV), with the model's own "
                + "per-element reference energies (e.g. MACE's E0s); nothing is fitted to the task's training frames. "
                + "A difference between the model's level of theory or reference energies and the labels' therefore "
                + "enters every total-energy error as a per-element offset that grows with the number of atoms, so OOD "
                + "molecules larger than the training molecules show larger energy errors for that reason alone; "
                + "force errors are free of it. Baselines fit their reference energies on the training frames; trained "
                + "networks take them as the section Reference energies (E0) states.";
    }

    /** The model's name, marked when it is evaluated zero-shot. */
    private String label(String model) {
        boolean zero = suite.models().stream().anyMatch(m -> m.name().equals(model) && StandardPotentials.zeroShot(m.overrides()));
        return zero ? model + " (zero-shot)" : model;
    }

    private List<String> runBullets() {
        List<String> b = new ArrayList<>();
        double cellSeconds = results.stream().mapToDouble(r -> r.trainSeconds() + r.evalSeconds()).sum();
        String wall = String.format(Locale.ROOT, "%.1f s", info.wallSeconds());
        if (info.reusedCells() > 0) {
            wall += String.format(Locale.ROOT, " for this invocation, which reused %d of %d cells finished by an earlier"
                    + " invocation of the same command (resume)", info.reusedCells(), results.size());
        }
        b.add("Started " + info.started() + ", wall time " + wall + "; command `" + info.command() + "`");
        b.add(String.format(Locale.ROOT, "Training and evaluation time summed over all %d cells: %.1f s", results.size(), cellSeconds));
        b.add("Suite `" + suite.name() + "` from `" + suite.origin() + "`; tasks " + String.join(", ", suite.tasks())
                + "; seeds " + info.seeds() + "; training overrides " + (suite.overrides().isEmpty() ? "none" : "`" + suite.overrides() + "`"));
        b.add("Data `" + info.dataFile() + "`, SHA-256 `" + info.dataSha256() + "`");
        b.add("Device " + info.device() + "; hardware: " + join(info.hardware()));
        b.add("Versions: " + join(info.versions()));
        return b;
    }

    private static String join(Map<String, String> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    private ReportDocument.Table overviewTable() {
        List<String> header = List.of("task", "model", "E MAE ID (eV)", "E MAE OOD (eV)", "OOD/ID",
                "F MAE ID (eV/Å)", "F MAE OOD (eV/Å)", "OOD/ID", "train (s)");
        List<List<String>> rows = new ArrayList<>();
        for (Summary.Row r : summary.rows()) {
            rows.add(List.of("`" + r.task() + "`", label(r.model()), fmt(r, Split.ID, Metric.ENERGY_MAE), fmt(r, Split.OOD, Metric.ENERGY_MAE),
                    r.oodOverId().get(Metric.ENERGY_MAE).format(),
                    r.predictsForces() ? fmt(r, Split.ID, Metric.FORCE_MAE) : ENERGY_ONLY,
                    r.predictsForces() ? fmt(r, Split.OOD, Metric.FORCE_MAE) : "n/a",
                    r.predictsForces() ? r.oodOverId().get(Metric.FORCE_MAE).format() : "n/a",
                    label(r.model()).equals(r.model()) ? Stats.num(r.trainSeconds().mean()) : "zero-shot"));
        }
        return new ReportDocument.Table(header, rows, new boolean[] {false, false, true, true, true, true, true, true, true});
    }

    private static String fmt(Summary.Row r, Split s, Metric m) {
        if (m.needsForces() && !r.predictsForces()) {
            return m == Metric.FORCE_MAE ? ENERGY_ONLY : "n/a";
        }
        return r.splits().get(s).get(m).format();
    }

    private ReportDocument.Table taskTable(List<Summary.Row> rows) {
        List<String> header = new ArrayList<>(List.of("model", "split", "frames"));
        for (Metric m : TABLE_METRICS) {
            header.add(m.label() + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")"));
        }
        header.add("σ(E) (eV)");
        header.add("σ(F) (eV/Å)");
        List<List<String>> out = new ArrayList<>();
        for (Summary.Row r : rows) {
            for (Split s : Split.values()) {
                List<String> row = new ArrayList<>(List.of(label(r.model()), s.label(), framesOf(r, s)));
                for (Metric m : TABLE_METRICS) {
                    row.add(fmt(r, s, m));
                }
                row.add(r.splits().get(s).get(Metric.ENERGY_STD).format());
                row.add(r.splits().get(s).get(Metric.FORCE_STD).format());
                out.add(row);
            }
            List<String> ratio = new ArrayList<>(List.of(label(r.model()), "**OOD/ID**", ""));
            for (Metric m : TABLE_METRICS) {
                Stats st = r.oodOverId().get(m);
                ratio.add(m.needsForces() && !r.predictsForces() ? "n/a" : st == null ? "" : st.format());
            }
            ratio.add(r.oodOverId().get(Metric.ENERGY_STD).format());
            ratio.add(r.oodOverId().get(Metric.FORCE_STD).format());
            out.add(ratio);
        }
        boolean[] numeric = new boolean[header.size()];
        for (int i = 2; i < numeric.length; i++) {
            numeric[i] = true;
        }
        return new ReportDocument.Table(header, out, numeric);
    }

    private String framesOf(Summary.Row r, Split s) {
        for (CellResult c : results) {
            if (c.ok() && c.cell().task().equals(r.task()) && c.cell().model().equals(r.model()) && c.metrics().containsKey(s)) {
                return String.valueOf(c.metrics().get(s).frames());
            }
        }
        return "";
    }

    private static List<Plot> barCharts(String task, List<Summary.Row> rows) {
        List<Plot> plots = new ArrayList<>();
        List<String> models = rows.stream().map(Summary.Row::model).toList();
        for (Metric m : List.of(Metric.ENERGY_MAE, Metric.FORCE_MAE)) {
            List<Double> id = rows.stream().map(r -> r.splits().get(Split.ID).get(m).mean()).toList();
            List<Double> ood = rows.stream().map(r -> r.splits().get(Split.OOD).get(m).mean()).toList();
            String kind = m == Metric.ENERGY_MAE ? "energy" : "forces";
            String base = "bars-" + safe(task) + "-" + kind;
            var chart = Charts.bars(task + ": " + m.label() + " (log scale)", m.label() + " (" + m.unit() + ")", models, id, ood);
            if (chart == null) {
                continue;
            }
            plots.add(new Plot(base, chart,
                    task + ": ID vs OOD " + kind + " MAE per model" + (m.needsForces() ? " (energy-only models omitted)" : "")));
        }
        return plots;
    }

    private List<Plot> parityPlots(String task, List<Summary.Row> rows) {
        List<Plot> plots = new ArrayList<>();
        for (Summary.Row r : rows) {
            CellResult first = results.stream().filter(c -> c.ok() && c.cell().task().equals(task) && c.cell().model().equals(r.model())
                    && !c.parity().isEmpty()).min(Comparator.comparingLong(c -> c.cell().seed())).orElse(null);
            if (first == null) {
                continue;
            }
            ParitySample id = first.parity().get(Split.ID);
            ParitySample ood = first.parity().get(Split.OOD);
            if (id == null || ood == null) {
                continue;
            }
            String base = "parity-" + safe(task) + "-" + safe(r.model());
            plots.add(new Plot(base + "-energy",
                    Charts.parity(task + " · " + r.model() + ": energy", "(E − Σ e_Z)/N (eV/atom)", id.energyReference(), id.energyPredicted(),
                            ood.energyReference(), ood.energyPredicted(), PNG_POINTS),
                    Charts.parity(task + " · " + r.model() + ": energy", "(E − Σ e_Z)/N (eV/atom)", id.energyReference(), id.energyPredicted(),
                            ood.energyReference(), ood.energyPredicted(), SVG_POINTS),
                    r.model() + ": energy per atom, seed " + first.cell().seed()));
            if (r.predictsForces() && id.forceReference().length > 0) {
                plots.add(new Plot(base + "-forces",
                        Charts.parity(task + " · " + r.model() + ": forces", "F component (eV/Å)", id.forceReference(),
                                id.forcePredicted(), ood.forceReference(), ood.forcePredicted(), PNG_POINTS),
                        Charts.parity(task + " · " + r.model() + ": forces", "F component (eV/Å)", id.forceReference(),
                                id.forcePredicted(), ood.forceReference(), ood.forcePredicted(), SVG_POINTS),
                        r.model() + ": force components (random subset), seed " + first.cell().seed()));
            }
        }
        return plots;
    }

    private ReportDocument.Table environmentTable(List<Summary.Row> rows) {
        List<Summary.Row> nets = rows.stream().filter(Summary.Row::predictsForces).toList();
        if (nets.isEmpty()) {
            return null;
        }
        TreeSet<String> labels = new TreeSet<>();
        for (Summary.Row r : nets) {
            r.environments().values().forEach(m -> labels.addAll(m.keySet()));
        }
        List<String> header = new ArrayList<>(List.of("environment", "train atoms", "ID atoms", "OOD atoms"));
        for (Summary.Row r : nets) {
            header.add(r.model() + " ID / OOD");
        }
        List<Object[]> sortable = new ArrayList<>();
        for (String label : labels) {
            long train = 0, idAtoms = 0, oodAtoms = 0;
            double worst = -1;
            List<String> cells = new ArrayList<>();
            for (Summary.Row r : nets) {
                Summary.EnvironmentStats id = r.environments().get(Split.ID).get(label);
                Summary.EnvironmentStats ood = r.environments().get(Split.OOD).get(label);
                if (id != null) {
                    idAtoms = id.atoms();
                    train = Math.max(train, id.trainingAtoms());
                }
                if (ood != null) {
                    oodAtoms = ood.atoms();
                    train = Math.max(train, ood.trainingAtoms());
                    if (ood.forceMae().defined()) {
                        worst = Math.max(worst, ood.forceMae().mean());
                    }
                }
                cells.add((id == null ? "–" : Stats.num(id.forceMae().mean())) + " / " + (ood == null ? "–" : Stats.num(ood.forceMae().mean())));
            }
            List<String> row = new ArrayList<>();
            row.add("`" + label + "`" + (train == 0 ? " **new**" : ""));
            row.add(String.valueOf(train));
            row.add(String.valueOf(idAtoms));
            row.add(String.valueOf(oodAtoms));
            row.addAll(cells);
            sortable.add(new Object[] {worst, row});
        }
        sortable.sort((a, b) -> Double.compare((double) b[0], (double) a[0]));
        List<List<String>> out = new ArrayList<>();
        for (Object[] o : sortable) {
            @SuppressWarnings("unchecked")
            List<String> row = (List<String>) o[1];
            out.add(row);
        }
        boolean[] numeric = new boolean[header.size()];
        for (int i = 1; i < numeric.length; i++) {
            numeric[i] = true;
        }
        return new ReportDocument.Table(header, out, numeric);
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    // ---------------------------------------------------------------- console

    /** Plain-text overview table for the terminal. */
    public String consoleTable() {
        String fmt = "%-22s %-18s %11s %11s %8s %11s %11s %8s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, fmt, "task", "model", "E MAE ID", "E MAE OOD", "OOD/ID", "F MAE ID", "F MAE OOD", "OOD/ID"));
        sb.append(String.format(Locale.ROOT, fmt, "", "", "(eV)", "(eV)", "", "(eV/Å)", "(eV/Å)", ""));
        for (Summary.Row r : summary.rows()) {
            boolean f = r.predictsForces();
            sb.append(String.format(Locale.ROOT, fmt, r.task(), r.model(),
                    Stats.num(r.splits().get(Split.ID).get(Metric.ENERGY_MAE).mean()),
                    Stats.num(r.splits().get(Split.OOD).get(Metric.ENERGY_MAE).mean()),
                    Stats.num(r.oodOverId().get(Metric.ENERGY_MAE).mean()),
                    f ? Stats.num(r.splits().get(Split.ID).get(Metric.FORCE_MAE).mean()) : "energy-only",
                    f ? Stats.num(r.splits().get(Split.OOD).get(Metric.FORCE_MAE).mean()) : "n/a",
                    f ? Stats.num(r.oodOverId().get(Metric.FORCE_MAE).mean()) : "n/a"));
        }
        for (CellResult r : summary.failures()) {
            sb.append("FAILED ").append(r.cell().id()).append(": ").append(BenchmarkRunner.firstLine(r.error())).append('\n');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- json / csv

    private void writeJson() throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", info.toMap());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", suite.name());
        s.put("origin", suite.origin());
        s.put("description", suite.description());
        s.put("data", suite.data());
        s.put("tasks", suite.tasks());
        s.put("models", suite.models().stream().map(m -> Map.of("name", m.name(), "overrides", m.overrides(), "tasks", m.tasks())).toList());
        s.put("seeds", suite.seeds());
        s.put("overrides", suite.overrides());
        root.put("suite", s);
        root.put("units", Map.of("energy", "eV", "energy_per_atom", "eV/atom", "force", "eV/Å"));
        List<Map<String, Object>> summaryRows = new ArrayList<>();
        for (Summary.Row r : summary.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", r.task());
            m.put("model", r.model());
            m.put("predicts_forces", r.predictsForces());
            m.put("seeds", r.seeds());
            for (Split sp : Split.values()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                r.splits().get(sp).forEach((k, v) -> sm.put(k.key(), v.toMap()));
                m.put(sp.key(), sm);
            }
            Map<String, Object> ratio = new LinkedHashMap<>();
            r.oodOverId().forEach((k, v) -> ratio.put(k.key(), v.toMap()));
            m.put("ood_over_id", ratio);
            m.put("train_seconds", r.trainSeconds().toMap());
            summaryRows.add(m);
        }
        root.put("summary", summaryRows);
        root.put("cells", results.stream().map(c -> c.toMap(false)).toList());
        AtomicFile.write(dir.resolve("results.json"), true, tmp -> Mappers.JSON.writeValue(tmp.toFile(), root));
    }

    private void writeCsv() throws IOException {
        AtomicFile.write(dir.resolve("results.csv"), true, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("task,model,seed,split,status,frames,atoms,train_seconds");
                for (Metric m : Metric.values()) {
                    w.write("," + m.key());
                }
                w.write('\n');
                for (CellResult c : results) {
                    if (!c.ok()) {
                        w.write(String.join(",", c.cell().task(), c.cell().model(), String.valueOf(c.cell().seed()), "", "failed", "", "", ""));
                        w.write(",".repeat(Metric.values().length));
                        w.write('\n');
                        continue;
                    }
                    for (Split s : Split.values()) {
                        SplitMetrics sm = c.metrics().get(s);
                        if (sm == null) {
                            continue;
                        }
                        w.write(String.join(",", c.cell().task(), c.cell().model(), String.valueOf(c.cell().seed()), s.key(), "ok",
                                String.valueOf(sm.frames()), String.valueOf(sm.atoms()), num(c.trainSeconds())));
                        for (Metric m : Metric.values()) {
                            w.write("," + num(sm.get(m)));
                        }
                        w.write('\n');
                    }
                }
                for (Summary.Row r : summary.rows()) {
                    for (String stat : List.of("mean", "std", "min", "max")) {
                        for (Split s : Split.values()) {
                            aggregateRow(w, r, stat, s.key(), r.splits().get(s));
                        }
                        aggregateRow(w, r, stat, "ood/id", r.oodOverId());
                    }
                }
            }
        });
    }

    private static void aggregateRow(BufferedWriter w, Summary.Row r, String stat, String split, Map<Metric, Stats> values) throws IOException {
        w.write(String.join(",", r.task(), r.model(), stat, split, "aggregate", "", "", ""));
        for (Metric m : Metric.values()) {
            Stats st = values.get(m);
            double v = st == null ? Double.NaN : switch (stat) {
                case "mean" -> st.mean();
                case "std" -> st.std();
                case "min" -> st.min();
                default -> st.max();
            };
            w.write("," + num(v));
        }
        w.write('\n');
    }

    private void writeEnvironmentsCsv() throws IOException {
        AtomicFile.write(dir.resolve("environments.csv"), true, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("task,model,seed,split,environment,atoms,training_atoms,force_mae,force_rmse,force_cosine\n");
                for (CellResult c : results) {
                    if (!c.ok()) {
                        continue;
                    }
                    for (Split s : Split.values()) {
                        for (EnvironmentError e : c.environments().getOrDefault(s, List.of())) {
                            w.write(String.join(",", c.cell().task(), c.cell().model(), String.valueOf(c.cell().seed()), s.key(),
                                    "\"" + e.environment() + "\"", String.valueOf(e.atoms()), String.valueOf(e.trainingAtoms()),
                                    num(e.forceMae()), num(e.forceRmse()), num(e.forceCosine())));
                            w.write('\n');
                        }
                    }
                }
            }
        });
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.8g", v) : "";
    }
}
