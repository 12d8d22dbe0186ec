package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * Activation functions of the networks, applied element-wise; constants from {@link Constants}.
 */
public final class Activations {
    private Activations() {}

    /** Shifted softplus {@code ln(1 + eˣ) − ln 2} (SchNet's activation, zero at 0). */
    public static NDArray shiftedSoftplus(NDArray x, Constants c) {
        return x.getNDArrayInternal().softPlus().sub(c.scalar(Math.log(2.0)));
    }

    /** SiLU {@code x·σ(x)} (PaiNN's activation). */
    public static NDArray silu(NDArray x) {
        return x.mul(x.getNDArrayInternal().sigmoid());
    }

    /** Sigmoid {@code σ(x)}. */
    public static NDArray sigmoid(NDArray x) {
        return x.getNDArrayInternal().sigmoid();
    }
}
