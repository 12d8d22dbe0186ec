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

    /**
     * Where the potential's per-element reference energies E0 come from, with their values, e.g.
     * {@code E0 (least-squares): H -10.7 eV, C -48.8 eV}; empty when it has none to state.
     */
    default String referenceEnergies() {
        return "";
    }

    /** One prediction per frame, in order. */
    List<Prediction> predict(List<Frame> frames);

    @Override
    default void close() {}
}
