package io.moiety.descriptors;

import io.moiety.data.io.DataFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Molecules of a CSV file (identifier, SMILES and numeric label columns, such as
 * {@code qm9-3k.csv}) with their {@link CdkDescriptors}: one row per valid molecule, the
 * twenty descriptor columns first, then the labels under the names chosen for them (e.g. QM9's
 * {@code alpha} as {@code polarisability} in bohr³, {@code mu} as {@code dipole} in Debye).
 */
public record MoleculeTable(List<String> ids, List<String> smiles, List<String> columns, double[][] values) {
    /** A numeric CSV column and the name it gets in the table. */
    public record Label(String column, String name) {}

    /** What to do with a row whose SMILES is unreadable or disconnected. */
    public enum InvalidRows {
        /** Leave the row out and report it through the warning callback. */
        SKIP,
        /** Stop with an error naming the file and line. */
        FAIL
    }

    public MoleculeTable {
        ids = List.copyOf(ids);
        smiles = List.copyOf(smiles);
        columns = List.copyOf(columns);
    }

    /**
     * Reads {@code csv} and computes the descriptors of every row. A missing column, a
     * non-numeric label or (with {@link InvalidRows#FAIL}) an invalid SMILES is an error naming
     * the file, line and column.
     */
    public static MoleculeTable read(Path csv, String idColumn, String smilesColumn, List<Label> labels,
                                     InvalidRows invalid, Consumer<String> warnings) throws IOException {
        CsvFile t = CsvFile.read(csv);
        int idCol = t.column(idColumn);
        int smiCol = t.column(smilesColumn);
        int[] labelCols = new int[labels.size()];
        List<String> names = new ArrayList<>(CdkDescriptors.NAMES);
        for (int k = 0; k < labels.size(); k++) {
            labelCols[k] = t.column(labels.get(k).column());
            if (names.contains(labels.get(k).name())) {
                throw new IllegalArgumentException("label name '" + labels.get(k).name() + "' is already a column");
            }
            names.add(labels.get(k).name());
        }
        CdkDescriptors cdk = new CdkDescriptors();
        List<String> ids = new ArrayList<>();
        List<String> smiles = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            String smi = t.text(r, smiCol);
            double[] d;
            try {
                d = cdk.compute(smi);
            } catch (IllegalArgumentException e) {
                if (invalid == InvalidRows.FAIL) {
                    throw DataFileException.atLine(csv, t.line(r), smilesColumn, e.getMessage());
                }
                warnings.accept(csv + ":" + t.line(r) + ": " + smilesColumn + ": skipped " + t.text(r, idCol) + ": " + e.getMessage());
                continue;
            }
            double[] row = new double[names.size()];
            System.arraycopy(d, 0, row, 0, d.length);
            for (int k = 0; k < labelCols.length; k++) {
                row[d.length + k] = t.number(r, labelCols[k]);
            }
            ids.add(t.text(r, idCol));
            smiles.add(smi);
            rows.add(row);
        }
        return new MoleculeTable(ids, smiles, names, rows.toArray(new double[0][]));
    }

    /** Number of molecules. */
    public int size() { return ids.size(); }

    /** Index of the column {@code name}; unknown names are an error listing the columns. */
    public int index(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns: " + String.join(", ", columns));
        }
        return c;
    }

    /** The values of the columns {@code names}, one row per molecule. */
    public double[][] select(List<String> names) {
        int[] idx = names.stream().mapToInt(this::index).toArray();
        double[][] out = new double[values.length][idx.length];
        for (int r = 0; r < values.length; r++) {
            for (int k = 0; k < idx.length; k++) {
                out[r][k] = values[r][idx[k]];
            }
        }
        return out;
    }
}
