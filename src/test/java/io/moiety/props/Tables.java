package io.moiety.props;

import io.moiety.descriptors.PropertyTable;
import io.moiety.descriptors.SigmaAll;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Synthetic property tables for model tests. */
final class Tables {
    private Tables() {}

    /** Descriptors {@code x}, targets {@code y}, categories {@code c} (may be null); SMILES are alkanes. */
    static PropertyTable of(double[][] x, double[] y, boolean[][] c) {
        int n = y.length;
        List<String> smiles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            smiles.add("C".repeat(i + 1));
        }
        List<String> dn = new ArrayList<>();
        for (int j = 0; j < x[0].length; j++) {
            dn.add("d" + j);
        }
        int k = c == null ? 0 : c[0].length;
        List<String> cn = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            cn.add("c" + j);
        }
        boolean[][] cats = c == null ? new boolean[n][0] : c;
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            lines[i] = i + 2;
        }
        return new PropertyTable(Path.of("synthetic.csv"), "y", smiles, smiles, lines, y, dn, x, cn, cats,
                SigmaAll.of(y), Collections.emptyList());
    }
}
