package io.moiety.props;

import io.moiety.descriptors.PropertyTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The design matrix of interactive linear regression (ILR, Shimakawa, Kumada &amp; Sato, npj Comput.
 * Mater. 10, 11 (2024)): the descriptors, then each descriptor times each kept category column,
 * then the kept category columns themselves. Every category {@code c} is used with its complement
 * {@code 1 − c}; a category is kept only when its prevalence over the whole dataset lies strictly
 * between {@code lower} and {@code upper} (10 % and 90 % in the paper). With d descriptors and k
 * kept categories the design has {@code d + (d + 1)·2k} columns (850 for 22 descriptors and 18
 * categories).
 *
 * @param descriptorNames descriptor columns, in table order
 * @param categoryNames   all category columns of the table
 * @param kept            indices (into {@code categoryNames}) of the kept categories
 */
public record IlrDesign(List<String> descriptorNames, List<String> categoryNames, int[] kept) {

    /** Keeps the categories of {@code all} with prevalence in ({@code lower}, {@code upper}). */
    public static IlrDesign select(PropertyTable all, double lower, double upper) {
        int n = all.size();
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < all.categoryNames().size(); c++) {
            int count = 0;
            for (boolean[] row : all.categories()) {
                if (row[c]) {
                    count++;
                }
            }
            double share = count / (double) n;
            if (share > lower && share < upper) {
                keep.add(c);
            }
        }
        return new IlrDesign(all.descriptorNames(), all.categoryNames(),
                keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The paper's filter: prevalence strictly between 10 % and 90 %. */
    public static IlrDesign select(PropertyTable all) {
        return select(all, 0.1, 0.9);
    }

    /** Number of design columns. */
    public int width() {
        int d = descriptorNames.size();
        return d + (d + 1) * 2 * kept.length;
    }

    /** Names of the design columns: {@code d}, {@code d×c}, {@code d×!c}, …, {@code c}, {@code !c}. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(descriptorNames);
        for (int c : kept) {
            String cat = categoryNames.get(c);
            for (String d : descriptorNames) {
                names.add(d + "×" + cat);
            }
            for (String d : descriptorNames) {
                names.add(d + "×!" + cat);
            }
        }
        for (int c : kept) {
            names.add(categoryNames.get(c));
            names.add("!" + categoryNames.get(c));
        }
        return names;
    }

    /** Design rows of every molecule of {@code table} (same descriptor and category columns). */
    public double[][] rows(PropertyTable table) {
        if (!table.descriptorNames().equals(descriptorNames) || !table.categoryNames().equals(categoryNames)) {
            throw new IllegalArgumentException("table columns differ from the ILR design's");
        }
        double[][] out = new double[table.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = row(table.descriptors()[i], table.categories()[i]);
        }
        return out;
    }

    private double[] row(double[] x, boolean[] cats) {
        int d = x.length;
        double[] r = new double[width()];
        System.arraycopy(x, 0, r, 0, d);
        int at = d;
        for (int c : kept) {
            double in = cats[c] ? 1 : 0;
            for (int j = 0; j < d; j++) {
                r[at + j] = x[j] * in;
                r[at + d + j] = x[j] * (1 - in);
            }
            at += 2 * d;
        }
        for (int c : kept) {
            double in = cats[c] ? 1 : 0;
            r[at++] = in;
            r[at++] = 1 - in;
        }
        return r;
    }
}
