package io.moiety.model;

import io.moiety.model.painn.PaiNN;
import io.moiety.model.schnet.SchNet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Registry from config {@code type} to {@link ModelFactory}: built-ins plus ServiceLoader ones. */
public final class Models {
    private Models() {}

    /** All known factories by type (built-ins first; a service may not replace a built-in). */
    public static Map<String, ModelFactory> factories() {
        Map<String, ModelFactory> map = new TreeMap<>();
        map.put("schnet", new SchNet.Factory());
        map.put("painn", new PaiNN.Factory());
        for (ModelFactory f : ServiceLoader.load(ModelFactory.class)) {
            map.putIfAbsent(f.type(), f);
        }
        return map;
    }

    /** A new, uninitialised network for {@code config.type()}. */
    public static AtomisticModel create(ModelConfig config) {
        ModelFactory f = factories().get(config.type());
        if (f == null) {
            throw new IllegalArgumentException(config.source() + ": field 'type': unknown model type '" + config.type()
                    + "' (known: " + String.join(", ", factories().keySet()) + ")");
        }
        return f.create(config);
    }
}
