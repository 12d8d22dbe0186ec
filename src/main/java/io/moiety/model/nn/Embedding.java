package io.moiety.model.nn;

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

/**
 * Learned per-element vectors, indexed by atomic number (rows 0…{@link #MAX_Z}; initialised
 * N(0, 1) like torch's {@code nn.Embedding}). The lookup
 * result is attached to the batch manager (the table is long-lived, so it must not own results).
 */
public final class Embedding extends AbstractBlock {
    /** Largest atomic number with a row. */
    public static final int MAX_Z = 118;

    private final int features;
    private final Parameter table;

    /** A table of {@code features}-wide vectors. */
    public Embedding(int features) {
        this.features = features;
        table = addParameter(Parameter.builder().setName("table").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(MAX_Z + 1, features)).optInitializer(new NormalInitializer(1.0f)).build());
    }

    /** Vectors of the given atomic numbers ({@code z} int64 {@code [N]}) → {@code [N, features]} in {@code home}. */
    public NDArray apply(ParameterStore ps, NDArray z, NDManager home, boolean training) {
        NDArray t = ps.getValue(table, z.getDevice(), training);
        return Tensors.gather(t, z, home);
    }

    /** Width of the vectors. */
    public int features() { return features; }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray z = inputs.singletonOrThrow();
        return new NDList(apply(ps, z, z.getManager(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), features)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}
}
