package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import io.moiety.model.nn.CompositeBlock;
import io.moiety.model.nn.Dense;
import java.util.ArrayList;
import java.util.List;

/**
 * Equivariant linear map of packed irreps features {@code [N, (lmax+1)², C_in] → [N, (lmax+1)², C_out]}:
 * one channel-mixing matrix per degree {@code l}, shared by the {@code 2l+1} components (so it
 * commutes with every Wigner D). No bias (a bias would break equivariance for {@code l > 0}).
 * Weights start as {@code N(0, 1/C_in)}, which keeps component variances unchanged.
 */
public final class EquivariantLinear extends CompositeBlock {
    private final int lmax;
    private final List<Dense> perDegree = new ArrayList<>();

    /** A map for degrees {@code 0..lmax}, {@code in → out} channels. */
    public EquivariantLinear(int lmax, int in, int out) {
        this.lmax = lmax;
        for (int l = 0; l <= lmax; l++) {
            Dense d = child("l" + l, new Dense(in, out, false));
            d.setInitializer(new NormalInitializer((float) (1 / Math.sqrt(in))), Parameter.Type.WEIGHT);
            perDegree.add(d);
        }
    }

    /** Largest degree. */
    public int lmax() {
        return lmax;
    }

    /** Applies the map to {@code x [N, ≥(lmax+1)², C_in]} (components beyond {@code lmax} are ignored). */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray out = null;
        for (int l = 0; l <= lmax; l++) {
            NDArray block = x.get(":, " + (l * l) + ":" + ((l + 1) * (l + 1)) + ", :");
            NDArray y = perDegree.get(l).apply(ps, block, training);
            out = out == null ? y : out.concat(y, 1);
        }
        return out;
    }
}
