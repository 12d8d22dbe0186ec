package io.moiety.eval.report;

import io.moiety.eval.CellResult;
import io.moiety.eval.CommitteeUncertainty;
import io.moiety.eval.Split;
import io.moiety.report.Charts;
import io.moiety.report.Plot;
import io.moiety.report.ReportDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's committee-uncertainty section: for every (task, model) run with several seeds, how
 * well the seeds' spread tells OOD frames from ID test frames (ROC-AUC) and ranks the OOD errors
 * (correlations), with error-against-uncertainty plots; per-frame values go to
 * {@code committee/TASK/MODEL/frames-{id,ood}.csv}.
 */
final class CommitteeSection {
    private static final int PNG_POINTS = 3000;
    private static final int SVG_POINTS = 600;

    private CommitteeSection() {}

    /**
     * Adds the section to {@code doc} when the run has a committee (a model with ≥ 2 finished seeds
     * on a task), and its plots (not yet drawn) to {@code plots}.
     */
    static void add(ReportDocument doc, Path runDir, List<CellResult> results, List<Plot> plots) throws IOException {
        List<CommitteeUncertainty> committees = CommitteeUncertainty.of(runDir, results);
        if (committees.isEmpty()) {
            return;
        }
        doc.heading(1, "Committee uncertainty");
        doc.paragraph("The cells of one model and task with different seeds form a committee of K members. Per frame: "
                + "E σ is the sample standard deviation of the members' total energies (eV), E σ/N the same per atom; "
                + "F σ is the mean over atoms of the norm of the per-atom force-component standard deviations (eV/Å). "
                + "Errors are those of the members' mean: |ΔE| in total energy (eV) and the mean over atoms of the "
                + "force-error vector norm (eV/Å). AUC: ROC-AUC of the uncertainty for telling OOD frames (positive) "
                + "from ID test frames (Mann–Whitney form, ties counted half; 0.5 = chance, 1 = perfect). ρ: Spearman "
                + "and r: Pearson correlation between uncertainty and error over the OOD frames. Per-frame values in "
                + "`committee/TASK/MODEL/frames-{id,ood}.csv`.");
        List<List<String>> rows = new ArrayList<>();
        for (CommitteeUncertainty c : committees) {
            rows.add(List.of(c.task(), c.model(), Integer.toString(c.seeds().size()),
                    Integer.toString(c.frames().get(Split.ID).size()), Integer.toString(c.frames().get(Split.OOD).size()),
                    num(c.energyAuc()), num(c.energyPerAtomAuc()), num(c.forceAuc()),
                    num(c.energySpearmanOod()) + " / " + num(c.energyPearsonOod()),
                    num(c.forceSpearmanOod()) + " / " + num(c.forcePearsonOod())));
        }
        doc.add(new ReportDocument.Table(List.of("task", "model", "K", "ID frames", "OOD frames", "AUC E σ",
                "AUC E σ/N", "AUC F σ", "OOD ρ / r (E σ, |ΔE|)", "OOD ρ / r (F σ, F err)"), rows,
                new boolean[] {false, false, true, true, true, true, true, true, false, false}));
        List<Plot> shown = new ArrayList<>();
        for (CommitteeUncertainty c : committees) {
            c.write(runDir.resolve("committee").resolve(c.task()).resolve(c.model()));
            shown.add(plot(c, false));
            if (c.hasForces()) {
                shown.add(plot(c, true));
            }
        }
        plots.addAll(shown);
        doc.add(new ReportDocument.Figures(shown.stream().map(p -> p.figure("plots")).toList()));
    }

    private static Plot plot(CommitteeUncertainty c, boolean forces) {
        CommitteeUncertainty.Frames id = c.frames().get(Split.ID);
        CommitteeUncertainty.Frames ood = c.frames().get(Split.OOD);
        String what = forces ? "force" : "energy";
        String title = c.task() + " · " + c.model() + " ×" + c.seeds().size() + ": " + what;
        String x = forces ? "F σ (eV/Å)" : "E σ (eV)";
        String y = forces ? "force error (eV/Å)" : "|ΔE| (eV)";
        double[][] a = forces ? new double[][] {id.forceStd(), id.forceError(), ood.forceStd(), ood.forceError()}
                : new double[][] {id.energyStd(), id.energyError(), ood.energyStd(), ood.energyError()};
        String base = "committee-" + ReportWriter.safe(c.task()) + "-" + ReportWriter.safe(c.model()) + "-" + what;
        return new Plot(base, Charts.logLogScatter(title, x, y, "ID test", a[0], a[1], "OOD", a[2], a[3], PNG_POINTS),
                Charts.logLogScatter(title, x, y, "ID test", a[0], a[1], "OOD", a[2], a[3], SVG_POINTS),
                "Committee " + what + " error against uncertainty, " + c.task() + " · " + c.model());
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
