package io.moiety.causal;

import io.moiety.data.io.DataFileException;
import io.moiety.descriptors.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chosen numeric columns of a CSV file as the data of a causal discovery, checked so that every
 * problem is one error naming the file and the column: an unknown or repeated column, a
 * non-numeric cell (with its line), a constant column, fewer rows than variables, a sink that is
 * not one of the columns.
 *
 * @param names the chosen columns, in the order given
 * @param x     their values, rows = samples
 * @param sinks indices into {@code names} of the variables that cause nothing
 */
public record VariableTable(List<String> names, double[][] x, Set<Integer> sinks) {
    public VariableTable {
        names = List.copyOf(names);
        sinks = Set.copyOf(sinks);
    }

    /** Reads and checks {@code columns} of {@code csv} with {@code sinkColumns} as sinks. */
    public static VariableTable read(Path csv, List<String> columns, List<String> sinkColumns) throws IOException {
        if (columns.isEmpty()) {
            throw DataFileException.inFile(csv, "no columns chosen");
        }
        if (new LinkedHashSet<>(columns).size() != columns.size()) {
            throw DataFileException.inFile(csv, "a column is chosen twice: " + String.join(", ", columns));
        }
        CsvFile t = CsvFile.read(csv);
        int[] cols = columns.stream().mapToInt(t::column).toArray();
        Set<Integer> sinks = new LinkedHashSet<>();
        for (String s : sinkColumns) {
            int k = columns.indexOf(s);
            if (k < 0) {
                throw DataFileException.inFile(csv, "sink '" + s + "' is not one of the chosen columns ("
                        + String.join(", ", columns) + ")");
            }
            sinks.add(k);
        }
        if (t.size() <= columns.size()) {
            throw DataFileException.inFile(csv, t.size() + " rows for " + columns.size()
                    + " variables: causal discovery needs more rows than variables");
        }
        double[][] x = new double[t.size()][cols.length];
        for (int r = 0; r < t.size(); r++) {
            for (int k = 0; k < cols.length; k++) {
                x[r][k] = t.number(r, cols[k]);
            }
        }
        List<String> constant = new ArrayList<>();
        for (int k = 0; k < cols.length; k++) {
            boolean same = true;
            for (double[] row : x) {
                same &= row[k] == x[0][k];
            }
            if (same) {
                constant.add(columns.get(k));
            }
        }
        if (!constant.isEmpty()) {
            throw DataFileException.inFile(csv, "column '" + constant.get(0) + "' is constant (" + x[0][columns.indexOf(constant.get(0))]
                    + "): it cannot take part in causal discovery; leave it out of --columns");
        }
        return new VariableTable(columns, x, sinks);
    }

    /** Fits DirectLiNGAM with the sinks. */
    public CausalGraph fit() {
        return new DirectLingam(sinks).fit(x, names);
    }
}
