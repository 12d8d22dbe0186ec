package io.moiety.cli;

import io.moiety.causal.ActiveCausalLearner;
import io.moiety.causal.CausalStudy;
import io.moiety.causal.DesignReport;
import io.moiety.causal.ExtxyzFrames;
import io.moiety.causal.InterventionDesign;
import io.moiety.causal.XtbDipoleStore;
import io.moiety.chem.SmilesGraph;
import io.moiety.chem.Structure;
import io.moiety.descriptors.MoleculeTable;
import io.moiety.label.OpenBabel;
import io.moiety.label.WorkStore;
import io.moiety.label.XtbDipole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code moiety causal design}: interventions towards a target dipole, checked with GFN2-xTB. */
@Command(name = "design",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Design molecules towards a target dipole by interventions; check with xtb.",
            "",
            "Design molecules with a large target property by causal interventions, and",
            "check them with GFN2-xTB.",
            "",
            "The training set is the subset one active-learning run selects (same options",
            "and seed as `moiety causal active`, repeat --repeat). On it: DirectLiNGAM",
            "(target as sink) and a least-squares predictor of the target. Features are",
            "ranked by their interventional effect on the prediction (Blöbaum & Shimizu",
            "2017); the --molecules training molecules with the lowest target get the",
            "intervention do(feature = v) that brings their predicted target to --value,",
            "propagated down the causal graph. Each intervened descriptor vector is mapped",
            "to its --neighbours nearest real molecules in the held-out set, which no model",
            "saw.",
            "",
            "Check: the proposed molecules, as many random held-out molecules, and as many",
            "held-out molecules the predictor rates highest get a GFN2-xTB dipole (xtb --opt",
            "from the --xyz geometry, else from an Open Babel 3D embedding; dipole at the",
            "optimised geometry; resumable in --work). Hit rates above 3 D and 5 D by DFT",
            "(the dataset's label) and by xtb.",
            "",
            "Writes DIR/designs.csv, baselines.csv, plots and report.md/report.html.",
            ""},
        footer = {"",
            "Example:",
            "  moiety causal design --data ../shared/data/qm9-3k/qm9-3k.csv --target dipole --value 5 \\",
            "      --xyz ../shared/data/qm9-3k/qm9-3k.xyz --out causal-design --work causal-work"})
public final class CausalDesignCommand implements Callable<Integer> {
    @Mixin
    CausalDataOptions data;

    @Option(names = "--target", defaultValue = "dipole", paramLabel = "NAME", description = "The target (its label name). Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--value", defaultValue = "5", paramLabel = "V", description = "Desired target value (D for the dipole). Default: ${DEFAULT-VALUE}.")
    double value;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (files in it are replaced).")
    Path out;

    @Option(names = "--molecules", defaultValue = "15", paramLabel = "N", description = "Training molecules to intervene on. Default: ${DEFAULT-VALUE}.")
    int molecules;

    @Option(names = "--neighbours", defaultValue = "3", paramLabel = "K", description = "Nearest held-out molecules per intervention. Default: ${DEFAULT-VALUE}.")
    int neighbours;

    @Option(names = "--feature", paramLabel = "NAME", description = "Feature to intervene on (default: the one with the largest effect).")
    String feature;

    @Option(names = "--batch", defaultValue = "20", paramLabel = "N", description = "Active learning batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--iterations", defaultValue = "40", paramLabel = "N", description = "Active learning iterations. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--repeat", defaultValue = "0", paramLabel = "R", description = "Which seeded active run gives the training set. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--no-xtb", description = "Skip the GFN2-xTB check (hit rates by the dataset's labels only).")
    boolean noXtb;

    @Option(names = "--xyz", paramLabel = "FILE",
            description = "Extended XYZ of the same molecules (comment key --id-col, e.g. ../shared/data/qm9-3k/qm9-3k.xyz): "
                + "xtb --opt starts from these geometries instead of an Open Babel embedding of the SMILES.")
    Path xyz;

