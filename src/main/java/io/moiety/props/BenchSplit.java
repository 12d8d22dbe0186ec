package io.moiety.props;

import java.util.List;

/**
 * One train/test partition of a property table, by 0-based row positions.
 *
 * @param kind  {@code interpolation}, {@code property}, {@code cluster} or {@code similarity}
 * @param nIn   the nominal training size N_in (for interpolation: the number of molecules)
 * @param seed  the seed that generated the split (0 for replayed published splits)
 * @param fold  cross-validation fold (0 for extrapolation splits)
 * @param train training rows
 * @param test  test rows
 */
public record BenchSplit(String kind, int nIn, long seed, int fold, int[] train, int[] test) {
    /** The four kinds, in report order. */
    public static final List<String> KINDS = List.of("interpolation", "property", "cluster", "similarity");
}
