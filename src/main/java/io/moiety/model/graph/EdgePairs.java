package io.moiety.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.moiety.model.nn.Constants;
import io.moiety.model.nn.Tensors;
import io.moiety.model.nn.SegmentSum;
import io.moiety.model.nn.IndexAddKernel;
import java.util.Arrays;

/**
 * The directed edges of a {@link GraphBatch} grouped into unordered pairs: edge {@code a→b}
 * (shift {@code s}) and its reverse {@code b→a} (shift {@code −s}) have the same length, so
 * anything that depends on the length only (radial basis, cutoff, SchNet's filter network) can
 * be computed once per pair, {@code [P]} with {@code P = E/2}, instead of once per edge.
 * <p>
 * Messages are laid out in pair order, {@code [2, P, ...]}: row {@code (0, p)} is the edge
 * {@code first[p] → second[p]}, row {@code (1, p)} its reverse. {@link #ends()} gives the source
 * atom of each row ({@code [2P]}, for gathering atom features) and {@link #toAtoms()} sums rows
 * into their target atoms. The set of messages and their targets are exactly those of the
 * directed edge list, only their order differs. Lengths in Å.
 */
public final class EdgePairs {
    private final NDManager manager;
    private final Constants constants;
    private final NDArray positions;
    private final int pairs;
    private final NDArray first;
    private final NDArray second;
    private final NDArray shift;
    private final NDArray ends;
    private final SegmentSum toAtoms;
    private NDArray vectors;
    private NDArray lengths;

    /**
     * @param manager   the batch manager (owns every array made here)
     * @param constants the batch constants
     * @param positions atom positions {@code [N, 3]} (Å; may require gradients)
     * @param src       source atom of each directed edge
     * @param dst       target atom of each directed edge, non-decreasing
     * @param shifts    Cartesian shift vector of each edge, {@code [3E]} (Å)
     * @param atoms     number of atoms
     * @param kernel    index-add segment sums, or null for sparse products
     */
    EdgePairs(NDManager manager, Constants constants, NDArray positions, int[] src, int[] dst, double[] shifts, int atoms,
              IndexAddKernel kernel) {
        this.manager = manager;
        this.constants = constants;
        this.positions = positions;
        int[] reverse = reverse(src, dst, shifts, atoms);
        int e = src.length;
        pairs = e / 2;
        long[] a = new long[pairs];
        long[] b = new long[pairs];
        long[] ab = new long[2 * pairs];
        int[] target = new int[2 * pairs];
        double[] sv = new double[3 * pairs];
        boolean periodic = false;
        int p = 0;
        for (int k = 0; k < e; k++) {
            if (reverse[k] < k) {
                continue; // the pair was taken at its first edge
            }
            a[p] = src[k];
            b[p] = dst[k];
            ab[p] = src[k];
            ab[pairs + p] = dst[k];
            target[p] = dst[k];
            target[pairs + p] = src[k];
            for (int d = 0; d < 3; d++) {
                sv[3 * p + d] = shifts[3 * k + d];
                periodic |= shifts[3 * k + d] != 0.0;
            }
            p++;
        }
        first = manager.create(a);
        second = manager.create(b);
        ends = manager.create(ab);
        shift = periodic ? constants.array(sv, new Shape(pairs, 3)) : null;
        toAtoms = new SegmentSum(manager, target, atoms, constants.dtype(), kernel);
    }

    /**
     * Index of the reverse of every directed edge ({@code a→b, s} ↔ {@code b→a, −s}).
     * {@code dst} must be non-decreasing (as {@link GraphBatch} builds it).
     *
     * @throws IllegalStateException when an edge has no reverse
     */
    static int[] reverse(int[] src, int[] dst, double[] shifts, int atoms) {
        int e = src.length;
        int[] start = new int[atoms + 1]; // CSR over dst: edges into atom i are start[i] .. start[i+1]-1
        for (int k = 0; k < e; k++) {
            if (k > 0 && dst[k] < dst[k - 1]) {
                throw new IllegalStateException("edges not sorted by target atom at edge " + k);
            }
            start[dst[k] + 1]++;
        }
        for (int i = 0; i < atoms; i++) {
            start[i + 1] += start[i];
        }
        int[] reverse = new int[e];
        Arrays.fill(reverse, -1);
        for (int k = 0; k < e; k++) {
            if (reverse[k] >= 0) {
                continue;
            }
            int i = src[k];
            int j = dst[k];
            int found = -1;
            for (int q = start[i]; q < start[i + 1]; q++) { // edges into i; look for j → i with −s
                if (src[q] == j && reverse[q] < 0 && q != k
                        && shifts[3 * q] == -shifts[3 * k] && shifts[3 * q + 1] == -shifts[3 * k + 1]
                        && shifts[3 * q + 2] == -shifts[3 * k + 2]) {
                    found = q;
                    break;
                }
            }
            if (found < 0) {
                throw new IllegalStateException("edge " + k + " (" + i + " → " + j + ") has no reverse edge; "
                        + "the neighbour list must contain both directions of every pair");
            }
            reverse[k] = found;
            reverse[found] = k;
        }
        return reverse;
    }

    /** Number of unordered pairs {@code P} (half the directed edges). */
    public int count() { return pairs; }

    /** Source atom of each message row in pair order, {@code [2P]} int64: first ends, then second ends. */
    public NDArray ends() { return ends; }

    /** Sums message rows in pair order ({@code [2P, ...]}) into their target atoms ({@code [N, ...]}). */
    public SegmentSum toAtoms() { return toAtoms; }

    /**
     * Pair vectors {@code x[first] − x[second] + shift}, {@code [P, 3]} Å (the vector of the
     * first-direction edge; its reverse has the opposite vector); computed once, differentiable.
     */
    public NDArray vectors() {
        if (vectors == null) {
            NDArray v = Tensors.gather(positions, first, manager).sub(Tensors.gather(positions, second, manager));
            vectors = shift == null ? v : v.add(shift);
        }
        return vectors;
    }

    /** Pair lengths {@code |vectors()|}, {@code [P]} Å; computed once, differentiable. */
    public NDArray lengths() {
        if (lengths == null) {
            lengths = Tensors.norm(vectors(), 1);
        }
        return lengths;
    }

    /** The floating type of the batch. */
    public DataType dtype() { return constants.dtype(); }
}
