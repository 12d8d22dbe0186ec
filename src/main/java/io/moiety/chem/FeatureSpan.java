package io.moiety.chem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;

/**
 * The row space of training molecules' feature counts (e.g. chemical-environment counts,
 * {@link MolecularGraph#heavyAtomEnvironments()}): whether an additive model
 * {@code E = Σ_f n_f ε_f} fitted to the training molecules determines the energy of another
 * molecule, and if not, why. Any change δ of the contributions with {@code X δ = 0} (X the
 * training count matrix) leaves every training energy unchanged and moves the prediction for a
 * molecule with counts x by {@code x·δ}, so x's energy is determined exactly when x lies in the
 * row space of X. The rank test uses the singular value decomposition of X: singular values
 * below {@value #TOLERANCE} times the largest one count as zero; a molecule is determined when its
 * distance from the row space is at most {@value #TOLERANCE} times the length of its count vector.
 *
 * <p>When x is outside the row space, {@link #check} names the reason as sparse linear relations
 * between counts that hold in every training molecule but not in x ("COOH and CH3 always occur
 * together: their energies are only known as a sum"): the minimal sets of columns of X that are
 * linearly dependent (circuits), of at most {@value #MAX_SUPPORT} units, whose dependency x breaks.
 * Features whose counts are proportional over the training molecules and x itself form one unit
 * (e.g. the three heavy atoms of a COOH group), since no data at hand can separate them.
 */
public final class FeatureSpan {
    /** Relative tolerance of the rank and membership tests (counts are small integers). */
    public static final double TOLERANCE = 1e-9;
    /** Largest number of units in a reported relation. */
    public static final int MAX_SUPPORT = 3;

    private final List<String> features;
    private final double[][] rows;
    private final double[][] basis;

    private FeatureSpan(List<String> features, double[][] rows, double[][] basis) {
        this.features = features;
        this.rows = rows;
        this.basis = basis;
    }

    /**
     * A linear relation {@code Σ_u c_u n_u = 0} between unit counts that every training molecule
     * satisfies; {@code value} is {@code Σ_u c_u x_u} for the checked molecule (not zero: it breaks
     * the relation).
     *
     * @param units        each unit's features (first = the one whose count {@code c_u} multiplies)
     * @param coefficients c_u, scaled so that the smallest magnitude is 1
     * @param counts       x_u, the checked molecule's count of each unit
     * @param value        Σ_u c_u x_u
     */
    public record Relation(List<List<String>> units, double[] coefficients, double[] counts, double value) {}

    /**
     * Verdict on one molecule.
     *
     * @param determined whether its counts lie in the training row space
     * @param distance   distance of its count vector from the row space
     * @param unseen     units it contains that no training molecule has (their contribution is unknown)
     * @param relations  training relations it breaks, fewest units first (empty when determined
     *                   or when none has at most {@value #MAX_SUPPORT} units)
     */
    public record Check(boolean determined, double distance, List<List<String>> unseen, List<Relation> relations) {}

    /** The span of the given training rows (feature name → count). */
    public static FeatureSpan of(Collection<Map<String, Integer>> trainingRows) {
        TreeSet<String> names = new TreeSet<>();
        for (Map<String, Integer> r : trainingRows) {
            r.forEach((k, v) -> {
                if (v != 0) {
                    names.add(k);
                }
            });
        }
        List<String> features = List.copyOf(names);
        double[][] x = new double[trainingRows.size()][];
        int i = 0;
        for (Map<String, Integer> r : trainingRows) {
            x[i++] = vector(r, features);
        }
        return new FeatureSpan(features, x, rowSpaceBasis(x, features.size()));
    }

    /** Features present in some training molecule, sorted. */
    public List<String> features() { return features; }

    /** Dimension of the row space: how many independent combinations of contributions the training energies fix. */
    public int rank() { return basis.length; }

    /** Whether the energy of a molecule with these counts is determined by the training molecules. */
    public boolean determines(Map<String, Integer> counts) {
        return distance(counts) <= TOLERANCE * Math.max(1, norm(counts));
    }

