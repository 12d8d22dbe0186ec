package io.moiety.props;

import io.moiety.descriptors.PropertyTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The interpretable part of a fitted ILR: for each descriptor d and kept category c, the change of
 * d's slope inside c, {@code β(d×c) − β(d×!c)}, times the standard deviation of d over the table
 * (target units per standard deviation of the descriptor).
 *
 * @param descriptors descriptor names (rows)
 * @param categories  kept category names (columns)
 * @param slopeChange {@code [descriptor][category]}
 */
public record IlrCoefficients(List<String> descriptors, List<String> categories, double[][] slopeChange) {

    /** Fits ILR (8 components) on all of {@code table} and reads off the slope changes. */
    public static IlrCoefficients of(IlrDesign design, PropertyTable table) {
        Pls1 pls = Pls1.fit(design.rows(table), table.target(), 8);
        double[] scale = Standardization.centring(table.descriptors(), 1).scales();
        int d = design.descriptorNames().size();
        List<String> cats = new ArrayList<>();
        double[][] z = new double[d][design.kept().length];
        for (int k = 0; k < design.kept().length; k++) {
            cats.add(design.categoryNames().get(design.kept()[k]));
            int at = d + 2 * d * k;
            for (int j = 0; j < d; j++) {
                z[j][k] = (pls.coefficients()[at + j] - pls.coefficients()[at + d + j]) * scale[j];
            }
        }
        return new IlrCoefficients(design.descriptorNames(), cats, z);
    }
}
