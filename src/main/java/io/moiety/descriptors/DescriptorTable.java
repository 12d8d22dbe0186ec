package io.moiety.descriptors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Descriptor values of a list of molecules, one row per input row in input order.
 *
 * @param columns  descriptor names (the authors' names, without units)
 * @param units    unit of each column ({@code 1} for dimensionless, "" when unknown)
 * @param values   {@code [row][column]}; NaN where a value is missing (failed molecule, or
 *                 undefined such as a deprotonation energy of a molecule without hydrogen)
 * @param failures per row, why it has no values, or null
 */
public record DescriptorTable(List<String> columns, List<String> units, double[][] values, List<String> failures) {
    public DescriptorTable {
        columns = List.copyOf(columns);
        units = List.copyOf(units);
        if (units.size() != columns.size()) {
            throw new IllegalArgumentException(units.size() + " units for " + columns.size() + " columns");
        }
        if (failures.size() != values.length) {
            throw new IllegalArgumentException(failures.size() + " failure entries for " + values.length + " rows");
        }
        failures = Collections.unmodifiableList(new ArrayList<>(failures));
    }

    public int rows() { return values.length; }

    /** Number of rows with a failure. */
    public long failed() { return failures.stream().filter(f -> f != null).count(); }
}