    /** Distance of the count vector from the row space (unseen features count in full). */
    public double distance(Map<String, Integer> counts) {
        double[] x = vector(counts, features);
        double unseen = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (!features.contains(e.getKey())) {
                unseen += (double) e.getValue() * e.getValue();
            }
        }
        double[] r = x.clone();
        for (double[] b : basis) {
            double dot = dot(x, b);
            for (int k = 0; k < r.length; k++) {
                r[k] -= dot * b[k];
            }
        }
        return Math.sqrt(dot(r, r) + unseen);
    }

    /** Whether the molecule is determined and, if not, the unseen units and broken relations. */
    public Check check(Map<String, Integer> counts) {
        double distance = distance(counts);
        boolean determined = distance <= TOLERANCE * Math.max(1, norm(counts));
        List<String> all = new ArrayList<>(features);
        new TreeSet<>(counts.keySet()).stream().filter(f -> !features.contains(f) && counts.get(f) != 0).forEach(all::add);
        List<List<String>> units = units(all, counts);
        List<List<String>> unseen = new ArrayList<>();
        List<Integer> seenUnits = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            String first = units.get(u).get(0);
            if (!features.contains(first)) {
                unseen.add(units.get(u));
            } else {
                seenUnits.add(u);
            }
        }
        List<Relation> relations = determined ? List.of() : relations(units, seenUnits, counts);
        return new Check(determined, distance, List.copyOf(unseen), relations);
    }

    /** Groups features whose counts are proportional (same sign) over the training rows and the molecule. */
    private List<List<String>> units(List<String> all, Map<String, Integer> counts) {
        List<double[]> columns = new ArrayList<>();
        for (String f : all) {
            double[] c = new double[rows.length + 1];
            int j = features.indexOf(f);
            for (int i = 0; i < rows.length; i++) {
                c[i] = j < 0 ? 0 : rows[i][j];
            }
            c[rows.length] = counts.getOrDefault(f, 0);
            columns.add(c);
        }
        List<List<String>> units = new ArrayList<>();
        List<double[]> representatives = new ArrayList<>();
        for (int f = 0; f < all.size(); f++) {
            double[] c = columns.get(f);
            if (norm(c) == 0) {
                continue;
            }
            boolean merged = false;
            for (int u = 0; u < units.size() && !merged; u++) {
                if (proportional(representatives.get(u), c)) {
                    units.get(u).add(all.get(f));
                    merged = true;
                }
            }
            if (!merged) {
                units.add(new ArrayList<>(List.of(all.get(f))));
                representatives.add(c);
            }
        }
        return units.stream().map(List::copyOf).toList();
    }

    private List<Relation> relations(List<List<String>> units, List<Integer> seenUnits, Map<String, Integer> counts) {
        List<Relation> out = new ArrayList<>();
        int n = seenUnits.size();
        for (int size = 2; size <= MAX_SUPPORT; size++) {
            int[] pick = IntStream.range(0, size).toArray();
            while (size <= n) {
                Relation r = relation(units, seenUnits, pick, counts);
                if (r != null) {
                    out.add(r);
                }
                if (!next(pick, n)) {
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /** The relation on the chosen units when they form a circuit that the molecule breaks, else null. */
    private Relation relation(List<List<String>> units, List<Integer> seenUnits, int[] pick, Map<String, Integer> counts) {
        int size = pick.length;
        double[] x = new double[size];
        boolean any = false;
        for (int k = 0; k < size; k++) {
            x[k] = counts.getOrDefault(units.get(seenUnits.get(pick[k])).get(0), 0);
            any |= x[k] != 0;
        }
        if (!any) {
            return null;
        }
        SimpleMatrix m = new SimpleMatrix(Math.max(rows.length, size), size);
        for (int k = 0; k < size; k++) {
            int j = features.indexOf(units.get(seenUnits.get(pick[k])).get(0));
            for (int i = 0; i < rows.length; i++) {
                m.set(i, k, rows[i][j]);
            }
        }
        SimpleSVD<SimpleMatrix> svd = m.svd();
        double[] sv = svd.getSingularValues();
        double max = 0;
        for (double s : sv) {
            max = Math.max(max, s);
        }
        int nullIndex = -1;
        for (int k = 0; k < sv.length; k++) {
            if (sv[k] <= TOLERANCE * max) {
                if (nullIndex >= 0) {
                    return null;
                }
                nullIndex = k;
            }
        }
        if (nullIndex < 0) {
            return null;
        }
        double[] c = new double[size];
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            c[k] = svd.getV().get(k, nullIndex);
            if (Math.abs(c[k]) <= 1e-9) {
                return null;
            }
            smallest = Math.min(smallest, Math.abs(c[k]));
        }
        double sign = c[0] < 0 ? -1 : 1;
        double value = 0;
        for (int k = 0; k < size; k++) {
            c[k] = sign * c[k] / smallest;
            if (Math.abs(c[k] - Math.rint(c[k])) < 1e-6) {
                c[k] = Math.rint(c[k]);
            }
            value += c[k] * x[k];
        }
        if (Math.abs(value) <= 1e-6 * Math.max(1, norm(c) * norm(x))) {
            return null;
        }
        List<List<String>> chosen = new ArrayList<>();
        for (int p : pick) {
            chosen.add(units.get(seenUnits.get(p)));
        }
        return new Relation(List.copyOf(chosen), c, x, value);
    }

    /** Advances a sorted combination of indices below n; false after the last one. */
    private static boolean next(int[] pick, int n) {
        int k = pick.length - 1;
        while (k >= 0 && pick[k] == n - pick.length + k) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        pick[k]++;
        for (int j = k + 1; j < pick.length; j++) {
            pick[j] = pick[j - 1] + 1;
        }
        return true;
    }

    private static boolean proportional(double[] a, double[] b) {
        double ab = dot(a, b);
        return ab > 0 && Math.abs(ab * ab - dot(a, a) * dot(b, b)) <= 1e-12 * dot(a, a) * dot(b, b);
    }

    /** Orthonormal basis (rows) of the row space of x, from its singular value decomposition. */
    private static double[][] rowSpaceBasis(double[][] x, int cols) {
        if (x.length == 0 || cols == 0) {
            return new double[0][];
        }
        SimpleSVD<SimpleMatrix> svd = new SimpleMatrix(x).svd(true);
        double[] sv = svd.getSingularValues();
        double max = 0;
        for (double s : sv) {
            max = Math.max(max, s);
        }
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < sv.length; k++) {
            if (sv[k] > TOLERANCE * max) {
                double[] b = new double[cols];
                for (int j = 0; j < cols; j++) {
                    b[j] = svd.getV().get(j, k);
                }
                out.add(b);
            }
        }
        return out.toArray(double[][]::new);
    }

    private static double[] vector(Map<String, Integer> counts, List<String> features) {
        double[] v = new double[features.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = counts.getOrDefault(features.get(j), 0);
        }
        return v;
    }

    private static double norm(Map<String, Integer> counts) {
        double s = 0;
        for (int v : counts.values()) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
