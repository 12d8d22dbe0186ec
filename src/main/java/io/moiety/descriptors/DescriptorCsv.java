package io.moiety.descriptors;

import io.moiety.data.AtomicFile;
import io.moiety.data.CsvField;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a dataset with descriptor columns: the input's own columns (those named like a
 * descriptor are replaced) followed by one {@code name [unit]} column per descriptor, ten
 * significant digits, an empty cell where a value is missing. Written atomically: a crash
 * leaves the old file or none, never a partial one. {@link FileDescriptorSource} reads it back.
 */
public final class DescriptorCsv {
    private static final MathContext DIGITS = new MathContext(10);

    private DescriptorCsv() {}

    /** Writes {@code input}'s rows with {@code table}'s descriptors to {@code out}. */
    public static void write(Path out, CsvFile input, DescriptorTable table, boolean overwrite) throws IOException {
        if (table.rows() != input.rows().size()) {
            throw new IllegalArgumentException(table.rows() + " descriptor rows for " + input.rows().size() + " input rows");
        }
        Set<String> replaced = new HashSet<>(table.columns());
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < input.header().size(); c++) {
            if (!replaced.contains(DescriptorHeader.parse(input.header().get(c)).name())) {
                kept.add(c);
            }
        }
        AtomicFile.write(out, overwrite, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                List<String> head = new ArrayList<>();
                kept.forEach(c -> head.add(CsvField.of(input.header().get(c))));
                for (int j = 0; j < table.columns().size(); j++) {
                    head.add(CsvField.of(new DescriptorHeader(table.columns().get(j), table.units().get(j)).cell()));
                }
                w.write(String.join(",", head));
                w.write('\n');
                for (int r = 0; r < table.rows(); r++) {
                    List<String> cells = new ArrayList<>();
                    String[] row = input.rows().get(r);
                    kept.forEach(c -> cells.add(CsvField.of(row[c])));
                    for (double v : table.values()[r]) {
                        cells.add(number(v));
                    }
                    w.write(String.join(",", cells));
                    w.write('\n');
                }
            }
        });
    }

    /** A value with ten significant digits, or "" for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
    }

}
