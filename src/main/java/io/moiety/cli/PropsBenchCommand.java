package io.moiety.cli;

import io.moiety.descriptors.PropertyReadOptions;
import io.moiety.descriptors.PropertyTable;
import io.moiety.descriptors.PropertyTableReader;
import io.moiety.descriptors.QmexDescriptor;
import io.moiety.props.BenchRow;
import io.moiety.props.BenchSplit;
import io.moiety.props.DescriptorFile;
import io.moiety.props.IlrDesign;
import io.moiety.props.PropertyModel;
import io.moiety.props.PropertyModels;
import io.moiety.props.PropsBench;
import io.moiety.props.PropsReport;
import io.moiety.props.PublishedSplits;
import io.moiety.props.SplitGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moiety props bench}: property models against interpolation and three kinds of extrapolation. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmark property models on a small dataset: how well do they interpolate,",
            "and how well do they extrapolate beyond the training range of the property,",
            "beyond the training structures, and to the least typical molecules?",
            "",
            "Splits: interpolation = 5-fold cross-validation on all molecules;",
            "property = train on a central band of the target, test on both tails;",
            "cluster = train on a group of fingerprint clusters, test on the others;",
            "similarity = train on the most central molecules, test on the rest;",
            "each at N_in (training size) 50, 100, 200, 500. With --splits the published",
            "index lists are replayed exactly; otherwise they are generated with seeded",
            "rules (docs/props.md) for each of --seeds seeds.",
            "",
            "Models: ilr (interactive linear regression: PLS(8) on descriptors,",
            "descriptor x category and category columns; Shimakawa et al. 2024),",
            "lr (PLS(8) on descriptors), nlr (RBF kernel ridge, hyperparameters by",
            "inner 3-fold CV), nlr-paper (the paper's α=0.01033, γ=0.00961), ols,",
            "ridge (λ by inner CV), mlp (DL4J 2x64 tanh network), fingerprint (ECFP4 +",
            "Tanimoto kernel ridge: structure only, no descriptors), ilr+krr (ILR plus",
            "a kernel ridge correction of its residuals).",
            "",
            "Writes results.csv (one row per model x test set), report.json, report.md,",
            "report.html and plots/ into --out, and prints the report's path."},
        footer = {"",
            "Example (the paper's hydration free energies, published splits, σ_all of FreeSolv):",
            "  D=../shared/data/qmex-dgs",
            "  moiety props bench --data $D/bench_dGs_with_qmex_predict.csv --target dGs \\",
            "    --ignore-cols xdis,ydis,UMAP-1,UMAP-2,similarity \\",
            "    --categories $D/bench_dGs_with_category.csv --splits $D/idx_bench_dGs.csv \\",
            "    --sigma-all 3.8448 --out runs/props-dgs",
            "Same molecules on Moiety's own xtb descriptors (from 'moiety props descriptors'):",
            "  ... --descriptors data/qmex-dgs-xtb.csv --out runs/props-dgs-xtb"})
