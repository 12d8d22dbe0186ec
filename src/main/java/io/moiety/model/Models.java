package io.moiety.model;

import io.moiety.chem.Structure;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Registry from config {@code type} to {@link ModelFactory}: every factory listed in
 * {@code META-INF/services/io.moiety.model.ModelFactory} (the built-in schnet, painn and tp
 * included), found through {@link ServiceLoader}.
 */
public final class Models {
    private Models() {}

    /** All known factories by type (the first listed wins when two claim one type). */
    public static Map<String, ModelFactory> factories() {
        Map<String, ModelFactory> map = new TreeMap<>();
        for (ModelFactory f : ServiceLoader.load(ModelFactory.class)) {
            map.putIfAbsent(f.type(), f);
        }
        return map;
    }

    /** A new, uninitialised network for {@code config.type()}. */
    public static AtomisticModel create(ModelConfig config) {
        return factory(config).create(config);
    }

    /**
     * {@code config} with every {@code auto} architecture value measured on {@code training} by its
     * type's factory; an error names the keys that type cannot measure.
     */
    public static ModelConfig resolveAuto(ModelConfig config, List<Structure> training) {
        if (config.autoKeys().isEmpty()) {
            return config;
        }
        ModelConfig resolved = factory(config).resolveAuto(config, training);
        if (!resolved.autoKeys().isEmpty()) {
            throw new IllegalArgumentException(config.source() + ": field(s) " + resolved.autoKeys()
                    + " cannot be 'auto' for type " + config.type() + "; give a value");
        }
        return resolved;
    }

    private static ModelFactory factory(ModelConfig config) {
        ModelFactory f = factories().get(config.type());
        if (f == null) {
            throw new IllegalArgumentException(config.source() + ": field 'type': unknown model type '" + config.type()
                    + "' (known: " + String.join(", ", factories().keySet()) + ")");
        }
        return f;
    }
}
