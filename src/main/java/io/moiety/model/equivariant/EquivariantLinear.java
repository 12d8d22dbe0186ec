package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.moiety.model.nn.Tensors;

/**
 * Equivariant linear map of packed irreps features {@code [N, (lmax+1)², C_in] → [N, (lmax+1)², C_out]}:
 * one channel-mixing matrix per degree {@code l}, shared by the {@code 2l+1} components (so it
 * commutes with every Wigner D). No bias (a bias would break equivariance for {@code l > 0}).
 * Weights {@code [lmax+1, C_in, C_out]} start as {@code N(0, 1/C_in)}, which keeps component
 * variances unchanged. All degrees are one batched matmul: the weight of each component's degree
 * is gathered into {@code [(lmax+1)², C_in, C_out]} and applied to the component-major features.
 */
public final class EquivariantLinear extends AbstractBlock {
    private final int lmax;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final long[] degreeOfComponent;

    /** A map for degrees {@code 0..lmax}, {@code in → out} channels. */
    public EquivariantLinear(int lmax, int in, int out) {
        this.lmax = lmax;
        this.in = in;
        this.out = out;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(lmax + 1, in, out))
                .optInitializer(new NormalInitializer((float) (1 / Math.sqrt(in)))).build());
        degreeOfComponent = SymmetricProduct.degreeOfComponent(lmax);
    }

    /** Largest degree. */
    public int lmax() {
        return lmax;
    }

    /** Applies the map to {@code x [N, ≥(lmax+1)², C_in]} (components beyond {@code lmax} are ignored). */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDManager home = x.getManager();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        int d = SphericalHarmonics.dim(lmax);
        if (x.getShape().get(1) != d) {
            x = x.get(":, 0:" + d + ", :");
        }
        if (lmax == 0) {
            return x.matMul(Tensors.home(w.reshape(in, out), home));
        }
        NDArray perComponent = Tensors.home(w.get(home.create(degreeOfComponent)), home);   // [D, C_in, C_out]
        return x.transpose(1, 0, 2).matMul(perComponent).transpose(1, 0, 2);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] s = inputShapes[0].getShape().clone();
        s[s.length - 1] = out;
        return new Shape[] {new Shape(s)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}
}