public final class PropsBenchCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "IN.csv", description = "CSV with a SMILES column, the target and (for --descriptors file) descriptor columns.")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "Column of the property to predict.")
    String target;

    @Option(names = "--smiles-col", defaultValue = "smiles", paramLabel = "COL", description = "SMILES column (default: ${DEFAULT-VALUE}).")
    String smilesColumn;

    @Option(names = "--categories", paramLabel = "FILE", description = "CSV of 0/1 chemical categories with the same SMILES column, joined by molecule (default: 0/1 columns of IN.csv).")
    Path categories;

    @Option(names = "--splits", paramLabel = "FILE", description = "Published split file (idx_bench_*.csv) to replay; default: generate splits.")
    Path splits;

    @Option(names = "--descriptors", defaultValue = "file", paramLabel = "file|FILE.csv",
            description = "file: the numeric columns of IN.csv; FILE.csv: the 22 QMex descriptors from a 'moiety props descriptors' output (e.g. xtb ones), matched by SMILES (default: ${DEFAULT-VALUE}).")
    String descriptors;

    @Option(names = "--descriptor-cols", split = ",", paramLabel = "A,B", description = "Descriptor columns of IN.csv (default: every numeric non-0/1 column not ignored).")
    List<String> descriptorColumns;

    @Option(names = "--ignore-cols", split = ",", paramLabel = "A,B", description = "Columns of IN.csv that are neither descriptors nor categories.")
    List<String> ignoreColumns;

    @Option(names = "--models", defaultValue = "ilr,lr,nlr,ridge,mlp,fingerprint", paramLabel = "LIST", split = ",",
            description = "Models to run (default: ${DEFAULT-VALUE}; also nlr-paper, ols, ilr+krr).")
    List<String> models;

    @Option(names = "--n-in", defaultValue = "50,100,200,500", split = ",", paramLabel = "N,...", description = "Training sizes for generated splits (default: ${DEFAULT-VALUE}).")
    List<Integer> nIns;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "K", description = "Seeds for generated splits (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--sigma-all", paramLabel = "S", description = "σ_all for RMSE/σ_all in target units (default: the sample std of the targets read).")
    Double sigmaAll;

    @Option(names = "--skip-invalid", description = "Leave out bad rows with a warning each instead of stopping at the first.")
    boolean skipInvalid;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset name in the outputs (default: the target column).")
    String dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PropertyReadOptions options = PropertyReadOptions.of(smilesColumn, target)
                .withIgnoreColumns(ignoreColumns == null ? null : new HashSet<>(ignoreColumns))
                .withCategoriesFile(categories).withSkipInvalid(skipInvalid).withSigmaAll(sigmaAll);
        if (descriptorColumns != null) {
            options = options.withDescriptorColumns(descriptorColumns);
        }
        PropertyTable table = PropertyTableReader.read(data, options);
        table.skipped().forEach(r -> err.println("skipped " + r));
        String source = "file";
        if (descriptors.equals("xtb")) {
            err.println("--descriptors xtb: compute them first (resumable, parallel) with");
            err.println("  moiety props descriptors --data " + data + " --source xtb --out DESC.csv");
            err.println("then pass --descriptors DESC.csv");
            return 2;
        }
        if (!descriptors.equals("file")) {
            Path file = Path.of(descriptors);
            DescriptorFile.Result r = DescriptorFile.apply(table, file, smilesColumn,
                    QmexDescriptor.all().stream().map(QmexDescriptor::column).toList());
            table = r.table();
            source = file.getFileName().toString();
            if (r.imputed() > 0) {
                err.println(r.imputed() + " missing descriptor values in " + file + " replaced by column medians");
            }
        }
        if (table.descriptorNames().isEmpty()) {
            err.println("no descriptor columns in " + data + "; name them with --descriptor-cols or pass --descriptors FILE.csv");
            return 2;
        }
        List<PropertyModel> list = PropertyModels.parse(String.join(",", models), table);
        List<BenchSplit> all;
        String splitsSource;
        if (splits != null) {
            all = PropsBench.expand(PublishedSplits.read(splits, table.size()), 0);
            splitsSource = "replayed from `" + splits + "` (interpolation: 5-fold CV, seed 0)";
        } else {
            long[] seedList = LongStream.range(0, seeds).toArray();
            all = new ArrayList<>();
            for (long s : seedList) {
                all.addAll(SplitGenerator.interpolation(table.size(), s));
            }
            all.addAll(SplitGenerator.extrapolation(table, nIns.stream().mapToInt(Integer::intValue).toArray(), seedList));
            splitsSource = "generated (docs/props.md rules), seeds 0.." + (seeds - 1);
        }
        String name = dataset != null ? dataset : target;
        List<BenchRow> rows;
        try (ProgressBar bar = ProgressBars.create("props bench", (long) all.size() * list.size(), "fits")) {
            rows = PropsBench.run(name, source, table, list, all, r -> bar.step());
        }
        IlrDesign design = table.categoryNames().isEmpty() ? null : IlrDesign.select(table);
        String command = "moiety " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        Path report = PropsReport.write(out, new PropsReport.Context(name, source, table, design, splitsSource, command), rows);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(PropsReport.summaryText(rows));
        stdout.printf(Locale.ROOT, "report: %s%n", report);
        stdout.flush();
        return 0;
    }
}
