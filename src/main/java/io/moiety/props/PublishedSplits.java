package io.moiety.props;

import io.moiety.data.io.DataFileException;
import io.moiety.descriptors.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the authors' split file ({@code idx_bench_*.csv} of QMex-ILR): one row per split with
 * columns {@code extra} (property, cluster, similarity or interpolation), {@code n_inter} (N_in)
 * and {@code idx_inter}/{@code idx_extra} (Python-list strings of 0-based rows: training and
 * test). Only the final splits are kept: extrapolation rows with N_in in {50, 100, 200, 500} and
 * the interpolation row (all molecules, to be cross-validated); rows with negative
 * {@code n_inter} belong to an earlier sweep and are left out.
 */
public final class PublishedSplits {
    private static final Set<Integer> N_IN = Set.of(50, 100, 200, 500);

    private PublishedSplits() {}

    /**
     * The final splits of {@code file}, checked against a table of {@code molecules} rows. The
     * interpolation row comes back as one split with all its rows in {@code train} and an
     * empty test set.
     */
    public static List<BenchSplit> read(Path file, int molecules) throws IOException {
        CsvFile csv = CsvFile.read(file);
        int extra = csv.column("extra");
        int nInter = csv.column("n_inter");
        int inter = csv.column("idx_inter");
        int ex = csv.column("idx_extra");
        List<BenchSplit> out = new ArrayList<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            String[] row = csv.rows().get(r);
            int line = csv.lines()[r];
            String kind = row[extra].trim();
            int n;
            try {
                n = Integer.parseInt(row[nInter].trim());
            } catch (NumberFormatException e) {
                throw DataFileException.atLine(file, line, "n_inter", "not an integer: '" + row[nInter] + "'");
            }
            boolean interpolation = kind.equals("interpolation");
            if (!interpolation && !(BenchSplit.KINDS.contains(kind) && N_IN.contains(n))) {
                continue;
            }
            int[] train = indices(file, line, "idx_inter", row[inter], molecules);
            int[] test = indices(file, line, "idx_extra", row[ex], molecules);
            out.add(new BenchSplit(kind, interpolation ? train.length : n, 0, 0, train, test));
        }
        if (out.isEmpty()) {
            throw DataFileException.inFile(file, "no final splits (extra in property|cluster|similarity with n_inter in 50,100,200,500, or interpolation)");
        }
        return out;
    }

    private static int[] indices(Path file, int line, String column, String text, int molecules) {
        String s = text.trim();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw DataFileException.atLine(file, line, column, "expected a list like [0, 5, 7]");
        }
        String body = s.substring(1, s.length() - 1).trim();
        if (body.isEmpty()) {
            return new int[0];
        }
        String[] parts = body.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw DataFileException.atLine(file, line, column, "not an integer: '" + parts[i].trim() + "'");
            }
            if (out[i] < 0 || out[i] >= molecules) {
                throw DataFileException.atLine(file, line, column, "row " + out[i] + " outside the table of "
                        + molecules + " molecules");
            }
        }
        return out;
    }
}
