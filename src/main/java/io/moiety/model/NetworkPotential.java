package io.moiety.model;

import io.moiety.data.Frame;
import java.util.List;

/**
 * {@link Potential} backed by an {@link EnergyModel}: predicts total energies (eV) and
 * conservative forces (eV/Å) in batches, without keeping any graph. Closing it closes the model.
 */
public final class NetworkPotential implements Potential {
    private final String name;
    private final EnergyModel model;
    private final int batchSize;
    private final String referenceEnergies;

    /** Wraps {@code model}; {@code batchSize} structures are evaluated together; {@code referenceEnergies} says where its reference energies come from. */
    public NetworkPotential(String name, EnergyModel model, int batchSize, String referenceEnergies) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
        this.name = name;
        this.model = model;
        this.batchSize = batchSize;
        this.referenceEnergies = referenceEnergies;
    }

    @Override public String referenceEnergies() { return referenceEnergies; }

    /** The underlying model. */
    public EnergyModel model() { return model; }

    @Override public String name() { return name; }

    @Override public boolean predictsForces() { return true; }

    @Override
    public List<Prediction> predict(List<Frame> frames) {
        return model.predict(frames.stream().map(Frame::structure).toList(), batchSize);
    }

    @Override
    public void close() { model.close(); }
}
