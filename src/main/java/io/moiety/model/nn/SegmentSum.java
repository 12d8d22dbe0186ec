package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;

/**
 * Segment sum {@code out[t] = Σ_{s: target(s) = t} x[s]}: by {@code index_add} through
 * {@link IndexAddKernel} when a kernel is given (fast backward), otherwise as a sparse COO incidence
 * matrix {@code [targets, sources]} times {@code x} (DJL has no scatter-add/index-add; the sparse
 * product is twice differentiable, but its backward multiplies by the transposed sparse matrix,
 * which is slow on the CPU). Built once per batch in the batch's manager; every result is
 * attached to that manager, so nothing cached leaks.
 */
public final class SegmentSum {
    private final NDManager home;
    private final IndexAddKernel kernel;
    private final NDArray targetIndex;
    private final NDArray targetCount;
    private final NDArray matrix;
    private final NDArray indices;
    private final NDArray values;
    private final int targets;
    private final int sources;

    /**
     * @param home    the batch manager that owns the matrix and every result
     * @param target  target index of each source row, {@code [sources]}, values in {@code [0, targets)}
     * @param targets number of segments
     * @param dtype   floating type of the arrays that will be summed
     */
    public SegmentSum(NDManager home, int[] target, int targets, DataType dtype) {
        this(home, target, targets, dtype, null);
    }

    /**
     * As {@link #SegmentSum(NDManager, int[], int, DataType)}, summing with {@code kernel}
     * ({@code index_add}) when it is not null.
     */
    public SegmentSum(NDManager home, int[] target, int targets, DataType dtype, IndexAddKernel kernel) {
        this.home = home;
        this.targets = targets;
        this.sources = target.length;
        this.kernel = kernel;
        long[] idx = new long[2 * sources];
        for (int s = 0; s < sources; s++) {
            if (target[s] < 0 || target[s] >= targets) {
                throw new IllegalArgumentException("segment index " + target[s] + " of row " + s + " outside [0, " + targets + ")");
            }
            idx[s] = target[s];
            idx[sources + s] = s;
        }
        if (kernel != null) {
            this.targetIndex = home.create(Arrays.copyOf(idx, sources));
            this.targetCount = home.create((long) targets);
            this.indices = null;
            this.values = null;
            this.matrix = null;
            return;
        }
        this.targetIndex = null;
        this.targetCount = null;
        // the sparse tensor aliases its index and value tensors, which alias Java buffers:
        // all three must stay alive (in the batch manager) as long as the matrix is used
        this.indices = home.create(idx, new Shape(2, sources));
        this.values = home.ones(new Shape(sources), dtype);
        NDArray m = JniUtils.createSparseCoo((PtNDArray) indices, (PtNDArray) values, new Shape(targets, sources));
        this.matrix = Tensors.home(m, home);
    }

    /** Sums rows of {@code x [sources, ...]} into {@code [targets, ...]}; differentiable. */
    public NDArray sum(NDArray x) {
        Shape shape = x.getShape();
        if (shape.get(0) != sources) {
            throw new IllegalArgumentException("segment sum expects " + sources + " rows, got " + shape);
        }
        if (kernel != null) {
            return kernel.sum(x, targetIndex, targetCount, home);
        }
        long rest = 1;
        for (int k = 1; k < shape.dimension(); k++) {
            rest *= shape.get(k);
        }
        NDArray flat = shape.dimension() == 2 ? x : x.reshape(sources, rest);
        NDArray out = Tensors.home(matrix.matMul(flat), home);
        if (shape.dimension() != 2) {
            long[] dims = shape.getShape().clone();
            dims[0] = targets;
            out = Tensors.home(out.reshape(new Shape(dims)), home);
        }
        return out;
    }
}
