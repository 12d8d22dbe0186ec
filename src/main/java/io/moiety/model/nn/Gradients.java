package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;

/**
 * Leak-free access to parameter gradients. DJL's {@code getGradient()} returns a new wrapper in
 * the parameter's (long-lived) manager on every call, and {@code GradientCollector} never
 * zeroes gradients (PyTorch accumulates into {@code .grad}). Use {@link #of} with the step's
 * manager and {@link #zero} before (or after) each step.
 */
public final class Gradients {
    private Gradients() {}

    /** Gradient of {@code parameter} (same shape), attached to {@code home} (closed with the step). */
    public static NDArray of(Parameter parameter, NDManager home) {
        NDArray g = parameter.getArray().getGradient();
        return Tensors.home(g, home);
    }

    /**
     * Accumulates d{@code loss}/dθ into every parameter's gradient that takes part in {@code loss}
     * (a scalar built with grad mode on, see {@link GradMode}). What DJL's {@code GradientCollector}
     * does, without its one-collector-per-JVM limit, so that several threads can train at once.
     */
    public static void backward(NDArray loss) {
        try (NDArray seed = loss.onesLike()) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
        }
    }

    /** Sets every parameter gradient of {@code block} to zero (no arrays are created). */
    public static void zero(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) a);
            }
        }
    }
}
