package io.moiety.model.graph;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.moiety.chem.Structure;
import io.moiety.model.nn.Constants;
import io.moiety.model.nn.Tensors;
import io.moiety.model.nn.SegmentSum;
import io.moiety.model.nn.IndexAddKernel;
import java.util.Arrays;
import java.util.List;

/**
 * Many structures batched into one graph by index arrays, built once per batch in its own
 * NDManager (closed with the batch, which frees every array of the step). Atoms of graph
 * {@code g} are contiguous; edges point from {@code src} to {@code dst} with vector
 * {@code x[src] − x[dst] + shift} (Å). Segment sums: edges → atoms (by dst) and atoms → graphs.
 */
public final class GraphBatch implements AutoCloseable {
    private final NDManager manager;
    private final DataType dtype;
    private final Constants constants;
    private final int[] atomicNumbers;
    private final int[] graphIndex;
    private final int[] atomsPerGraph;
    private final int[] offsets;
    private final int[] src;
    private final int[] dst;
    private final NDArray positions;
    private final NDArray z;
    private NDArray srcArray;     // the per-edge arrays are made on first use: models that work
    private NDArray dstArray;     // on edge pairs (SchNet, PaiNN) never need them
    private NDArray shift;
    private SegmentSum edgesToAtoms;
    private final SegmentSum atomsToGraphs;
    private final double cutoff;
    private final double[] shiftValues;
    private final IndexAddKernel kernel;
    private NDArray edgeVectors;
    private NDArray edgeLengths;
    private EdgePairs edgePairs;

