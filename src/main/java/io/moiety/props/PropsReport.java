package io.moiety.props;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.moiety.data.AtomicFile;
import io.moiety.data.CsvField;
import io.moiety.descriptors.PropertyTable;
import io.moiety.report.Charts;
import io.moiety.report.ReportDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the property benchmark's outputs into a folder: {@code results.csv} (one row per model ×
 * test set), {@code report.json}, {@code report.md} and {@code report.html}, and under
 * {@code plots/} RMSE/σ_all over N_in per split, parity plots (training and test molecules apart)
 * and the ILR coefficients per category.
 */
public final class PropsReport {
    static final String CSV_HEADER = "dataset,descriptors,model,split,n_in,seed,fold,n_train,n_test,rmse,mae,r2,"
            + "rmse_over_sigma,fit_seconds";

    private PropsReport() {}

    /** Everything the report shows besides the rows. */
    public record Context(String dataset, String descriptors, PropertyTable table, IlrDesign design,
                          String splitsSource, String command) { }

    /** Writes all outputs into {@code out} and returns the path of {@code report.html}. */
    public static Path write(Path out, Context ctx, List<BenchRow> rows) throws IOException {
        Files.createDirectories(out.resolve("plots"));
        AtomicFile.write(out.resolve("results.csv"), true, tmp -> Files.writeString(tmp, csv(rows), StandardCharsets.UTF_8));
        writeJson(out.resolve("report.json"), ctx, rows);
        ReportDocument doc = document(out, ctx, rows);
        return doc.write(out);
    }

