package io.moiety.model.graph;

import java.util.Arrays;

/** Accumulates edges atom by atom (in increasing dst order) and sorts each atom's list. */
final class EdgeCollector {
    private int[] src = new int[64];
    private int[] dst = new int[64];
    private int[] shift = new int[192];
    private int size;
    private long[] pending = new long[16];
    private int pendingSize;

    void add(long key) {
        if (pendingSize == pending.length) {
            pending = Arrays.copyOf(pending, 2 * pending.length);
        }
        pending[pendingSize++] = key;
    }

    /** Sorts the pending neighbours of {@code dstAtom} and appends them. */
    void finishAtom(int dstAtom) {
        Arrays.sort(pending, 0, pendingSize);
        if (size + pendingSize > src.length) {
            int cap = Math.max(2 * src.length, size + pendingSize);
            src = Arrays.copyOf(src, cap);
            dst = Arrays.copyOf(dst, cap);
            shift = Arrays.copyOf(shift, 3 * cap);
        }
        for (int p = 0; p < pendingSize; p++) {
            long k = pending[p];
            src[size] = CellGeometry.keySrc(k);
            dst[size] = dstAtom;
            for (int d = 0; d < 3; d++) {
                shift[3 * size + d] = CellGeometry.keyShift(k, d);
            }
            size++;
        }
        pendingSize = 0;
    }

    Edges edges() {
        return new Edges(Arrays.copyOf(src, size), Arrays.copyOf(dst, size), Arrays.copyOf(shift, 3 * size));
    }
}
