package io.moiety.descriptors;

import io.moiety.data.io.DataFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.hash.HashGeneratorMaker;
import org.openscience.cdk.hash.MoleculeHashGenerator;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a property dataset from CSV into a {@link PropertyTable}.
 *
 * <p>Columns: the SMILES column and the target column (named in the options); descriptor columns
 * and 0/1 category columns, given by name or found automatically: a column is numeric when at
 * least half of its cells are finite numbers, a numeric column whose values are all 0 or 1 is a
 * category, every other numeric column (not the target, not ignored) is a descriptor, text columns
 * are left out. Categories may instead come from a second CSV joined by canonical SMILES.
 *
 * <p>A row is bad when its SMILES does not parse with CDK (including aromatic systems CDK cannot
 * kekulise), its target or a descriptor is not a finite number, a category is not 0 or 1, or its
 * molecule (same CDK canonical SMILES and same stereo) already appeared on an earlier row. A bad row is an
 * error naming file, line and column; with {@code skipInvalid} it is left out with a warning and
 * listed in {@link PropertyTable#skipped()}.
 */
public final class PropertyTableReader {
    private static final Logger LOG = LoggerFactory.getLogger(PropertyTableReader.class);

    private final PropertyReadOptions options;
    private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    private final SmilesGenerator generator = new SmilesGenerator(SmiFlavor.Canonical);
    private final MoleculeHashGenerator stereoHash = new HashGeneratorMaker().depth(16).elemental().isotopic()
            .charged().chiral().molecular();

    private PropertyTableReader(PropertyReadOptions options) {
        this.options = options;
    }

    /** Reads {@code file} as {@code options} say. */
    public static PropertyTable read(Path file, PropertyReadOptions options) throws IOException {
        return new PropertyTableReader(options).readTable(file);
    }

    /** A row-level problem, thrown inside the row loop and turned into an error or a skip. */
    private static final class BadCell extends Exception {
        final String column;

        BadCell(String column, String problem) {
            super(problem, null, false, false);
            this.column = column;
        }
    }

    private PropertyTable readTable(Path file) throws IOException {
        CsvFile csv = CsvFile.read(file);
        int smilesCol = csv.column(options.smilesColumn());
        int targetCol = csv.column(options.targetColumn());
        for (String name : options.ignoreColumns()) {
            csv.column(name);
        }
        Set<Integer> reserved = new LinkedHashSet<>(List.of(smilesCol, targetCol));
        for (String name : options.ignoreColumns()) {
            reserved.add(csv.column(name));
        }
        List<Integer> categoryCols = options.categoriesFile() != null ? List.of()
                : options.categoryColumns() != null ? indices(csv, options.categoryColumns())
                : binaryColumns(csv, reserved);
        Set<Integer> taken = new LinkedHashSet<>(reserved);
        taken.addAll(categoryCols);
        List<Integer> descriptorCols = options.descriptorColumns() != null
                ? indices(csv, options.descriptorColumns()) : numericColumns(csv, taken);
        for (int c : descriptorCols) {
            if (reserved.contains(c) || categoryCols.contains(c)) {
                throw DataFileException.inFile(file, "column '" + csv.header().get(c)
                        + "' cannot be a descriptor and also the SMILES, target, an ignored column or a category");
            }
        }

        List<String> smiles = new ArrayList<>();
        List<MoleculeKey> keys = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        List<double[]> descriptors = new ArrayList<>();
        List<boolean[]> categories = new ArrayList<>();
        List<InvalidRow> skipped = new ArrayList<>();
        Map<MoleculeKey, Integer> firstLine = new HashMap<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            String[] row = csv.rows().get(r);
            int line = csv.lines()[r];
            try {
                MoleculeKey key = molecule(options.smilesColumn(), row[smilesCol]);
                double y = number(options.targetColumn(), row[targetCol]);
                double[] d = new double[descriptorCols.size()];
                for (int j = 0; j < d.length; j++) {
                    int c = descriptorCols.get(j);
                    d[j] = number(csv.header().get(c), row[c]);
                }
                boolean[] k = new boolean[categoryCols.size()];
                for (int j = 0; j < k.length; j++) {
                    int c = categoryCols.get(j);
                    k[j] = flag(csv.header().get(c), row[c]);
                }
                Integer earlier = firstLine.putIfAbsent(key, line);
                if (earlier != null) {
                    throw new BadCell(options.smilesColumn(), "duplicate molecule " + key.canonical()
                            + " (first on line " + earlier + ")");
                }
                smiles.add(row[smilesCol].trim());
                keys.add(key);
                lines.add(line);
                target.add(y);
                descriptors.add(d);
                categories.add(k);
            } catch (BadCell bad) {
                reject(skipped, new InvalidRow(file, line, bad.column, bad.getMessage()));
            }
        }
        List<String> categoryNames = names(csv, categoryCols);
        if (options.categoriesFile() != null) {
            CategoryJoin join = joinCategories(options.categoriesFile(), keys);
            categoryNames = join.names;
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                boolean[] k = join.flags.get(keys.get(i));
                if (k == null) {
                    reject(skipped, new InvalidRow(file, lines.get(i), options.smilesColumn(),
                            "molecule " + keys.get(i).canonical() + " has no row in " + options.categoriesFile()));
                } else {
                    categories.set(i, k);
                    keep.add(i);
                }
            }
            if (keep.size() < keys.size()) {
                smiles = pick(smiles, keep);
                keys = pick(keys, keep);
                lines = pick(lines, keep);
                target = pick(target, keep);
                descriptors = pick(descriptors, keep);
                categories = pick(categories, keep);
            }
        }
        if (target.isEmpty()) {
            throw DataFileException.inFile(file, "no valid rows");
        }
        double[] y = target.stream().mapToDouble(Double::doubleValue).toArray();
        SigmaAll sigma = options.sigmaAll() != null ? SigmaAll.given(options.sigmaAll()) : SigmaAll.of(y);
        if (!skipped.isEmpty()) {
            LOG.warn("{}: skipped {} invalid row{}", file, skipped.size(), skipped.size() == 1 ? "" : "s");
        }
        return new PropertyTable(file, options.targetColumn(), smiles, keys.stream().map(MoleculeKey::canonical).toList(),
                lines.stream().mapToInt(Integer::intValue).toArray(), y, names(csv, descriptorCols),
                descriptors.toArray(double[][]::new), categoryNames, categories.toArray(boolean[][]::new),
                sigma, skipped);
    }

    /**
     * A molecule's identity: CDK canonical SMILES (which cannot carry stereo without cdk-inchi)
     * and a stereo-aware hash, so that stereoisomers (E/Z, R/S) stay distinct molecules.
     */
    private record MoleculeKey(String canonical, long stereoHash) { }

    private record CategoryJoin(List<String> names, Map<MoleculeKey, boolean[]> flags) { }

    /** Categories per canonical SMILES from the categories file; its bad rows are always errors. */
    private CategoryJoin joinCategories(Path file, List<MoleculeKey> wanted) throws IOException {
        CsvFile csv = CsvFile.read(file);
        int smilesCol = csv.column(options.smilesColumn());
        Set<Integer> reserved = new LinkedHashSet<>(List.of(smilesCol));
        for (String name : options.ignoreColumns()) {
            if (csv.header().contains(name)) {
                reserved.add(csv.column(name));
            }
        }
        if (csv.header().contains(options.targetColumn())) {
            reserved.add(csv.column(options.targetColumn()));
        }
        List<Integer> cols = options.categoryColumns() != null ? indices(csv, options.categoryColumns())
                : binaryColumns(csv, reserved);
        Set<MoleculeKey> needed = Set.copyOf(wanted);
        Map<MoleculeKey, boolean[]> flags = new HashMap<>();
        Map<MoleculeKey, Integer> firstLine = new HashMap<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            String[] row = csv.rows().get(r);
            int line = csv.lines()[r];
            try {
                MoleculeKey key = molecule(options.smilesColumn(), row[smilesCol]);
                Integer earlier = firstLine.putIfAbsent(key, line);
                if (earlier != null) {
                    throw new BadCell(options.smilesColumn(), "duplicate molecule " + key.canonical()
                            + " (first on line " + earlier + ")");
                }
                if (!needed.contains(key)) {
                    continue;
                }
                boolean[] k = new boolean[cols.size()];
                for (int j = 0; j < k.length; j++) {
                    int c = cols.get(j);
                    k[j] = flag(csv.header().get(c), row[c]);
                }
                flags.put(key, k);
            } catch (BadCell bad) {
                throw DataFileException.atLine(file, line, bad.column, bad.getMessage());
            }
        }
        return new CategoryJoin(names(csv, cols), flags);
    }

    private void reject(List<InvalidRow> skipped, InvalidRow bad) {
        if (!options.skipInvalid()) {
            throw DataFileException.atLine(bad.file(), bad.line(), bad.column(), bad.problem()
                    + " (use --skip-invalid to leave out bad rows)");
        }
        LOG.warn("skipping {}", bad);
        skipped.add(bad);
    }

    private MoleculeKey molecule(String column, String text) throws BadCell {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new BadCell(column, "empty SMILES");
        }
        IAtomContainer mol;
        try {
            mol = parser.parseSmiles(s);
        } catch (CDKException e) {
            throw new BadCell(column, "unparsable SMILES '" + s + "': " + e.getMessage());
        }
        if (mol.getAtomCount() == 0) {
            throw new BadCell(column, "SMILES '" + s + "' has no atoms");
        }
        try {
            return new MoleculeKey(generator.create(mol), stereoHash.generate(mol));
        } catch (CDKException e) {
            throw new BadCell(column, "no canonical SMILES for '" + s + "': " + e.getMessage());
        }
    }

    private static double number(String column, String text) throws BadCell {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new BadCell(column, "empty value");
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadCell(column, "not a number: '" + s + "'");
        }
        if (!Double.isFinite(v)) {
            throw new BadCell(column, "not a finite number: '" + s + "'");
        }
        return v;
    }

    private static boolean flag(String column, String text) throws BadCell {
        String s = text.trim();
        try {
            double v = Double.parseDouble(s);
            if (v == 0 || v == 1) {
                return v == 1;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadCell(column, "category must be 0 or 1, got '" + s + "'");
    }

    private static List<Integer> indices(CsvFile csv, List<String> names) {
        List<Integer> out = new ArrayList<>();
        for (String n : names) {
            out.add(csv.column(n));
        }
        return out;
    }

    private static List<String> names(CsvFile csv, List<Integer> cols) {
        return cols.stream().map(csv.header()::get).toList();
    }

    /** Columns, outside {@code taken}, where at least half of the cells are finite numbers. */
    private static List<Integer> numericColumns(CsvFile csv, Set<Integer> taken) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < csv.header().size(); c++) {
            if (!taken.contains(c) && numericShare(csv, c, false) * 2 >= csv.rows().size() && !csv.rows().isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Numeric columns, outside {@code taken}, whose numbers are all 0 or 1. */
    private static List<Integer> binaryColumns(CsvFile csv, Set<Integer> taken) {
        List<Integer> out = new ArrayList<>();
        for (int c : numericColumns(csv, taken)) {
            if (numericShare(csv, c, true) == numericShare(csv, c, false)) {
                out.add(c);
            }
        }
        return out;
    }

    private static int numericShare(CsvFile csv, int column, boolean binaryOnly) {
        int count = 0;
        for (String[] row : csv.rows()) {
            try {
                double v = Double.parseDouble(row[column].trim());
                if (Double.isFinite(v) && (!binaryOnly || v == 0 || v == 1)) {
                    count++;
                }
            } catch (NumberFormatException e) {
                // a text cell
            }
        }
        return count;
    }

    private static <T> List<T> pick(List<T> list, List<Integer> keep) {
        List<T> out = new ArrayList<>(keep.size());
        for (int i : keep) {
            out.add(list.get(i));
        }
        return out;
    }
}
