package io.moiety.causal;

import io.moiety.data.AtomicFile;
import io.moiety.data.CsvField;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A causal graph's weight matrix as CSV, written atomically: a header row {@code ,name1,name2,…}
 * and one row per variable {@code name_i,b[i][0],b[i][1],…}, so the cell in row {@code i},
 * column {@code j} is the direct effect of variable {@code j} on variable {@code i}.
 */
public final class GraphCsv {
    private GraphCsv() {}

    /** Writes {@code g.b()} to {@code file}, replacing it. */
    public static void write(Path file, CausalGraph g) throws IOException {
        List<String> names = g.names();
        double[][] b = g.b();
        AtomicFile.write(file, true, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                StringBuilder h = new StringBuilder();
                for (String n : names) {
                    h.append(',').append(CsvField.of(n));
                }
                w.write(h.append('\n').toString());
                for (int i = 0; i < names.size(); i++) {
                    StringBuilder row = new StringBuilder(CsvField.of(names.get(i)));
                    for (int j = 0; j < names.size(); j++) {
                        row.append(',').append(b[i][j]);
                    }
                    w.write(row.append('\n').toString());
                }
            }
        });
    }
}
