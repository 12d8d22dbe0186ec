package io.moiety.causal;

import io.moiety.data.AtomicFile;
import io.moiety.report.Charts;
import io.moiety.report.ReportDocument;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of {@code moiety causal active}: {@code curves.csv} (one row per strategy, repeat and
 * iteration), {@code selection.csv} (the feature ranking), {@code global_graph.csv} (B of all
 * learning molecules), the plots and {@code report.md}/{@code report.html}. All written atomically.
 */
public final class ActiveReport {
    private ActiveReport() {}

    /** Writes everything into {@code dir}. */
    public static void write(Path dir, CausalStudy study, ActiveCausalLearner learner, ActiveCausalLearner.Settings settings,
                             List<ActiveCausalLearner.Run> runs, double seconds, String command) throws IOException {
        Files.createDirectories(dir);
        writeCurves(dir.resolve("curves.csv"), runs);
        writeSelection(dir.resolve("selection.csv"), study.selection());
        GraphCsv.write(dir.resolve("global_graph.csv"), learner.globalGraph());
        List<LearningCurves> curves = List.of(LearningCurves.of(runs, ActiveCausalLearner.Strategy.ACTIVE, learner.pools()),
                LearningCurves.of(runs, ActiveCausalLearner.Strategy.RANDOM, learner.pools()));
        Charts.save(CausalCharts.curves(curves, CausalCharts.Quantity.GRAPH_LOSS), dir, "graph_loss");
        Charts.save(CausalCharts.curves(curves, CausalCharts.Quantity.R2), dir, "r2");
        Charts.save(CausalCharts.poolChoices(curves, learner.pools()), dir, "pools");
        ReportDocument doc = document(study, learner, settings, curves, seconds, command);
        doc.write(dir);
    }

    /** The header of {@code curves.csv}. */
    public static final String CURVES_HEADER = "strategy,repeat,iteration,size,graph_loss,r2,pool";

    static void writeCurves(Path file, List<ActiveCausalLearner.Run> runs) throws IOException {
        AtomicFile.write(file, true, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(CURVES_HEADER + "\n");
                for (ActiveCausalLearner.Run r : runs) {
                    for (ActiveCausalLearner.Step s : r.steps()) {
                        w.write(s.strategy().label() + "," + s.repeat() + "," + s.iteration() + "," + s.size() + ","
                                + s.graphLoss() + "," + s.r2() + "," + s.pool() + "\n");
                    }
                }
            }
        });
    }

    private static void writeSelection(Path file, FeatureSelection sel) throws IOException {
        AtomicFile.write(file, true, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("rank,feature,abs_mean_outgoing_effect,kept\n");
                for (int k = 0; k < sel.ranking().size(); k++) {
                    w.write((k + 1) + "," + sel.ranking().get(k) + "," + sel.effects()[k] + "," + (k < sel.kept().size()) + "\n");
                }
            }
        });
    }

    private static ReportDocument document(CausalStudy study, ActiveCausalLearner learner, ActiveCausalLearner.Settings s,
                                           List<LearningCurves> curves, double seconds, String command) {
        ReportDocument doc = new ReportDocument("Active causal learning");
        doc.paragraph(String.format(Locale.ROOT,
                "%d molecules: %d for learning, %d held out (never selected; R² test set). Batch %d, %d iterations, "
                        + "%d repeats per strategy, seed %d. Run time %.1f s.",
                study.table().size(), study.learning().length, study.heldOut().length, s.batch(), s.iterations(), s.repeats(),
                s.seed(), seconds));
        doc.add(new ReportDocument.Preformatted(command));
        doc.heading(1, "Causal feature selection");
        doc.paragraph("DirectLiNGAM on all standardised descriptors with the polarisability as sink; features ranked by "
                + "|mean outgoing direct effect|; kept: " + String.join(", ", study.selection().kept()) + ", plus the dipole.");
        List<List<String>> rows = new ArrayList<>();
        FeatureSelection sel = study.selection();
        for (int k = 0; k < sel.ranking().size(); k++) {
            rows.add(List.of(Integer.toString(k + 1), sel.ranking().get(k), fmt(sel.effects()[k]), k < sel.kept().size() ? "yes" : ""));
        }
        doc.add(new ReportDocument.Table(List.of("rank", "feature", "|mean outgoing effect|", "kept"), rows,
                new boolean[] {true, false, true, false}));
        doc.heading(1, "Pools");
        int[] sizes = new int[learner.pools()];
        for (int p : study.pools()) {
            sizes[p]++;
        }
        List<List<String>> poolRows = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            double[] m = study.mixture().means()[k];
            poolRows.add(List.of("pool " + k, Integer.toString(sizes[k]), fmt(study.mixture().weights()[k]),
                    String.format(Locale.ROOT, "%.2f, %.2f, %.2f", m[0], m[1], m[2])));
        }
        doc.add(new ReportDocument.Table(List.of("pool", "molecules", "mixture weight", "mean (MolLogP, TPSA, MolMR; standardised)"),
                poolRows, new boolean[] {false, true, true, false}));
        doc.heading(1, "Learning curves");
        List<List<String>> sum = new ArrayList<>();
        for (LearningCurves c : curves) {
            int last = c.length() - 1;
            sum.add(List.of(c.strategy().label(), fmt(c.size()[last]), fmt(c.loss()[0]) + " ± " + fmt(c.lossSd()[0]),
                    fmt(c.loss()[last]) + " ± " + fmt(c.lossSd()[last]), fmt(c.r2()[last]) + " ± " + fmt(c.r2Sd()[last]),
                    fmt(c.sizeWithin(0.1))));
        }
        doc.add(new ReportDocument.Table(List.of("strategy", "final size", "graph loss, first iteration", "graph loss, last",
                "held-out R², last", "size from which the mean loss stays within 10 % of its last value"), sum,
                new boolean[] {false, true, true, true, true, true}));
        doc.add(new ReportDocument.Figures(List.of(
                new ReportDocument.Figure("graph_loss.png", "graph_loss.svg", "graph loss over subset size, mean ± sd over repeats"),
                new ReportDocument.Figure("r2.png", "r2.svg", "held-out R² of the least-squares dipole regressor"),
                new ReportDocument.Figure("pools.png", "pools.svg", "pool of each added batch"))));
        doc.paragraph("Files: curves.csv (strategy, repeat, iteration, size, graph_loss, r2, pool), selection.csv, "
                + "global_graph.csv (B of all learning molecules, standardised units; row = effect, column = cause).");
        return doc;
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4g", v) : "–";
    }
}
