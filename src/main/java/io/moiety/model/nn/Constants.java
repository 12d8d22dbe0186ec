package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;

/**
 * Numeric constants as NDArrays owned by one batch/step manager, so they stay alive through
 * backward. Use these instead of DJL's scalar overloads ({@code mul(Number)}, {@code add(Number)},
 * {@code pow(Number)}, ...): those wrap a Java buffer that autograd keeps after it has been freed,
 * which silently corrupts gradients after a garbage collection. Values are cached per batch.
 */
public final class Constants {
    private final NDManager manager;
    private final DataType dtype;
    private final Map<Double, NDArray> scalars = new HashMap<>();

    /** Constants of floating type {@code dtype} living in {@code manager} (the batch's manager). */
    public Constants(NDManager manager, DataType dtype) {
        this.manager = manager;
        this.dtype = dtype;
    }

    /** The manager the constants live in. */
    public NDManager manager() { return manager; }

    /** The floating type of the constants. */
    public DataType dtype() { return dtype; }

    /** A 0-d constant equal to {@code value}, broadcastable against any array. */
    public NDArray scalar(double value) {
        return scalars.computeIfAbsent(value, v -> vector(new double[] {v}).reshape(new Shape()));
    }

    /** A 1-d constant. */
    public NDArray vector(double[] values) {
        return array(values, new Shape(values.length));
    }

    /** A constant of the given shape (row-major values). */
    public NDArray array(double[] values, Shape shape) {
        NDArray a;
        if (dtype == DataType.FLOAT64) {
            a = manager.create(values, shape);
        } else if (dtype == DataType.FLOAT32) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            a = manager.create(f, shape);
        } else {
            throw new IllegalArgumentException("constants must be float32 or float64, got " + dtype);
        }
        return a;
    }

    /** A constant of zeros. */
    public NDArray zeros(Shape shape) {
        return manager.zeros(shape, dtype);
    }
}
