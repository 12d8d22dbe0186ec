package io.moiety.eval;

import io.moiety.data.Mappers;
import io.moiety.data.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link Suite} YAML: by name from {@code benchmarks/NAME.yaml} (working tree, then jar) or
 * from any file path. Unknown names list the available suites; unknown keys name the file and key.
 */
public final class SuiteLoader {
    /** Directory (and jar folder under {@code /moiety/}) holding suites. */
    public static final String DIR = "benchmarks";
    private static final Set<String> KEYS = Set.of("name", "description", "data", "generate", "tasks",
            "models", "seeds", "overrides", "train_frames_per_molecule", "expected_runtime");

    private SuiteLoader() {}

    /** Suite names available here. */
    public static List<String> available() {
        return Resources.names(DIR);
    }

    /** Loads a suite by name or file path. */
    public static Suite load(String nameOrFile) throws IOException {
        Path p = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml") || nameOrFile.contains("/")) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("suite file " + p + " does not exist");
            }
            try (InputStream in = Files.newInputStream(p)) {
                String base = p.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                return parse(in, p.toString(), base);
            }
        }
        try (Resources.Located located = Resources.open(DIR, nameOrFile)) {
            if (located == null) {
                throw new IllegalArgumentException("unknown suite '" + nameOrFile + "'; available: "
                        + String.join(", ", available()) + " (or give a path to a suite YAML file)");
            }
            return parse(located.stream(), located.origin(), nameOrFile);
        }
    }

    /** Parses suite YAML; {@code origin} names the source in error messages. */
    public static Suite parse(InputStream in, String origin, String defaultName) throws IOException {
        JsonNode root;
        try {
            root = Mappers.YAML.readTree(in);
        } catch (IOException e) {
            throw new IOException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(origin + ": a suite must be a YAML mapping");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(origin + ": unknown key '" + k + "' (valid: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        String name = text(root, "name", defaultName);
        List<String> tasks = new ArrayList<>();
        for (JsonNode t : array(root, "tasks", origin)) {
            tasks.add(t.asText());
        }
        List<Long> seeds = seeds(root, origin);
        List<Suite.ModelEntry> models = new ArrayList<>();
        for (JsonNode m : array(root, "models", origin)) {
            if (m.isTextual()) {
                models.add(new Suite.ModelEntry(m.asText(), Map.of()));
            } else if (m.isObject() && m.has("name")) {
                for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!Set.of("name", "overrides", "tasks", "seeds").contains(k)) {
                        throw new IllegalArgumentException(origin + ": models: unknown key '" + k + "' for model "
                                + m.get("name").asText() + " (valid: name, overrides, tasks, seeds)");
                    }
                }
                List<String> only = new ArrayList<>();
                if (m.has("tasks")) {
                    for (JsonNode t : m.get("tasks")) {
                        if (!tasks.contains(t.asText())) {
                            throw new IllegalArgumentException(origin + ": models." + m.get("name").asText() + ".tasks: '" + t.asText()
                                    + "' is not one of the suite's tasks " + tasks);
                        }
                        only.add(t.asText());
                    }
                }
                List<Long> own = m.has("seeds") ? seeds(m, origin + ": models." + m.get("name").asText()) : List.of();
                models.add(new Suite.ModelEntry(m.get("name").asText(), overrides(m.get("overrides"), origin + ": models." + m.get("name").asText() + ".overrides"), only, own));
            } else {
                throw new IllegalArgumentException(origin + ": models: each entry is a name or a mapping with 'name' (and optional 'overrides', 'tasks', 'seeds'), got " + m);
            }
        }
        return new Suite(name, text(root, "description", ""), text(root, "data", "default"),
                text(root, "generate", ""), tasks, models, seeds, overrides(root.get("overrides"), origin + ": overrides"),
                root.has("train_frames_per_molecule") ? root.get("train_frames_per_molecule").asInt() : 0, origin);
    }

    /** The non-empty integer list under {@code seeds}. */
    private static List<Long> seeds(JsonNode node, String origin) {
        List<Long> seeds = new ArrayList<>();
        for (JsonNode s : array(node, "seeds", origin)) {
            if (!s.canConvertToLong()) {
                throw new IllegalArgumentException(origin + ": seeds: '" + s.asText() + "' is not an integer");
            }
            seeds.add(s.asLong());
        }
        return seeds;
    }

    private static String text(JsonNode root, String key, String def) {
        JsonNode n = root.get(key);
        return n == null || n.isNull() ? def : n.asText();
    }

    private static JsonNode array(JsonNode root, String key, String origin) {
        JsonNode n = root.get(key);
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new IllegalArgumentException(origin + ": '" + key + "' must be a non-empty list");
        }
        return n;
    }

    /** Flattens a nested mapping into dotted keys: {@code {training: {max_epochs: 5}}} → {@code training.max_epochs=5}. */
    static Map<String, String> overrides(JsonNode node, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping of keys to values");
        }
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(x -> parts.add(x.asText()));
            out.put(prefix, String.join(",", parts));
        } else {
            out.put(prefix, node.asText());
        }
    }
}
