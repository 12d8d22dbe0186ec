package io.moiety.model;

import io.moiety.chem.Structure;
import java.util.List;
import java.util.Set;

/**
 * Creates networks of one {@code type}. Every factory, built-in or not, is found through
 * {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/io.moiety.model.ModelFactory}.
 */
public interface ModelFactory {

    /** The config {@code type} this factory builds. */
    String type();

    /**
     * The architecture keys this type reads from a {@link ModelConfig} (besides {@code type},
     * {@code cutoff}, {@code dtype} and {@code training}); any other key is rejected.
     */
    Set<String> keys();

    /** A new, uninitialised network (parameters are initialised by {@link EnergyModel#create}). */
    AtomisticModel create(ModelConfig config);

    /**
     * {@code config} with its data-derived keys (architecture value {@code auto}, see
     * {@link ModelConfig#autoKeys()}) measured on the training structures; the default knows none and
     * returns {@code config} unchanged.
     */
    default ModelConfig resolveAuto(ModelConfig config, List<Structure> training) {
        return config;
    }
}
