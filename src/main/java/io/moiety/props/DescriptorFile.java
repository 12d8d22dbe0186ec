package io.moiety.props;

import io.moiety.data.io.DataFileException;
import io.moiety.descriptors.CsvFile;
import io.moiety.descriptors.DescriptorHeader;
import io.moiety.descriptors.PropertyTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the descriptors of a separate CSV (e.g. the output of {@code moiety props descriptors})
 * into a property table, matching molecules by their SMILES text. For each descriptor name the
 * last column of that name (with or without a {@code [unit]} suffix) is used, so computed columns
 * appended after the input's own win over them. A missing value (empty cell or failed molecule) is
 * replaced by the column's median over all molecules; {@link Result#imputed()} counts them.
 */
public final class DescriptorFile {
    private DescriptorFile() {}

    /** The table with the file's descriptors and the number of imputed cells. */
    public record Result(PropertyTable table, int imputed, List<String> units) { }

    public static Result apply(PropertyTable table, Path file, String smilesColumn, List<String> names) throws IOException {
        CsvFile csv = CsvFile.read(file);
        int sc = csv.column(smilesColumn);
        int[] cols = new int[names.size()];
        List<String> units = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            cols[j] = -1;
            for (int c = 0; c < csv.header().size(); c++) {
                if (DescriptorHeader.parse(csv.header().get(c)).name().equals(names.get(j))) {
                    cols[j] = c;
                }
            }
            if (cols[j] < 0) {
                throw DataFileException.inFile(file, "no descriptor column '" + names.get(j) + "'; columns are "
                        + String.join(", ", csv.header()));
            }
            units.add(DescriptorHeader.parse(csv.header().get(cols[j])).unit());
        }
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            rowOf.putIfAbsent(csv.rows().get(r)[sc].strip(), r);
        }
        double[][] values = new double[table.size()][names.size()];
        for (int i = 0; i < table.size(); i++) {
            Integer r = rowOf.get(table.smiles().get(i));
            if (r == null) {
                throw DataFileException.inFile(file, "no row for molecule '" + table.smiles().get(i) + "' ("
                        + table.file() + " line " + table.lines()[i] + ")");
            }
            String[] row = csv.rows().get(r);
            for (int j = 0; j < cols.length; j++) {
                String cell = row[cols[j]].strip();
                try {
                    values[i][j] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw DataFileException.atLine(file, csv.lines()[r], csv.header().get(cols[j]), "not a number: '" + cell + "'");
                }
            }
        }
        int imputed = 0;
        for (int j = 0; j < names.size(); j++) {
            final int col = j;
            double[] known = Arrays.stream(values).mapToDouble(v -> v[col]).filter(Double::isFinite).sorted().toArray();
            if (known.length == 0) {
                throw DataFileException.inFile(file, "descriptor '" + names.get(j) + "' has no values");
            }
            double median = known[known.length / 2];
            for (double[] v : values) {
                if (!Double.isFinite(v[j])) {
                    v[j] = median;
                    imputed++;
                }
            }
        }
        return new Result(table.withDescriptors(names, values), imputed, units);
    }
}
