package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Array plumbing of the networks that avoids DJL's hazards: results attached to a batch manager
 * ({@link #home}), row gathers, vector norms, the supported dtypes. Nothing uses
 * {@code toType}/{@code duplicate} on a graph path.
 */
public final class Tensors {
    private Tensors() {}

    /** Attaches {@code result} to {@code manager} (the batch/step manager) and returns it. */
    public static NDArray home(NDArray result, NDManager manager) {
        if (result.getManager() != manager) {
            result.attach(manager);
        }
        return result;
    }

    /**
     * Rows {@code x[index]} ({@code index} int64 {@code [M]}); differentiable (twice) w.r.t. {@code x};
     * lives in {@code home}. Runs as {@code aten::embedding} (index_select forward, index_add
     * backward), faster than DJL's advanced indexing {@code x.get(index)} (benchmarks/perf.md).
     */
    public static NDArray gather(NDArray x, NDArray index, NDManager home) {
        Shape shape = x.getShape();
        if (shape.dimension() == 2) {
            return home(JniUtils.embedding((PtNDArray) index, (PtNDArray) x, false), home);
        }
        long rows = shape.get(0);
        NDArray flat = home(x.reshape(rows, shape.size() / Math.max(rows, 1)), home);
        NDArray picked = home(JniUtils.embedding((PtNDArray) index, (PtNDArray) flat, false), home);
        long[] dims = shape.getShape().clone();
        dims[0] = index.getShape().get(0);
        return home(picked.reshape(new Shape(dims)), home);
    }

    /** Euclidean norm along {@code axis} with {@code eps} under the root (smooth at zero). */
    public static NDArray norm(NDArray v, int axis, double eps, Constants c) {
        return v.square().sum(new int[] {axis}).add(c.scalar(eps)).sqrt();
    }

    /** Euclidean norm along {@code axis} without regularisation (for edge lengths, never zero). */
    public static NDArray norm(NDArray v, int axis) {
        return v.square().sum(new int[] {axis}).sqrt();
    }

    /** Whether {@code t} is a supported floating type. */
    public static boolean floating(DataType t) {
        return t == DataType.FLOAT32 || t == DataType.FLOAT64;
    }
}
