package io.moiety.chem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The span of a training set's compositions (element-count vectors): whether a molecule's energy
 * offset is determined by what a model was trained on. A potential whose energy has per-element
 * terms can shift those by any δ with {@code n·δ = 0} for every training composition n without
 * changing a training energy; a composition c then gets the arbitrary offset {@code c·δ} unless c
 * lies in the row space of the training composition matrix. Elements absent from training are the
 * extreme case. Counts are small integers, so the rank test uses a relative tolerance of 1e-9.
 */
public final class CompositionSpan {
    private static final double TOLERANCE = 1e-9;

    private final int[] elements;
    /** Orthonormal basis of the span, each vector indexed like {@link #elements}. */
    private final List<double[]> basis = new ArrayList<>();

    private CompositionSpan(int[] elements) {
        this.elements = elements;
    }

    /** The span of the compositions of the given structures (atomic-number lists). */
    public static CompositionSpan of(Collection<int[]> compositions) {
        TreeSet<Integer> zs = new TreeSet<>();
        for (int[] c : compositions) {
            for (int z : c) {
                zs.add(z);
            }
        }
        CompositionSpan s = new CompositionSpan(zs.stream().mapToInt(Integer::intValue).toArray());
        for (int[] c : compositions) {
            double[] r = s.residual(s.counts(c));
            double norm = norm(r);
            if (norm > TOLERANCE * Math.max(1, norm(s.counts(c)))) {
                for (int k = 0; k < r.length; k++) {
                    r[k] /= norm;
                }
                s.basis.add(r);
            }
        }
        return s;
    }

    /** Atomic numbers seen in training, ascending. */
    public int[] elements() {
        return elements.clone();
    }

    /** Dimension of the span (number of independent training compositions). */
    public int rank() {
        return basis.size();
    }

    /** Elements of {@code atomicNumbers} that no training composition contains, ascending. */
    public int[] unseenElements(int[] atomicNumbers) {
        return Arrays.stream(atomicNumbers).distinct().filter(z -> Arrays.binarySearch(elements, z) < 0).sorted().toArray();
    }

    /** Whether the composition of {@code atomicNumbers} lies in the span (its energy offset is determined). */
    public boolean determines(int[] atomicNumbers) {
        if (unseenElements(atomicNumbers).length > 0) {
            return false;
        }
        double[] c = counts(atomicNumbers);
        return norm(residual(c)) <= TOLERANCE * Math.max(1, norm(c));
    }

    /**
     * Why a prediction for this composition is not to be trusted in absolute energy, or empty when
     * the training compositions determine it.
     */
    public Optional<String> warning(int[] atomicNumbers) {
        int[] unseen = unseenElements(atomicNumbers);
        if (unseen.length > 0) {
            StringBuilder sb = new StringBuilder();
            for (int z : unseen) {
                sb.append(sb.length() == 0 ? "" : ", ").append(Element.ofZ(z).symbol());
            }
            return Optional.of("element(s) " + sb + " never seen in training: energies and forces are extrapolated "
                    + "and the energy offset is arbitrary");
        }
        if (!determines(atomicNumbers)) {
            return Optional.of("composition " + Formula.hill(atomicNumbers) + " is not a combination of the "
                    + rank() + " independent training composition(s): its energy offset is not determined "
                    + "(forces are unaffected)");
        }
        return Optional.empty();
    }

    private double[] counts(int[] atomicNumbers) {
        double[] v = new double[elements.length];
        for (int z : atomicNumbers) {
            int k = Arrays.binarySearch(elements, z);
            if (k >= 0) {
                v[k] += 1;
            }
        }
        return v;
    }

    /** {@code v} minus its projection on the span (modified Gram–Schmidt). */
    private double[] residual(double[] v) {
        double[] r = v.clone();
        for (double[] b : basis) {
            double dot = 0;
            for (int k = 0; k < r.length; k++) {
                dot += r[k] * b[k];
            }
            for (int k = 0; k < r.length; k++) {
                r[k] -= dot * b[k];
            }
        }
        return r;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
