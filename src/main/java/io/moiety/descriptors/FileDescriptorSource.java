package io.moiety.descriptors;

import io.moiety.data.io.DataFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Descriptors read from columns of a CSV file whose rows are the molecules, in the same order as
 * the SMILES asked for (the SMILES column is checked against them). Columns are found by name,
 * with or without a unit suffix ({@code homo} matches {@code homo} and {@code homo [eV]}); an
 * empty cell is a missing value (NaN), any other non-number an error naming file, line and column.
 */
public final class FileDescriptorSource implements DescriptorSource {
    private final CsvFile csv;
    private final String smilesColumn;
    private final List<String> names;

    /**
     * @param names descriptor names to read; empty for the 22 QMex descriptors
     */
    public FileDescriptorSource(CsvFile csv, String smilesColumn, List<String> names) {
        this.csv = csv;
        this.smilesColumn = smilesColumn;
        this.names = names.isEmpty() ? QmexDescriptor.all().stream().map(QmexDescriptor::column).toList() : List.copyOf(names);
    }

    @Override
    public String name() { return "file"; }

    /** Index of the column named {@code name} (with or without a unit), or −1. */
    public static int find(List<String> header, String name) {
        for (int c = 0; c < header.size(); c++) {
            if (DescriptorHeader.parse(header.get(c)).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    @Override
    public DescriptorTable descriptors(List<String> smiles) {
        int sc = csv.column(smilesColumn);
        if (smiles.size() != csv.rows().size()) {
            throw DataFileException.inFile(csv.file(), csv.rows().size() + " rows, but descriptors were asked for " + smiles.size() + " molecules");
        }
        int[] cols = new int[names.size()];
        List<String> units = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            cols[j] = find(csv.header(), names.get(j));
            if (cols[j] < 0) {
                throw DataFileException.inFile(csv.file(), "no descriptor column '" + names.get(j) + "' (with or without [unit]); columns are "
                        + String.join(", ", csv.header()));
            }
            units.add(DescriptorHeader.parse(csv.header().get(cols[j])).unit());
        }
        double[][] values = new double[smiles.size()][names.size()];
        List<String> failures = new ArrayList<>();
        for (int r = 0; r < smiles.size(); r++) {
            String[] row = csv.rows().get(r);
            int line = csv.lines()[r];
            if (!row[sc].strip().equals(smiles.get(r).strip())) {
                throw DataFileException.atLine(csv.file(), line, smilesColumn, "SMILES '" + row[sc].strip() + "' but row " + (r + 1)
                        + " was asked for '" + smiles.get(r) + "'");
            }
            boolean missing = false;
            for (int j = 0; j < cols.length; j++) {
                String cell = row[cols[j]].strip();
                if (cell.isEmpty()) {
                    values[r][j] = Double.NaN;
                    missing = true;
                    continue;
                }
                try {
                    values[r][j] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw DataFileException.atLine(csv.file(), line, csv.header().get(cols[j]), "not a number: '" + cell + "'");
                }
            }
            failures.add(missing ? "missing values in " + csv.file().getFileName() + " line " + line : null);
        }
        return new DescriptorTable(names, units, values, failures);
    }

    /** Reads {@code file} and returns its descriptors for its own SMILES column. */
    public static DescriptorTable read(Path file, String smilesColumn, List<String> names) throws IOException {
        CsvFile csv = CsvFile.read(file);
        int sc = csv.column(smilesColumn);
        List<String> smiles = csv.rows().stream().map(r -> r[sc]).toList();
        return new FileDescriptorSource(csv, smilesColumn, names).descriptors(smiles);
    }
}