    private GraphBatch(List<Structure> structures, double cutoff, NeighbourList list, NDManager parent,
                       Device device, DataType dtype, boolean positionsRequireGrad, IndexAddKernel kernel) {
        if (!Tensors.floating(dtype)) {
            throw new IllegalArgumentException("dtype must be float32 or float64, got " + dtype);
        }
        if (structures.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        this.dtype = dtype;
        this.cutoff = cutoff;
        this.kernel = kernel;
        int g = structures.size();
        atomsPerGraph = new int[g];
        offsets = new int[g];
        int n = 0;
        Edges[] edges = new Edges[g];
        int e = 0;
        for (int k = 0; k < g; k++) {
            Structure s = structures.get(k);
            offsets[k] = n;
            atomsPerGraph[k] = s.size();
            n += s.size();
            edges[k] = list.build(s, cutoff);
            e += edges[k].size();
        }
        atomicNumbers = new int[n];
        graphIndex = new int[n];
        double[] pos = new double[3 * n];
        src = new int[e];
        dst = new int[e];
        double[] sv = new double[3 * e];
        int ei = 0;
        for (int k = 0; k < g; k++) {
            Structure s = structures.get(k);
            System.arraycopy(s.atomicNumbers(), 0, atomicNumbers, offsets[k], s.size());
            System.arraycopy(s.positions(), 0, pos, 3 * offsets[k], 3 * s.size());
            for (int i = 0; i < s.size(); i++) {
                graphIndex[offsets[k] + i] = k;
            }
            Edges ed = edges[k];
            double[] shifts = ed.shiftVectors(s.cell());
            for (int q = 0; q < ed.size(); q++) {
                src[ei] = ed.src()[q] + offsets[k];
                dst[ei] = ed.dst()[q] + offsets[k];
                System.arraycopy(shifts, 3 * q, sv, 3 * ei, 3);
                ei++;
            }
        }
        manager = parent.newSubManager(device);
        constants = new Constants(manager, dtype);
        positions = constants.array(pos, new Shape(n, 3));
        if (positionsRequireGrad) {
            positions.setRequiresGradient(true);
        }
        z = manager.create(toLong(atomicNumbers));
        shiftValues = sv;
        atomsToGraphs = new SegmentSum(manager, graphIndex, g, dtype, kernel);
    }

    /**
     * Builds a batch.
     *
     * @param structures           molecules or periodic structures
     * @param cutoff               neighbour cutoff, Å
     * @param parent               manager whose sub-manager will own the batch (on {@code device})
     * @param device               where the arrays live
     * @param dtype                float32 or float64
     * @param positionsRequireGrad whether forces (−∂E/∂x) will be taken
     */
    public static GraphBatch of(List<Structure> structures, double cutoff, NDManager parent, Device device,
                                DataType dtype, boolean positionsRequireGrad) {
        return new GraphBatch(structures, cutoff, NeighbourList.auto(), parent, device, dtype, positionsRequireGrad, null);
    }

    /** As {@link #of} with an explicit neighbour-list builder. */
    public static GraphBatch of(List<Structure> structures, double cutoff, NeighbourList list, NDManager parent,
                                Device device, DataType dtype, boolean positionsRequireGrad) {
        return new GraphBatch(structures, cutoff, list, parent, device, dtype, positionsRequireGrad, null);
    }

    /**
     * As {@link #of}, with segment sums by {@code index_add} through {@code kernel} (owned by the
     * caller, e.g. the model, and kept open while the batch is used) instead of sparse products.
     */
    public static GraphBatch of(List<Structure> structures, double cutoff, NeighbourList list, NDManager parent,
                                Device device, DataType dtype, boolean positionsRequireGrad, IndexAddKernel kernel) {
        return new GraphBatch(structures, cutoff, list, parent, device, dtype, positionsRequireGrad, kernel);
    }

    private static long[] toLong(int[] a) {
        return Arrays.stream(a).asLongStream().toArray();
    }

    /** The batch's manager: owns every array of the step; closed by {@link #close()}. */
    public NDManager manager() { return manager; }

    /** Constants living in this batch's manager. */
    public Constants constants() { return constants; }

    /** Floating type of positions and features. */
    public DataType dtype() { return dtype; }

    /** Cutoff the edges were built with, Å. */
    public double cutoff() { return cutoff; }

    public int numAtoms() { return atomicNumbers.length; }

    public int numEdges() { return src.length; }

    public int numGraphs() { return atomsPerGraph.length; }

    /** Positions {@code [N, 3]}, Å (requires grad when built for forces). */
    public NDArray positions() { return positions; }

    /** Atomic numbers {@code [N]} int64. */
    public NDArray atomicNumbers() { return z; }

    /** Edge source atoms {@code [E]} int64. */
    public NDArray edgeSrc() {
        if (srcArray == null) {
            srcArray = manager.create(toLong(src));
        }
        return srcArray;
    }

    /** Edge destination atoms {@code [E]} int64. */
    public NDArray edgeDst() {
        if (dstArray == null) {
            dstArray = manager.create(toLong(dst));
        }
        return dstArray;
    }

    /** Periodic shift vectors {@code [E, 3]}, Å (zero for molecules). */
    public NDArray edgeShifts() {
        if (shift == null) {
            shift = constants.array(shiftValues, new Shape(src.length, 3));
        }
        return shift;
    }

    /** Sums edge rows into their destination atoms. */
    public SegmentSum edgesToAtoms() {
        if (edgesToAtoms == null) {
            edgesToAtoms = new SegmentSum(manager, dst, atomicNumbers.length, dtype, kernel);
        }
        return edgesToAtoms;
    }

    /** Sums atom rows into their graphs. */
    public SegmentSum atomsToGraphs() { return atomsToGraphs; }

    /** Edge vectors {@code x[src] − x[dst] + shift}, {@code [E, 3]} Å; computed once per batch, differentiable. */
    public NDArray edgeVectors() {
        if (edgeVectors == null) {
            NDArray xs = Tensors.gather(positions, edgeSrc(), manager);
            NDArray xd = Tensors.gather(positions, edgeDst(), manager);
            edgeVectors = xs.sub(xd).add(edgeShifts());
        }
        return edgeVectors;
    }

    /**
     * The directed edges grouped into unordered pairs (built on first use, then cached), for
     * models that evaluate length-only functions once per pair ({@link EdgePairs}).
     */
    public EdgePairs edgePairs() {
        if (edgePairs == null) {
            edgePairs = new EdgePairs(manager, constants, positions, src, dst, shiftValues, atomicNumbers.length, kernel);
        }
        return edgePairs;
    }

    /** Edge lengths {@code [E]}, Å. */
    public NDArray edgeLengths() {
        if (edgeLengths == null) {
            edgeLengths = Tensors.norm(edgeVectors(), 1);
        }
        return edgeLengths;
    }

    /** Atomic numbers as Java array (copy). */
    public int[] atomicNumbersArray() { return atomicNumbers.clone(); }

    /** Atom count of each graph (copy). */
    public int[] atomsPerGraph() { return atomsPerGraph.clone(); }

    /** First atom of each graph (copy). */
    public int[] offsets() { return offsets.clone(); }

    @Override
    public void close() { manager.close(); }
}
