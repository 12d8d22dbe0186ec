package io.moiety.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.moiety.chem.SmilesGraph;
import io.moiety.data.Mappers;
import io.moiety.data.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates task definitions: {@code NAME.yaml} from a directory (by default
 * {@code ./tasks} when it exists) or, when running from the jar, the classpath resources
 * {@code /moiety/tasks/NAME.yaml}. Errors name the file and the field.
 */
public final class TaskLoader {
    /** Folder of the task files, in the working tree and (under {@code moiety/}) in the jar. */
    public static final String DIR = "tasks";
    private static final String RESOURCE_DIR = "moiety/" + DIR + "/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9,()+_-]*");

    private final Path directory;

    private TaskLoader(Path directory) {
        this.directory = directory;
    }

    /** Tasks from {@code dir}. */
    public static TaskLoader fromDirectory(Path dir) {
        return new TaskLoader(dir);
    }

    /** Tasks packed as classpath resources {@code /moiety/tasks/NAME.yaml} (the jar). */
    public static TaskLoader fromClasspath() {
        return new TaskLoader(null);
    }

    /** Tasks from {@code ./tasks} when it exists, else from the classpath (the jar). */
    public static TaskLoader standard() {
        Path local = Path.of(DIR);
        return new TaskLoader(Files.isDirectory(local) ? local : null);
    }

    /** Where tasks are read from, for messages. */
    public String location() {
        return directory != null ? directory.toString() : "classpath:/" + RESOURCE_DIR;
    }

    /** Names of all tasks, sorted. */
    public List<String> names() {
        try {
            if (directory != null) {
                if (!Files.isDirectory(directory)) {
                    throw new IllegalStateException("tasks directory " + directory + ": "
                            + (Files.exists(directory) ? "not a directory" : "no such directory"));
                }
                try (Stream<Path> files = Files.list(directory)) {
                    return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                            .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
                }
            }
            return Resources.jarNames(DIR);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list tasks in " + location() + ": " + e.getMessage(), e);
        }
    }

    /** One task; unknown names are an error listing the valid ones. */
    public Task load(String name) {
        List<String> valid = names();
        if (!valid.contains(name)) {
            throw new IllegalArgumentException("unknown task '" + name + "'; valid tasks: " + String.join(", ", valid)
                    + " (from " + location() + ")");
        }
        String file = directory != null ? directory.resolve(name + ".yaml").toString() : "classpath:/" + RESOURCE_DIR + name + ".yaml";
        String text;
        try {
            if (directory != null) {
                text = Files.readString(directory.resolve(name + ".yaml"), StandardCharsets.UTF_8);
            } else {
                try (Resources.Located in = Resources.openJar(DIR, name)) {
                    if (in == null) {
                        throw new IOException("resource missing");
                    }
                    text = new String(in.stream().readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot read: " + e.getMessage(), e);
        }
        Task task = parse(text, file);
        if (!task.name().equals(name)) {
            throw new IllegalArgumentException(file + ": field 'name' is '" + task.name() + "' but the file is " + name + ".yaml");
        }
        return task;
    }

    /** All tasks, checked for consistency: a molecule name means the same SMILES in every task. */
    public List<Task> loadAll() {
        List<Task> tasks = new ArrayList<>();
        List<String> names = names();
        if (names.isEmpty()) {
            throw new IllegalStateException("no task files (*.yaml) in " + location());
        }
        for (String n : names) {
            tasks.add(load(n));
        }
        checkConsistent(tasks);
        return tasks;
    }

    /** Throws when two tasks give one name different molecules or one molecule different names. */
    public static void checkConsistent(List<Task> tasks) {
        Map<String, String> smilesOfName = new HashMap<>();
        Map<String, String> nameOfSmiles = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        for (Task t : tasks) {
            for (TaskMolecule m : t.molecules()) {
                String canonical = SmilesGraph.parse(m.smiles()).canonicalSmiles();
                String prev = smilesOfName.putIfAbsent(m.name(), canonical);
                if (prev != null && !prev.equals(canonical)) {
                    throw new IllegalArgumentException(t.source() + ": molecule '" + m.name() + "' is " + canonical
                            + " but " + where.get(m.name()) + " uses that name for " + prev);
                }
                String prevName = nameOfSmiles.putIfAbsent(canonical, m.name());
                if (prevName != null && !prevName.equals(m.name())) {
                    throw new IllegalArgumentException(t.source() + ": molecule " + canonical + " is named '" + m.name()
                            + "' but " + where.get(prevName) + " names it '" + prevName + "'");
                }
                where.putIfAbsent(m.name(), t.source());
            }
        }
    }

    /** Parses and validates one task file's text; {@code file} names it in errors. */
    public static Task parse(String yaml, String file) {
        return parse(yaml, file, true);
    }

    /**
     * A candidate library of molecules in task form (every role {@code train}, no OOD molecule
     * needed), e.g. {@code tasks/libraries/straight-chains.yaml}.
     */
    public static Task loadLibrary(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), false);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Task parse(String yaml, String file, boolean needOod) {
        JsonNode root;
        try {
            root = Mappers.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a mapping with name, description, sampling, molecules");
        }
        allowOnly(root, file, "", Set.of("name", "description", "sampling", "molecules"));
        String name = text(root, "name", file, "");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(file + ": field 'name': '" + name + "' may only use letters, digits, '-', '_'");
        }
        String description = text(root, "description", file, "").strip().replaceAll("\\s+", " ");
        Sampling sampling = sampling(field(root, "sampling", file, ""), file);
        JsonNode mols = field(root, "molecules", file, "");
        if (!mols.isArray() || mols.isEmpty()) {
            throw new IllegalArgumentException(file + ": field 'molecules' must be a non-empty list");
        }
        List<TaskMolecule> molecules = new ArrayList<>();
        Map<String, Integer> seenNames = new LinkedHashMap<>();
        Map<String, Integer> seenSmiles = new LinkedHashMap<>();
        for (int i = 0; i < mols.size(); i++) {
            String at = "molecules[" + i + "].";
            JsonNode m = mols.get(i);
            if (!m.isObject()) {
                throw new IllegalArgumentException(file + ": field '" + at.substring(0, at.length() - 1) + "' must be a mapping {name, smiles, role}");
            }
            allowOnly(m, file, at, Set.of("name", "smiles", "role"));
            String mname = text(m, "name", file, at);
            if (!NAME.matcher(mname).matches()) {
                throw new IllegalArgumentException(file + ": field '" + at + "name': '" + mname
                        + "' may only use letters, digits and , ( ) + _ - (it becomes an HDF5 group name)");
            }
            String smiles = text(m, "smiles", file, at);
            String canonical;
            try {
                canonical = SmilesGraph.parse(smiles).canonicalSmiles();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": field '" + at + "smiles': " + e.getMessage(), e);
            }
            String roleText = text(m, "role", file, at);
            Role role;
            try {
                role = Role.valueOf(roleText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": field '" + at + "role': '" + roleText + "' is not one of train, ood");
            }
            Integer dup = seenNames.put(mname, i);
            if (dup != null) {
                throw new IllegalArgumentException(file + ": field '" + at + "name': '" + mname + "' already used by molecules[" + dup + "]");
            }
            Integer dupS = seenSmiles.put(canonical, i);
            if (dupS != null) {
                throw new IllegalArgumentException(file + ": field '" + at + "smiles': " + smiles + " is the same molecule as molecules[" + dupS + "]");
            }
            molecules.add(new TaskMolecule(mname, smiles, role));
        }
        Task task = new Task(name, description, sampling, molecules, file);
        if (task.molecules(Role.TRAIN).isEmpty() || needOod && task.molecules(Role.OOD).isEmpty()) {
            throw new IllegalArgumentException(file + ": field 'molecules' needs at least one train and one ood molecule");
        }
        return task;
    }

    private static Sampling sampling(JsonNode s, String file) {
        String at = "sampling.";
        allowOnly(s, file, at, Set.of("temperature_K", "step_fs", "hydrogen_mass_amu", "shake", "initial_temperature_factor", "scales", "note"));
        double t = number(s, "temperature_K", file, at);
        double step = number(s, "step_fs", file, at);
        int hmass = (int) integer(s, "hydrogen_mass_amu", file, at);
        int shake = (int) integer(s, "shake", file, at);
        double v0 = number(s, "initial_temperature_factor", file, at);
        JsonNode scalesNode = field(s, "scales", file, at);
        if (!scalesNode.isObject() || scalesNode.isEmpty()) {
            throw new IllegalArgumentException(file + ": field 'sampling.scales' must map scale names to settings");
        }
        Map<String, ScaleSettings> scales = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = scalesNode.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String sat = at + "scales." + e.getKey() + ".";
            JsonNode v = e.getValue();
            allowOnly(v, file, sat, Set.of("md_method", "equilibration_fs", "dump_fs", "primary_frames", "secondary_frames"));
            ScaleSettings sc = new ScaleSettings(text(v, "md_method", file, sat), number(v, "equilibration_fs", file, sat), number(v, "dump_fs", file, sat),
                    (int) integer(v, "primary_frames", file, sat), (int) integer(v, "secondary_frames", file, sat));
            scales.put(e.getKey(), sc);
        }
        Sampling sampling = new Sampling(t, step, hmass, shake, v0, scales);
        for (String scale : scales.keySet()) {
            try {
                sampling.md(scale, false);
                sampling.md(scale, true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": field 'sampling.scales." + scale + "': " + e.getMessage(), e);
            }
        }
        return sampling;
    }

    private static void allowOnly(JsonNode node, String file, String at, Set<String> allowed) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": field '" + (at.isEmpty() ? "(root)" : at.substring(0, at.length() - 1)) + "' must be a mapping");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw new IllegalArgumentException(file + ": unknown field '" + at + n + "'; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    private static JsonNode field(JsonNode node, String key, String file, String at) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(file + ": missing field '" + at + key + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String key, String file, String at) {
        JsonNode v = field(node, key, file, at);
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": field '" + at + key + "' must be a non-empty text");
        }
        return v.asText();
    }

    private static double number(JsonNode node, String key, String file, String at) {
        JsonNode v = field(node, key, file, at);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(file + ": field '" + at + key + "' must be a number, got '" + v.asText() + "'");
        }
        return v.asDouble();
    }

    private static long integer(JsonNode node, String key, String file, String at) {
        JsonNode v = field(node, key, file, at);
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException(file + ": field '" + at + key + "' must be an integer, got '" + v.asText() + "'");
        }
        return v.asLong();
    }
}
