package io.moiety.model.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Base of network blocks whose children all have fixed shapes ({@link Dense}, {@link Embedding}):
 * initialisation needs no example input, and the forward pass is a typed method of the subclass
 * (graph inputs do not fit DJL's {@code NDList} forward, which therefore throws).
 */
public abstract class CompositeBlock extends AbstractBlock {

    /** Registers a child under {@code name} (its parameters are saved under that prefix). */
    protected final <B extends Block> B child(String name, B block) {
        return addChildBlock(name, block);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block b : children.values()) {
            b.initialize(manager, dataType);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " takes a GraphBatch: call its typed forward method instead of Block.forward");
    }

    /**
     * Loads parameters and marks them as requiring gradients again, as after {@code initialize}:
     * DJL's loader does not, which leaves a loaded model untrainable and changes the autograd
     * graph of the forces (last-bit differences after a save/load round trip).
     */
    @Override
    public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
        super.loadParameters(manager, is);
        for (var p : getParameters()) {
            NDArray a = p.getValue().getArray();
            if (!a.hasGradient()) {
                a.setRequiresGradient(true);
            }
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
