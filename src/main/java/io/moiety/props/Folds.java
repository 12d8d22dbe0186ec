package io.moiety.props;

import java.util.Random;
import java.util.stream.IntStream;

/** Seeded k-fold partitions of {@code n} rows: a shuffled order cut into k nearly equal parts. */
final class Folds {
    private Folds() {}

    /** {@code fold[i]} ∈ [0, k) for each of the {@code n} rows. */
    static int[] assign(int n, int k, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("cannot cut " + n + " rows into " + k + " folds");
        }
        int[] order = IntStream.range(0, n).toArray();
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        for (int r = 0; r < n; r++) {
            fold[order[r]] = (int) ((long) r * k / n);
        }
        return fold;
    }

    /** Rows whose fold is (or, with {@code in} false, is not) {@code f}. */
    static int[] rows(int[] fold, int f, boolean in) {
        int count = 0;
        for (int v : fold) {
            if ((v == f) == in) {
                count++;
            }
        }
        int[] out = new int[count];
        int at = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == in) {
                out[at++] = i;
            }
        }
        return out;
    }
}
