package io.moiety.causal;

import io.moiety.data.AtomicFile;
import io.moiety.data.CsvField;
import io.moiety.descriptors.MoleculeTable;
import io.moiety.descriptors.MorganSimilarity;
import io.moiety.report.Charts;
import io.moiety.report.ReportDocument;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of {@code moiety causal design}: {@code designs.csv} (one row per proposed molecule:
 * original, candidate, predicted, DFT and xtb target, Tanimoto similarity), {@code baselines.csv},
 * the hit rates, plots and {@code report.md}/{@code report.html}, all written atomically.
 */
public final class DesignReport {
    /** Thresholds (Debye) of the hit rates. */
    public static final double[] THRESHOLDS = {3.0, 5.0};

    private DesignReport() {}

    /** The share of finite values above a threshold, with the number of finite values. */
    public record Rate(int n, double[] above) {}

    /** Hit rates of a set of values (NaN = missing). */
    public static Rate rate(double[] values) {
        int n = 0;
        double[] above = new double[THRESHOLDS.length];
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                for (int k = 0; k < THRESHOLDS.length; k++) {
                    if (v > THRESHOLDS[k]) {
                        above[k]++;
                    }
                }
            }
        }
        for (int k = 0; k < above.length; k++) {
            above[k] = n == 0 ? Double.NaN : above[k] / n;
        }
        return new Rate(n, above);
    }

    /**
     * Writes everything into {@code dir}. {@code training} is the number of training molecules;
     * {@code xtb} maps table rows to their xtb target (absent when xtb failed or was not run);
     * {@code xtbNote} is a paragraph on how the xtb values were obtained, or null.
     */
    public static void write(Path dir, CausalStudy study, InterventionDesign.Result r, InterventionDesign.Settings s,
                             int training, Map<Integer, Double> xtb, String command, String xtbNote) throws IOException {
        Files.createDirectories(dir);
        MoleculeTable t = study.table();
        int target = t.index(study.variables().get(study.targetIndex()));
        MorganSimilarity sim = new MorganSimilarity();
        List<double[]> tanimoto = new ArrayList<>();
        AtomicFile.write(dir.resolve("designs.csv"), true, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("original_id,original,original_dipole,feature,intervention_value,rank,candidate_id,candidate,distance,"
                        + "intervened_predicted_dipole,predicted_dipole,dft_dipole,xtb_dipole,tanimoto\n");
                for (InterventionDesign.Candidate c : r.candidates()) {
                    double tan = sim.similarity(t.smiles().get(c.original()), t.smiles().get(c.candidate()));
                    tanimoto.add(new double[] {tan});
                    w.write(String.join(",", t.ids().get(c.original()), CsvField.of(t.smiles().get(c.original())),
                            num(t.values()[c.original()][target]), r.feature(), num(c.interventionValue()), Integer.toString(c.rank()),
                            t.ids().get(c.candidate()), CsvField.of(t.smiles().get(c.candidate())), num(c.distance()),
                            num(c.intervenedTarget()), num(c.predictedTarget()), num(t.values()[c.candidate()][target]),
                            num(xtb.getOrDefault(c.candidate(), Double.NaN)), num(tan)) + "\n");
                }
            }
        });
        Map<String, int[]> sets = new LinkedHashMap<>();
        sets.put("designed (causal interventions)", r.proposed());
        sets.put("random held-out molecules", r.random());
        sets.put("highest predicted by the regressor", r.regressor());
        AtomicFile.write(dir.resolve("baselines.csv"), true, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("set,id,smiles,dft_dipole,xtb_dipole\n");
                for (Map.Entry<String, int[]> e : sets.entrySet()) {
                    for (int row : e.getValue()) {
                        w.write(CsvField.of(e.getKey()) + "," + t.ids().get(row) + "," + CsvField.of(t.smiles().get(row)) + ","
                                + num(t.values()[row][target]) + "," + num(xtb.getOrDefault(row, Double.NaN)) + "\n");
                    }
                }
            }
        });
        ReportDocument doc = new ReportDocument("Designed interventions on the " + study.variables().get(study.targetIndex()));
        doc.add(new ReportDocument.Preformatted(command));
        doc.paragraph(String.format(Locale.ROOT, "Graph and least-squares predictor fitted on %d training molecules (an active-learning "
                + "subset); intervened feature: %s; desired %s %.3g; %d lowest-%s training molecules intervened on, each mapped to its "
                + "%d nearest molecules among the %d held-out ones (standardised feature space).", training,
                r.feature(), study.variables().get(study.targetIndex()), s.target(), Math.min(s.molecules(), study.learning().length),
                study.variables().get(study.targetIndex()), s.neighbours(), study.heldOut().length));
        List<List<String>> eff = new ArrayList<>();
        for (int k = 0; k < r.ranking().size(); k++) {
            eff.add(List.of(Integer.toString(k + 1), r.ranking().get(k), ActiveReport.fmt(r.effects()[k])));
        }
        doc.heading(1, "Features by effect on the prediction");
        doc.add(new ReportDocument.Table(List.of("rank", "feature", "effect (standardised)"), eff, new boolean[] {true, false, true}));
        doc.heading(1, "Hit rates");
        if (xtbNote != null) {
            doc.paragraph(xtbNote);
        }
        List<List<String>> rates = new ArrayList<>();
        Map<String, double[]> distributions = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : sets.entrySet()) {
            double[] dft = new double[e.getValue().length];
            double[] x = new double[e.getValue().length];
            for (int k = 0; k < dft.length; k++) {
                dft[k] = t.values()[e.getValue()[k]][target];
                x[k] = xtb.getOrDefault(e.getValue()[k], Double.NaN);
            }
            Rate rd = rate(dft);
            Rate rx = rate(x);
            rates.add(List.of(e.getKey(), Integer.toString(rd.n()), pct(rd.above()[0]), pct(rd.above()[1]), Integer.toString(rx.n()),
                    pct(rx.above()[0]), pct(rx.above()[1])));
            distributions.put(e.getKey() + ", DFT", dft);
            if (rx.n() > 0) {
                distributions.put(e.getKey() + ", xtb", x);
            }
        }
        doc.add(new ReportDocument.Table(List.of("set", "molecules", "DFT > 3 D", "DFT > 5 D", "with xtb", "xtb > 3 D", "xtb > 5 D"),
                rates, new boolean[] {false, true, true, true, true, true, true}));
        double[] originals = r.candidates().stream().mapToInt(InterventionDesign.Candidate::original).distinct()
                .mapToDouble(row -> t.values()[row][target]).toArray();
        Map<String, double[]> dist = new LinkedHashMap<>();
        dist.put("intervened originals, DFT", originals);
        dist.putAll(distributions);
        Charts.save(CausalCharts.histogram("dipole moments", "dipole (D)", dist, 16), dir, "dipoles");
        double[] tan = tanimoto.stream().mapToDouble(a -> a[0]).toArray();
        Charts.save(CausalCharts.histogram("Tanimoto similarity, original vs proposed (ECFP4, 1024 bits)", "Tanimoto similarity",
                Map.of("proposals", tan), 10), dir, "tanimoto");
        doc.add(new ReportDocument.Figures(List.of(
                new ReportDocument.Figure("dipoles.png", "dipoles.svg", "dipole distributions"),
                new ReportDocument.Figure("tanimoto.png", "tanimoto.svg", "Tanimoto similarity of each proposal to its original"))));
        doc.paragraph("Files: designs.csv (one row per proposal), baselines.csv (the molecules of every set).");
        doc.write(dir);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : "–";
    }
}
