package io.moiety.chem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The span of a training set's compositions (element-count vectors): whether a molecule's energy
 * offset is determined by what a model was trained on. A potential whose energy has per-element
 * terms can shift those by any δ with {@code n·δ = 0} for every training composition n without
 * changing a training energy; a composition c then gets the arbitrary offset {@code c·δ} unless c
 * lies in the row space of the training composition matrix: a {@link FeatureSpan} whose features
 * are the elements. Elements absent from training are the extreme case.
 */
public final class CompositionSpan {
    private final int[] elements;
    private final FeatureSpan span;

    private CompositionSpan(int[] elements, FeatureSpan span) {
        this.elements = elements;
        this.span = span;
    }

    /** The span of the compositions of the given structures (atomic-number lists). */
    public static CompositionSpan of(Collection<int[]> compositions) {
        TreeSet<Integer> zs = new TreeSet<>();
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int[] c : compositions) {
            for (int z : c) {
                zs.add(z);
            }
            counts.add(counts(c));
        }
        return new CompositionSpan(zs.stream().mapToInt(Integer::intValue).toArray(), FeatureSpan.of(counts));
    }

    /** Atomic numbers seen in training, ascending. */
    public int[] elements() {
        return elements.clone();
    }

    /** Dimension of the span (number of independent training compositions). */
    public int rank() {
        return span.rank();
    }

    /** Elements of {@code atomicNumbers} that no training composition contains, ascending. */
    public int[] unseenElements(int[] atomicNumbers) {
        return Arrays.stream(atomicNumbers).distinct().filter(z -> Arrays.binarySearch(elements, z) < 0).sorted().toArray();
    }

    /** Whether the composition of {@code atomicNumbers} lies in the span (its energy offset is determined). */
    public boolean determines(int[] atomicNumbers) {
        return unseenElements(atomicNumbers).length == 0 && span.determines(counts(atomicNumbers));
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

    /** Element symbol → count. */
    private static Map<String, Integer> counts(int[] atomicNumbers) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int z : atomicNumbers) {
            counts.merge(Element.ofZ(z).symbol(), 1, Integer::sum);
        }
        return counts;
    }
}
