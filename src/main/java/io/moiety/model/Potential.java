package io.moiety.model;

import io.moiety.data.Frame;
import java.util.List;

/**
 * Anything that predicts energies (and possibly forces) for configurations: trained networks
 * and fitted baselines alike. Only the frames' structures are read, never their labels.
 */
public interface Potential extends AutoCloseable {

    /** Short name for tables, e.g. {@code schnet-small} or {@code group-additivity}. */
    String name();

    /** Whether {@link Prediction#forces()} is filled. */
    boolean predictsForces();

    /** One prediction per frame, in order. */
    List<Prediction> predict(List<Frame> frames);

    @Override
    default void close() {}
}
