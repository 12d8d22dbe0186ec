package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.moiety.model.nn.CompositeBlock;
import io.moiety.model.nn.Dense;
import io.moiety.model.nn.Ops;

/**
 * NequIP's gated nonlinearity on packed features {@code [N, (lmax+1)², C]}: scalars go through
 * SiLU; every degree {@code l > 0} channel is multiplied by {@code σ(g)}, a gate computed
 * linearly from the scalars (invariant, so the product stays equivariant).
 */
final class Gate extends CompositeBlock {
    private final int lmax;
    private final int channels;
    private final Dense gates;

    Gate(int lmax, int channels) {
        this.lmax = lmax;
        this.channels = channels;
        gates = lmax > 0 ? child("gates", new Dense(channels, lmax * channels, true)) : null;
    }

    NDArray apply(ParameterStore ps, NDArray h, boolean training) {
        NDArray s = h.get(":, 0:1, :");
        NDArray out = Ops.silu(s);
        if (lmax == 0) {
            return out;
        }
        long n = h.getShape().get(0);
        NDArray g = Ops.sigmoid(gates.apply(ps, s, training)).reshape(n, lmax, channels);
        for (int l = 1; l <= lmax; l++) {
            NDArray block = h.get(":, " + (l * l) + ":" + ((l + 1) * (l + 1)) + ", :");
            out = out.concat(block.mul(g.get(":, " + (l - 1) + ":" + l + ", :")), 1);
        }
        return out;
    }
}
