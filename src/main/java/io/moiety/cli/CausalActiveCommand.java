package io.moiety.cli;

import io.moiety.causal.ActiveCausalLearner;
import io.moiety.causal.ActiveReport;
import io.moiety.causal.CausalStudy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code moiety causal active}: active vs random causal learning curves. */
@Command(name = "active",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Active causal learning (Fox & Ghosh 2024) against a random baseline.",
            "",
            "1. CDK descriptors of every SMILES (see docs/causal.md); a seeded fraction of",
            "   the molecules is held out.",
            "2. Causal feature selection: DirectLiNGAM on all standardised descriptors with",
            "   the polarisability as sink; the --keep features with the largest |mean",
            "   outgoing effect| are kept, plus the dipole (the target, a sink from here",
            "   on).",
            "3. Pools: a seeded Gaussian mixture on (MolLogP, TPSA, MolMR).",
            "4. Each run starts from one random molecule. Active: every iteration draws a",
            "   batch from each pool, fits DirectLiNGAM on the subset plus each batch and",
            "   keeps the batch whose graph is nearest (Laplacian spectral distance) to the",
            "   graph of all learning molecules. Random: a batch from a random pool.",
            "",
            "Writes DIR/curves.csv (strategy,repeat,iteration,size,graph_loss,r2,pool; r2 is",
            "the held-out R² of a least-squares dipole regressor fitted on the subset),",
            "selection.csv, global_graph.csv, plots and report.md/report.html.",
            ""},
        footer = {"",
            "Example (the published setting, 10 seeded repeats):",
            "  moiety causal active --data ../shared/data/qm9-3k/qm9-3k.csv --out causal-active"})
public final class CausalActiveCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    CausalDataOptions data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (files in it are replaced).")
    Path out;

    @Option(names = "--batch", defaultValue = "20", paramLabel = "N", description = "Molecules added per iteration. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--iterations", defaultValue = "40", paramLabel = "N", description = "Iterations per run. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--repeats", defaultValue = "10", paramLabel = "N", description = "Seeded repeats per strategy. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N", description = "Runs in parallel (results do not depend on it). Default: ${DEFAULT-VALUE}.")
    int workers;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        CausalStudy study = data.study();
        ActiveCausalLearner.Settings settings = new ActiveCausalLearner.Settings(batch, iterations, repeats, data.seed);
        ActiveCausalLearner learner = new ActiveCausalLearner(study.x(), study.variables(), study.targetIndex(), study.pools(),
                study.xHeldOut(), settings);
        System.err.println("kept features: " + String.join(", ", study.selection().kept()));
        List<ActiveCausalLearner.Run> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
        try (ProgressBar bar = ProgressBars.create("causal runs", 2L * repeats, "run")) {
            List<Future<ActiveCausalLearner.Run>> futures = new ArrayList<>();
            for (ActiveCausalLearner.Strategy s : ActiveCausalLearner.Strategy.values()) {
                for (int r = 0; r < repeats; r++) {
                    int repeat = r;
                    futures.add(pool.submit(() -> {
                        ActiveCausalLearner.Run run = learner.run(s, repeat);
                        bar.step();
                        return run;
                    }));
                }
            }
            for (Future<ActiveCausalLearner.Run> f : futures) {
                try {
                    runs.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String command = "moiety " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        ActiveReport.write(out, study, learner, settings, runs, seconds, command);
        System.out.printf(Locale.ROOT, "%d runs in %.1f s%n", runs.size(), seconds);
        System.out.println("wrote " + out.resolve("curves.csv") + " and " + out.resolve("report.html"));
        return 0;
    }
}
