package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import io.moiety.model.nn.CompositeBlock;
import io.moiety.model.nn.Dense;
import io.moiety.model.nn.Activations;

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
        if (lmax == 0) {
            return Activations.silu(s);
        }
        long n = h.getShape().get(0);
        // silu(s) = s·σ(s): scalars and gated degrees are one multiplication by σ of (s, W s + b)
        NDArray pre = s.concat(gates.apply(ps, s, training).reshape(n, lmax, channels), 1);      // [N, L+1, C]
        NDArray factor = Activations.sigmoid(pre).get(new NDIndex(":, {}, :",
                h.getManager().create(SymmetricProduct.degreeOfComponent(lmax))));                // [N, D, C]
        return h.mul(factor);
    }
}