    static String csv(List<BenchRow> rows) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (BenchRow r : rows) {
            Metrics m = r.metrics();
            sb.append(String.join(",", CsvField.of(r.dataset()), CsvField.of(r.descriptors()), CsvField.of(r.model()), r.split(),
                    String.valueOf(r.nIn()), String.valueOf(r.seed()), String.valueOf(r.fold()), String.valueOf(r.nTrain()),
                    String.valueOf(m.n()), num(m.rmse()), num(m.mae()), num(m.r2()), num(m.rmseOverSigma()),
                    String.format(Locale.ROOT, "%.3f", r.fitSeconds()))).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static void writeJson(Path file, Context ctx, List<BenchRow> rows) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", ctx.dataset());
        root.put("descriptors", ctx.descriptors());
        root.put("target", ctx.table().targetName());
        root.put("molecules", ctx.table().size());
        root.put("sigma_all", ctx.table().sigmaAll().value());
        root.put("sigma_all_source", ctx.table().sigmaAll().source());
        root.put("splits", ctx.splitsSource());
        root.put("command", ctx.command());
        List<Map<String, Object>> list = new ArrayList<>();
        for (BenchRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", r.model());
            m.put("split", r.split());
            m.put("n_in", r.nIn());
            m.put("seed", r.seed());
            m.put("fold", r.fold());
            m.put("n_train", r.nTrain());
            m.put("n_test", r.metrics().n());
            m.put("rmse", r.metrics().rmse());
            m.put("mae", r.metrics().mae());
            m.put("r2", Double.isFinite(r.metrics().r2()) ? r.metrics().r2() : null);
            m.put("rmse_over_sigma", r.metrics().rmseOverSigma());
            m.put("fit_seconds", r.fitSeconds());
            list.add(m);
        }
        root.put("results", list);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        AtomicFile.write(file, true, tmp -> Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8));
    }

    /** Mean of a metric over the rows of one model × split × N_in (seeds and folds). */
    static double mean(List<BenchRow> rows, String model, String split, int nIn, java.util.function.ToDoubleFunction<Metrics> f) {
        double s = 0;
        int n = 0;
        for (BenchRow r : rows) {
            if (r.model().equals(model) && r.split().equals(split) && r.nIn() == nIn) {
                s += f.applyAsDouble(r.metrics());
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** The summary table: RMSE/σ_all per model (rows) and split × N_in (columns), mean over seeds and folds. */
    public static ReportDocument.Table summary(List<BenchRow> rows, java.util.function.ToDoubleFunction<Metrics> f, String format) {
        List<String> models = rows.stream().map(BenchRow::model).distinct().toList();
        List<String[]> cols = new ArrayList<>();
        for (String kind : BenchSplit.KINDS) {
            for (int nIn : new TreeSet<>(rows.stream().filter(r -> r.split().equals(kind)).map(BenchRow::nIn).toList())) {
                cols.add(new String[] {kind, String.valueOf(nIn)});
            }
        }
        List<String> header = new ArrayList<>(List.of("model"));
        for (String[] c : cols) {
            header.add(c[0].equals("interpolation") ? "interp. (5-fold)" : c[0] + " " + c[1]);
        }
        List<List<String>> body = new ArrayList<>();
        for (String m : models) {
            List<String> line = new ArrayList<>(List.of(m));
            for (String[] c : cols) {
                line.add(String.format(Locale.ROOT, format, mean(rows, m, c[0], Integer.parseInt(c[1]), f)));
            }
            body.add(line);
        }
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, 1, numeric.length, true);
        return new ReportDocument.Table(header, body, numeric);
    }

    private static ReportDocument document(Path out, Context ctx, List<BenchRow> rows) throws IOException {
        PropertyTable t = ctx.table();
        ReportDocument doc = new ReportDocument("Property benchmark: " + ctx.dataset() + " (" + t.targetName() + ")");
        doc.paragraph(String.format(Locale.ROOT, "%d molecules from `%s`; descriptors: %s (%d columns); %d categories; "
                        + "σ_all = %.4f (%s). Splits: %s.", t.size(), t.file(), ctx.descriptors(), t.descriptorNames().size(),
                t.categoryNames().size(), t.sigmaAll().value(), t.sigmaAll().source(), ctx.splitsSource()));
        doc.add(new ReportDocument.Preformatted(ctx.command()));
        doc.heading(2, "RMSE / σ_all (mean over seeds and folds)");
        doc.add(summary(rows, Metrics::rmseOverSigma, "%.3f"));
        doc.heading(2, "R² on the test molecules");
        doc.add(summary(rows, Metrics::r2, "%.3f"));
        doc.heading(2, "RMSE / σ_all over N_in");
        List<ReportDocument.Figure> curves = new ArrayList<>();
        List<String> models = rows.stream().map(BenchRow::model).distinct().toList();
        for (String kind : List.of("property", "cluster", "similarity")) {
            double[] nIns = rows.stream().filter(r -> r.split().equals(kind)).mapToDouble(BenchRow::nIn).distinct().sorted().toArray();
            if (nIns.length == 0) {
                continue;
            }
            Map<String, double[]> series = new LinkedHashMap<>();
            for (String m : models) {
                double[] ys = new double[nIns.length];
                for (int i = 0; i < nIns.length; i++) {
                    ys[i] = mean(rows, m, kind, (int) nIns[i], Metrics::rmseOverSigma);
                }
                series.put(m, ys);
            }
            Charts.save(Charts.lines("extrapolation by " + kind, "N_in (training molecules)", "RMSE / σ_all", nIns, series, true),
                    out.resolve("plots"), "rmse-" + kind);
            curves.add(new ReportDocument.Figure("plots/rmse-" + kind + ".png", "plots/rmse-" + kind + ".svg",
                    "RMSE/σ_all of each model on the " + kind + " split"));
        }
        doc.add(new ReportDocument.Figures(curves));
        doc.heading(2, "Parity plots");
        doc.paragraph("Predicted against measured values for the training molecules and the test (extrapolation) "
                + "molecules, at the N_in closest to 200, first seed.");
        List<ReportDocument.Figure> parity = new ArrayList<>();
        for (String kind : List.of("property", "cluster", "similarity")) {
            for (String m : models) {
                BenchRow r = rows.stream().filter(x -> x.model().equals(m) && x.split().equals(kind))
                        .min(Comparator.comparingInt((BenchRow x) -> Math.abs(x.nIn() - 200)).thenComparingLong(BenchRow::seed))
                        .orElse(null);
                if (r == null) {
                    continue;
                }
                String base = "parity-" + kind + "-" + m.replaceAll("[^A-Za-z0-9]+", "_");
                Charts.save(Charts.parity(m + ", " + kind + " N_in = " + r.nIn(), t.targetName(), "training", r.trainRef(),
                        r.trainPred(), "test", r.testRef(), r.testPred(), 2000), out.resolve("plots"), base);
                parity.add(new ReportDocument.Figure("plots/" + base + ".png", "plots/" + base + ".svg",
                        String.format(Locale.ROOT, "%s on %s N_in = %d: test RMSE %.3f, R² %.3f", m, kind, r.nIn(),
                                r.metrics().rmse(), r.metrics().r2())));
            }
        }
        doc.add(new ReportDocument.Figures(parity));
        if (ctx.design() != null && ctx.design().kept().length > 0) {
            doc.heading(2, "ILR coefficients per category");
            IlrCoefficients c = IlrCoefficients.of(ctx.design(), t);
            doc.paragraph("ILR fitted on all molecules. Each cell is how much a descriptor's slope changes inside "
                    + "the category (coefficient of descriptor × category minus that of descriptor × not-category), "
                    + "times the descriptor's standard deviation: target units per σ of the descriptor.");
            Charts.save(Charts.heatmap("ILR: change of slope inside each category (" + t.targetName() + " per σ)",
                    c.categories(), c.descriptors(), c.slopeChange()), out.resolve("plots"), "ilr-coefficients");
            doc.add(new ReportDocument.Figures(List.of(new ReportDocument.Figure("plots/ilr-coefficients.png",
                    "plots/ilr-coefficients.svg", "ILR slope change per descriptor (rows) and category (columns)"))));
        }
        doc.heading(2, "Files");
        doc.add(new ReportDocument.Bullets(List.of("`results.csv`: one row per model × test set (" + CSV_HEADER + ")",
                "`report.json`: the same with the run's settings")));
        return doc;
    }

    /** The RMSE/σ_all summary as plain text (for the console). */
    public static String summaryText(List<BenchRow> rows) {
        ReportDocument.Table t = summary(rows, Metrics::rmseOverSigma, "%.3f");
        StringBuilder sb = new StringBuilder("RMSE/σ_all (mean over seeds and folds)\n");
        sb.append(String.join("\t", t.header())).append('\n');
        for (List<String> r : t.rows()) {
            sb.append(String.join("\t", r)).append('\n');
        }
        return sb.toString();
    }
}
