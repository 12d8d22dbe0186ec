package io.moiety.model;

import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.moiety.data.FileHash;
import io.moiety.data.Mappers;
import io.moiety.data.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A network's configuration from YAML ({@code models/*.yaml}): {@code type} (schnet, painn, tp,
 * ...), {@code cutoff} (Å), {@code dtype} (float32|float64), architecture hyper-parameters (all
 * other top-level keys, each model type's own: see its {@link ModelFactory#keys()}) and an opaque
 * {@code training:} map read by the trainer. A key the type does not read is rejected with the
 * list of valid keys, whether it comes from the file, {@code --set} or a suite's overrides.
 *
 * @param source       where it was read from (file or resource), for error messages
 * @param type         model type, key of the {@link Models} registry
 * @param cutoff       neighbour cutoff, Å
 * @param dtype        "float32" or "float64"
 * @param architecture hyper-parameters (e.g. features, interactions, rbf)
 * @param training     training section, uninterpreted here
 */
public record ModelConfig(String source, String type, double cutoff, String dtype,
                          Map<String, Object> architecture, Map<String, Object> training) {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** Keys every type has besides its architecture keys. */
    private static final Set<String> COMMON_KEYS = Set.of("type", "cutoff", "dtype", "training");

    /**
     * Architecture value meaning "measure this on the training data" (e.g. tp's
     * {@code avg_num_neighbors}); {@code moiety train} replaces it by the measured number, which the
     * checkpoint then keeps.
     */
    public static final String AUTO = "auto";
    /** Directory (and jar folder) of the named model configurations. */
    public static final String DIR = "models";

    public ModelConfig {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException(source + ": field 'type' is required (schnet, painn, tp)");
        }
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException(source + ": field 'cutoff' must be > 0 Å, got " + cutoff);
        }
        if (!"float32".equals(dtype) && !"float64".equals(dtype)) {
            throw new IllegalArgumentException(source + ": field 'dtype' must be float32 or float64, got " + dtype);
        }
        // in the file's order, so that the YAML written into checkpoints is the same on every run
        architecture = Collections.unmodifiableMap(new LinkedHashMap<>(architecture == null ? Map.of() : architecture));
        if (architecture.containsValue(null)) {
            throw new IllegalArgumentException(source + ": a model key has no value: " + architecture);
        }
        training = training == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(training));
        ModelFactory factory = Models.factories().get(type);
        if (factory != null && !factory.keys().containsAll(architecture.keySet())) {
            Set<String> unknown = new TreeSet<>(architecture.keySet());
            unknown.removeAll(factory.keys());
            Set<String> valid = new TreeSet<>(COMMON_KEYS);
            valid.addAll(factory.keys());
            throw new IllegalArgumentException(source + ": unknown key(s) " + unknown + " for type " + type
                    + "; valid keys: " + String.join(", ", valid));
        }
    }

    /**
     * Loads a config: an existing path, else {@code models/NAME.yaml} in the working directory,
     * else the one in the jar (see {@link Resources}).
     */
    public static ModelConfig load(String nameOrPath) throws IOException {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return parse(Files.readString(p), p.toString());
        }
        String name = nameOrPath.endsWith(".yaml") ? nameOrPath.substring(0, nameOrPath.length() - 5) : nameOrPath;
        try (Resources.Located in = Resources.open(DIR, name)) {
            if (in != null) {
                return parse(new String(in.stream().readAllBytes(), StandardCharsets.UTF_8), in.origin());
            }
        }
        throw new IOException("model config '" + nameOrPath + "' not found (tried " + p + ", " + Path.of(DIR, name + ".yaml")
                + " and the jar; available: " + String.join(", ", Resources.names(DIR)) + ")");
    }

    /** Loads a config file (see {@link #load(String)}). */
    public static ModelConfig load(Path path) throws IOException {
        return load(path.toString());
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    @SuppressWarnings("unchecked")
    public static ModelConfig parse(String yaml, String source) {
        Map<String, Object> map;
        try {
            map = Mappers.YAML.readValue(yaml, LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": invalid YAML: " + e.getMessage(), e);
        }
        if (map == null) {
            throw new IllegalArgumentException(source + ": empty model config");
        }
        return fromMap(map, source);
    }

    @SuppressWarnings("unchecked")
    private static ModelConfig fromMap(Map<String, Object> map, String source) {
        Map<String, Object> arch = new LinkedHashMap<>(map);
        Object type = arch.remove("type");
        Object cutoff = arch.remove("cutoff");
        Object dtype = arch.remove("dtype");
        Object training = arch.remove("training");
        if (cutoff == null) {
            throw new IllegalArgumentException(source + ": field 'cutoff' (Å) is required");
        }
        if (!(cutoff instanceof Number c)) {
            throw new IllegalArgumentException(source + ": field 'cutoff' must be a number (Å), got '" + cutoff + "'");
        }
        if (training != null && !(training instanceof Map)) {
            throw new IllegalArgumentException(source + ": field 'training' must be a mapping");
        }
        return new ModelConfig(source, type == null ? null : type.toString(), c.doubleValue(),
                dtype == null ? "float32" : dtype.toString(), arch, (Map<String, Object>) training);
    }

    /** The YAML form (round-trips through {@link #parse}). */
    public String toYaml() {
        Map<String, Object> map = toMap();
        try {
            return Mappers.YAML.writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 of the content (type, cutoff, dtype, architecture and training keys, sorted), so two
     * configs that build and train the same network agree whatever their file, key order, comments
     * or formatting.
     */
    public String sha256() {
        try {
            return FileHash.sha256(CANONICAL.writeValueAsString(toMap()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("cutoff", cutoff);
        map.put("dtype", dtype);
        map.putAll(architecture);
        if (!training.isEmpty()) {
            map.put("training", training);
        }
        return map;
    }

    /** Architecture keys whose value is {@link #AUTO}, sorted. */
    public List<String> autoKeys() {
        return architecture.entrySet().stream().filter(e -> AUTO.equals(e.getValue())).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /**
     * This config with each {@link #AUTO} architecture value replaced by {@code saved}'s, or dropped
     * where {@code saved} has none (its default): a resumed run or a warm start keeps the value its
     * weights were trained with instead of measuring the new data.
     */
    public ModelConfig withAutoFrom(ModelConfig saved) {
        List<String> auto = autoKeys();
        if (auto.isEmpty()) {
            return this;
        }
        Map<String, Object> arch = new LinkedHashMap<>(architecture);
        for (String k : auto) {
            Object v = saved.architecture().get(k);
            if (v == null) {
                arch.remove(k);
            } else {
                arch.put(k, v);
            }
        }
        return new ModelConfig(source, type, cutoff, dtype, arch, training);
    }

    /**
     * A copy with one dotted key overridden from text, e.g. {@code features=32},
     * {@code dtype=float64} or {@code training.max_epochs=5} ({@code --set}, suite overrides); the
     * text is read as a YAML value (number, boolean, string, list).
     */
    public ModelConfig withOverride(String dottedKey, String value) {
        Object parsed;
        try {
            parsed = Mappers.YAML.readValue(value, Object.class);
        } catch (IOException e) {
            parsed = value;
        }
        return with(dottedKey, parsed, source + " (with " + dottedKey + "=" + value + ")");
    }

    /** A copy with one dotted key set to a typed value, e.g. {@code with("training.max_epochs", 10)}. */
    public ModelConfig with(String dottedKey, Object value) {
        return with(dottedKey, value, source);
    }

    @SuppressWarnings("unchecked")
    private ModelConfig with(String dottedKey, Object value, String newSource) {
        Map<String, Object> map = deepCopy(toMap());
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> cur = map;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = cur.get(parts[i]);
            if (next == null) {
                next = new LinkedHashMap<String, Object>();
                cur.put(parts[i], next);
            } else if (!(next instanceof Map)) {
                throw new IllegalArgumentException(source + ": cannot override '" + dottedKey + "': '" + parts[i] + "' is not a mapping");
            }
            cur = (Map<String, Object>) next;
        }
        cur.put(parts[parts.length - 1], value);
        return fromMap(map, newSource);
    }

    /** A copy with several overrides applied in order. */
    public ModelConfig withOverrides(Map<String, String> overrides) {
        ModelConfig c = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            c = c.withOverride(e.getKey(), e.getValue());
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            out.put(e.getKey(), v instanceof Map ? deepCopy((Map<String, Object>) v) : v);
        }
        return out;
    }

    /** DJL data type of parameters and features. */
    public DataType dataType() {
        return "float64".equals(dtype) ? DataType.FLOAT64 : DataType.FLOAT32;
    }

    /** A required integer hyper-parameter. */
    public int integer(String key) {
        Object v = architecture.get(key);
        if (v == null) {
            throw new IllegalArgumentException(source + ": field '" + key + "' is required for type " + type);
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(source + ": field '" + key + "' must be an integer, got '" + v + "'");
        }
        return n.intValue();
    }

    /** An integer hyper-parameter with a default. */
    public int integer(String key, int fallback) {
        return architecture.containsKey(key) ? integer(key) : fallback;
    }

    /** A number hyper-parameter with a default. */
    public double number(String key, double fallback) {
        Object v = architecture.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(source + ": field '" + key + "' must be a number, got '" + v + "'");
        }
        return n.doubleValue();
    }

    /** A boolean hyper-parameter with a default. */
    public boolean flag(String key, boolean fallback) {
        Object v = architecture.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(source + ": field '" + key + "' must be true or false, got '" + v + "'");
        }
        return b;
    }


    /** Throws naming this config's source and {@code key} unless {@code ok}: "must be RULE, got VALUE". */
    public void require(boolean ok, String key, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(source + ": field '" + key + "' must be " + rule + ", got " + value);
        }
    }
}