    @Option(names = "--work", defaultValue = "causal-work", paramLabel = "DIR", description = "Resumable xtb work directory. Default: ${DEFAULT-VALUE}.")
    Path work;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N", description = "Parallel xtb calls, each single-threaded. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS", description = "Wall-clock limit of each obabel and xtb call. Default: ${DEFAULT-VALUE}.")
    long timeout;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!target.equals("dipole")) {
            throw new IllegalArgumentException("--target must name the target label 'dipole' (read from --target-col), got '" + target + "'");
        }
        CausalStudy study = data.study();
        ActiveCausalLearner learner = new ActiveCausalLearner(study.x(), study.variables(), study.targetIndex(), study.pools(),
                study.xHeldOut(), new ActiveCausalLearner.Settings(batch, iterations, repeat + 1, data.seed));
        int[] subset = learner.run(ActiveCausalLearner.Strategy.ACTIVE, repeat).subset();
        InterventionDesign.Settings settings = new InterventionDesign.Settings(value, molecules, neighbours, feature, data.seed);
        InterventionDesign.Result result = InterventionDesign.design(study, subset, settings);
        Map<Integer, Double> xtb = new LinkedHashMap<>();
        String note = null;
        if (!noXtb) {
            xtb = xtbDipoles(study.table(), result);
            note = "xtb: GFN2-xTB dipole at the xtb-optimised geometry, starting from "
                    + (xyz == null ? "an Open Babel 3D embedding of the SMILES (seeded when faketime is installed)" : "the geometries of " + xyz)
                    + "; " + xtb.size() + " of the molecules have one, failures are listed in " + work.resolve("opt") + ".";
        }
        String command = "moiety " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        DesignReport.write(out, study, result, settings, subset.length, xtb, command, note);
        System.out.printf(Locale.ROOT, "intervened on %s; %d proposals (%d distinct molecules)%n", result.feature(),
                result.candidates().size(), result.proposed().length);
        System.out.println("wrote " + out.resolve("designs.csv") + " and " + out.resolve("report.html"));
        return 0;
    }

    private Map<Integer, Double> xtbDipoles(MoleculeTable table, InterventionDesign.Result r) throws Exception {
        Set<Integer> rows = new LinkedHashSet<>();
        for (int[] set : List.of(r.proposed(), r.random(), r.regressor())) {
            for (int row : set) {
                rows.add(row);
            }
        }
        XtbDipoleStore store = new XtbDipoleStore(work, XtbDipoleStore.Kind.OPT);
        Duration limit = Duration.ofSeconds(timeout);
        XtbDipole xtb = XtbDipole.locate(store.scratch(), limit);
        Map<String, Structure> geometries = new HashMap<>();
        if (xyz != null) {
            List<ExtxyzFrames.Entry> frames = ExtxyzFrames.read(xyz);
            for (int i = 0; i < frames.size(); i++) {
                geometries.put(frames.get(i).get(data.idCol, xyz, i), frames.get(i).structure());
            }
        }
        OpenBabel obabel = xyz == null ? OpenBabel.locate(store.scratch(), limit) : null;
        List<XtbDipoleStore.Job> jobs = new ArrayList<>();
        List<Integer> order = new ArrayList<>(rows);
        for (int row : order) {
            String smiles = table.smiles().get(row);
            String molId = table.ids().get(row);
            String id = molId.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + WorkStore.hash(smiles + "|" + (xyz == null ? "obabel" : "xyz")).substring(0, 8);
            if (xyz == null) {
                jobs.add(new XtbDipoleStore.Job(id, () -> obabel.embed(SmilesGraph.parse(smiles), data.seed)));
            } else {
                Structure s = geometries.get(molId);
                if (s == null) {
                    throw new IllegalArgumentException(xyz + ": no frame with " + data.idCol + "=" + molId);
                }
                jobs.add(XtbDipoleStore.Job.of(id, s));
            }
        }
        List<XtbDipoleStore.Result> results;
        try (ProgressBar bar = ProgressBars.create("xtb dipoles", jobs.size(), "mol")) {
            results = store.run(jobs, xtb, workers, res -> bar.step());
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        int failed = 0;
        for (int k = 0; k < order.size(); k++) {
            if (results.get(k).ok()) {
                out.put(order.get(k), results.get(k).dipoleDebye());
            } else {
                failed++;
                System.err.println("warning: xtb: " + table.ids().get(order.get(k)) + ": " + results.get(k).failure());
            }
        }
        if (failed > 0) {
            System.err.println("warning: " + failed + " of " + order.size() + " molecules have no xtb dipole");
        }
        return out;
    }
}
