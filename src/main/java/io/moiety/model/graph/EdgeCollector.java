package io.moiety.model.graph;

import java.util.Arrays;

/**
 * Accumulates edges atom by atom (in increasing dst order) and sorts each atom's list. The
 * candidate test (periodic shift, self exclusion, distance below the cutoff in Å) is shared by
 * {@link AllPairs} and {@link BinnedNeighbourList}, so both give exactly the same edges.
 */
final class EdgeCollector {
    private final CellGeometry g;
    private final double cutoffSq;
    private int[] src = new int[64];
    private int[] dst = new int[64];
    private int[] shift = new int[192];
    private int size;
    private long[] pending = new long[16];
    private int pendingSize;

    EdgeCollector(CellGeometry g, double cutoff) {
        this.g = g;
        this.cutoffSq = cutoff * cutoff;
    }

    /**
     * Offers atom {@code j} in image ({@code a}, {@code b}, {@code c}) of the wrapped cell as a
     * neighbour of atom {@code i}: kept when closer than the cutoff, the atom itself excluded.
     */
    void offer(int i, int j, int a, int b, int c) {
        if (g.cell != null) { // image a,b,c of wrapped atoms → shift on original positions
            a += g.wrap[3 * i] - g.wrap[3 * j];
            b += g.wrap[3 * i + 1] - g.wrap[3 * j + 1];
            c += g.wrap[3 * i + 2] - g.wrap[3 * j + 2];
        }
        if (i == j && a == 0 && b == 0 && c == 0) {
            return;
        }
        if (g.distanceSq(i, j, a, b, c) < cutoffSq) {
            add(CellGeometry.key(j, a, b, c));
        }
    }

    private void add(long key) {
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
