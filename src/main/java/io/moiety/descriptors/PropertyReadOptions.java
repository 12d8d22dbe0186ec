package io.moiety.descriptors;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How to read a property table (see {@link PropertyTableReader}).
 *
 * @param smilesColumn      header of the SMILES column
 * @param targetColumn      header of the property column
 * @param descriptorColumns descriptor columns in this order, or null for every numeric column that
 *                          is not the target, not ignored and not a category
 * @param categoryColumns   0/1 category columns, or null for every numeric column whose values are
 *                          all 0 or 1 (in {@code categoriesFile} when it is given, else in the table)
 * @param ignoreColumns     columns never used (for example plot coordinates stored beside the data)
 * @param categoriesFile    a second CSV with the same SMILES column holding the categories, joined
 *                          by canonical SMILES; null to read categories from the table itself
 * @param skipInvalid       leave out bad rows with a warning each instead of failing on the first
 * @param sigmaAll          σ_all in target units, or null to compute it from the targets read
 */
public record PropertyReadOptions(String smilesColumn, String targetColumn, List<String> descriptorColumns,
        List<String> categoryColumns, Set<String> ignoreColumns, Path categoriesFile, boolean skipInvalid,
        Double sigmaAll) {

    public PropertyReadOptions {
        if (smilesColumn == null || smilesColumn.isBlank()) {
            throw new IllegalArgumentException("the SMILES column name is empty");
        }
        if (targetColumn == null || targetColumn.isBlank()) {
            throw new IllegalArgumentException("the target column name is empty");
        }
        descriptorColumns = descriptorColumns == null ? null : List.copyOf(descriptorColumns);
        categoryColumns = categoryColumns == null ? null : List.copyOf(categoryColumns);
        ignoreColumns = ignoreColumns == null ? Set.of() : Set.copyOf(ignoreColumns);
    }

    /** Defaults: automatic descriptor and category columns, nothing ignored, strict, σ_all computed. */
    public static PropertyReadOptions of(String smilesColumn, String targetColumn) {
        return new PropertyReadOptions(smilesColumn, targetColumn, null, null, Set.of(), null, false, null);
    }

    public PropertyReadOptions withDescriptorColumns(List<String> names) {
        return new PropertyReadOptions(smilesColumn, targetColumn, names, categoryColumns, ignoreColumns,
                categoriesFile, skipInvalid, sigmaAll);
    }

    public PropertyReadOptions withCategoryColumns(List<String> names) {
        return new PropertyReadOptions(smilesColumn, targetColumn, descriptorColumns, names, ignoreColumns,
                categoriesFile, skipInvalid, sigmaAll);
    }

    public PropertyReadOptions withIgnoreColumns(Set<String> names) {
        return new PropertyReadOptions(smilesColumn, targetColumn, descriptorColumns, categoryColumns, names,
                categoriesFile, skipInvalid, sigmaAll);
    }

    public PropertyReadOptions withCategoriesFile(Path file) {
        return new PropertyReadOptions(smilesColumn, targetColumn, descriptorColumns, categoryColumns,
                ignoreColumns, file, skipInvalid, sigmaAll);
    }

    public PropertyReadOptions withSkipInvalid(boolean skip) {
        return new PropertyReadOptions(smilesColumn, targetColumn, descriptorColumns, categoryColumns,
                ignoreColumns, categoriesFile, skip, sigmaAll);
    }

    public PropertyReadOptions withSigmaAll(Double sigma) {
        return new PropertyReadOptions(smilesColumn, targetColumn, descriptorColumns, categoryColumns,
                ignoreColumns, categoriesFile, skipInvalid, sigma);
    }
}
