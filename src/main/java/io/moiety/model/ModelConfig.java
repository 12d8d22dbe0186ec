package io.moiety.model;

import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's configuration from YAML ({@code models/*.yaml}): {@code type} (schnet, painn, tp,
 * ...), {@code cutoff} (Å), {@code dtype} (float32|float64), architecture hyper-parameters (all
 * other top-level keys) and an opaque {@code training:} map read by the trainer.
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

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * Architecture value meaning "measure this on the training data" (e.g. tp's
     * {@code avg_num_neighbors}); {@code moiety train} replaces it by the measured number, which the
     * checkpoint then keeps.
     */
    public static final String AUTO = "auto";

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
        architecture = Map.copyOf(architecture == null ? Map.of() : architecture);
        training = training == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(training));
    }

    /**
     * Loads a config: an existing path, else {@code models/NAME.yaml} in the working directory,
     * else the classpath resource {@code /moiety/models/NAME.yaml}.
     */
    public static ModelConfig load(String nameOrPath) throws IOException {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return parse(Files.readString(p), p.toString());
        }
        String name = nameOrPath.endsWith(".yaml") ? nameOrPath.substring(0, nameOrPath.length() - 5) : nameOrPath;
        Path local = Path.of("models", name + ".yaml");
        if (Files.isRegularFile(local)) {
            return parse(Files.readString(local), local.toString());
        }
        String res = "/moiety/models/" + name + ".yaml";
        try (InputStream in = ModelConfig.class.getResourceAsStream(res)) {
            if (in != null) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + res);
            }
        }
        throw new IOException("model config '" + nameOrPath + "' not found (tried " + p + ", " + local
                + ", classpath:" + res + ")");
    }

    /** Loads a config from a path (see {@link #load(String)}). */
    public static ModelConfig load(Path path) throws IOException {
        return load(path.toString());
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    @SuppressWarnings("unchecked")
    public static ModelConfig parse(String yaml, String source) {
        Map<String, Object> map;
        try {
            map = YAML.readValue(yaml, LinkedHashMap.class);
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
            return YAML.writeValueAsString(map);
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
            return io.moiety.data.FileHash.sha256(CANONICAL.writeValueAsString(toMap()));
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
     * A copy with one dotted key overridden, e.g. {@code features=32}, {@code dtype=float64} or
     * {@code training.max_epochs=5}; the value is parsed as YAML (number, boolean, string, list).
     */
    @SuppressWarnings("unchecked")
    public ModelConfig withOverride(String dottedKey, String value) {
        Map<String, Object> map = deepCopy(toMap());
        Object parsed;
        try {
            parsed = YAML.readValue(value, Object.class);
        } catch (IOException e) {
            parsed = value;
        }
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
        cur.put(parts[parts.length - 1], parsed);
        return fromMap(map, source + " (with " + dottedKey + "=" + value + ")");
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

    /** A string hyper-parameter with a default. */
    public String string(String key, String fallback) {
        Object v = architecture.get(key);
        return v == null ? fallback : v.toString();
    }

    /** Whether the optional direct-force head is enabled ({@code direct_forces: true}). */
    public boolean directForces() {
        return flag("direct_forces", false);
    }
}
