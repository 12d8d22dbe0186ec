package io.moiety.descriptors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Molecules with one measured property, optional numeric descriptors and optional binary chemical
 * categories, in file order. Arrays are row-major ({@code descriptors[molecule][column]}); the
 * target and descriptors are in the units of the file.
 *
 * @param file            the file read
 * @param targetName      the property's column name
 * @param smiles          SMILES as written in the file
 * @param canonicalSmiles CDK canonical SMILES without stereo marks (stereo-canonical SMILES would need cdk-inchi; stereoisomers share it)
 * @param lines           1-based source line of each molecule
 * @param target          the property per molecule
 * @param descriptorNames descriptor column names
 * @param descriptors     descriptor values per molecule
 * @param categoryNames   category column names
 * @param categories      category flags per molecule
 * @param sigmaAll        σ_all for RMSE/σ_all, with how it was obtained
 * @param skipped         rows left out with {@code --skip-invalid} (empty when reading strictly)
 */
public record PropertyTable(Path file, String targetName, List<String> smiles, List<String> canonicalSmiles,
        int[] lines, double[] target, List<String> descriptorNames, double[][] descriptors,
        List<String> categoryNames, boolean[][] categories, SigmaAll sigmaAll, List<InvalidRow> skipped) {

    public PropertyTable {
        int n = target.length;
        if (smiles.size() != n || canonicalSmiles.size() != n || lines.length != n || descriptors.length != n
                || categories.length != n) {
            throw new IllegalArgumentException("property table columns differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (descriptors[i].length != descriptorNames.size() || categories[i].length != categoryNames.size()) {
                throw new IllegalArgumentException("row " + i + " has the wrong number of descriptors or categories");
            }
        }
        smiles = List.copyOf(smiles);
        canonicalSmiles = List.copyOf(canonicalSmiles);
        descriptorNames = List.copyOf(descriptorNames);
        categoryNames = List.copyOf(categoryNames);
        skipped = List.copyOf(skipped);
    }

    /** Number of molecules. */
    public int size() {
        return target.length;
    }

    /** The molecules at {@code rows} (0-based positions, in the given order); σ_all is kept. */
    public PropertyTable subset(int[] rows) {
        List<String> s = new ArrayList<>(rows.length);
        List<String> c = new ArrayList<>(rows.length);
        int[] l = new int[rows.length];
        double[] t = new double[rows.length];
        double[][] d = new double[rows.length][];
        boolean[][] k = new boolean[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= size()) {
                throw new IndexOutOfBoundsException("row " + r + " outside the table of " + size() + " molecules");
            }
            s.add(smiles.get(r));
            c.add(canonicalSmiles.get(r));
            l[i] = lines[r];
            t[i] = target[r];
            d[i] = descriptors[r];
            k[i] = categories[r];
        }
        return new PropertyTable(file, targetName, s, c, l, t, descriptorNames, d, categoryNames, k, sigmaAll, skipped);
    }

    /** The same molecules with other descriptors (one row per molecule, in table order). */
    public PropertyTable withDescriptors(List<String> names, double[][] values) {
        return new PropertyTable(file, targetName, smiles, canonicalSmiles, lines, target, names, values,
                categoryNames, categories, sigmaAll, skipped);
    }

    /** The same molecules with another target (for example residuals of a first model). */
    public PropertyTable withTarget(double[] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException(values.length + " targets for " + size() + " molecules");
        }
        return new PropertyTable(file, targetName, smiles, canonicalSmiles, lines, values, descriptorNames,
                descriptors, categoryNames, categories, sigmaAll, skipped);
    }
}
