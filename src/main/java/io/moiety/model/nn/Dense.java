package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * Fully connected layer {@code y = x Wᵀ + b} over the last axis with fixed sizes (no shape
 * inference; weights Glorot-uniform, bound √(6/(in+out)) as torch's {@code xavier_uniform_},
 * biases zero), so a whole network can be initialised without example inputs. The input is the
 * first operand, so results land in the input's (batch) manager, never in the parameters'.
 */
public final class Dense extends AbstractBlock {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer {@code in → out}, with or without bias. */
    public Dense(int in, int out, boolean withBias) {
        this.in = in;
        this.out = out;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in))
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3))
                .build());
        bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(out)).build()) : null;
    }

    /** Input width. */
    public int in() { return in; }

    /** Output width. */
    public int out() { return out; }

    /** Applies the layer to {@code x [..., in]} → {@code [..., out]}. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
        NDArray y = x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
        return Tensors.home(y, x.getManager());
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
