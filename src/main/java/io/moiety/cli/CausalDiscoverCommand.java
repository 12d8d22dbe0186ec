package io.moiety.cli;

import io.moiety.causal.CausalGraph;
import io.moiety.causal.GraphCsv;
import io.moiety.causal.VariableTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moiety causal discover}: DirectLiNGAM on chosen columns of a CSV. */
@Command(name = "discover",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Weighted causal graph (DirectLiNGAM) of chosen numeric columns of a CSV.",
            "",
            "Fit a linear non-Gaussian acyclic model (DirectLiNGAM with the pairwise",
            "likelihood-ratio order and adaptive-lasso edge weights) to chosen numeric",
            "columns of a CSV and write its weighted adjacency matrix B: the cell in row i,",
            "column j is the direct effect of variable j on variable i, in the units of the",
            "data (standardise first for unit-free weights). A --sink variable causes",
            "nothing (prior knowledge; repeat for several).",
            "",
            "The data must have more rows than columns, numbers in every chosen cell and no",
            "constant column; each problem is reported with the file and column.",
            ""},
        footer = {"",
            "Example:",
            "  moiety causal discover --data descriptors.csv --columns TPSA,MolLogP,dipole \\",
            "      --sink dipole --out B.csv"})
public final class CausalDiscoverCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "CSV", description = "Input CSV with a header row.")
    Path data;

    @Option(names = "--columns", required = true, split = ",", paramLabel = "A,B,…", description = "The variables (column names), comma-separated.")
    List<String> columns;

    @Option(names = "--sink", paramLabel = "COL", description = "A variable that causes nothing (repeatable).")
    List<String> sinks = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "B.csv", description = "Output matrix (overwritten).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VariableTable t = VariableTable.read(data, columns, sinks);
        CausalGraph g = t.fit();
        GraphCsv.write(out, g);
        List<String> order = new ArrayList<>();
        for (int i : g.order()) {
            order.add(g.names().get(i));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(t.x().length + " rows, " + columns.size() + " variables; causal order: " + String.join(" → ", order));
        out.println("wrote " + this.out);
        return 0;
    }
}
