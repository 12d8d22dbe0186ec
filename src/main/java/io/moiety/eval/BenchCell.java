package io.moiety.eval;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One unit of benchmark work: a model trained on one task with one seed.
 *
 * @param task      task name
 * @param model     model name (baseline or model configuration)
 * @param seed      seed for training
 * @param overrides dotted-key training overrides (suite-wide merged with per-model)
 */
public record BenchCell(String task, String model, long seed, Map<String, String> overrides) {
    public BenchCell {
        overrides = overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** {@code task/model/seed-N}, also the cell's folder relative to {@code cells/}. */
    public String id() {
        return task + "/" + model + "/seed-" + seed;
    }

    /** The cell's folder under a run directory. */
    public Path dir(Path runDir) {
        return runDir.resolve("cells").resolve(task).resolve(model).resolve("seed-" + seed);
    }

    /** Whether {@code --only} patterns ({@code task/model}, either side may be {@code *}) select this cell. */
    public boolean matches(String pattern) {
        String[] p = pattern.split("/", -1);
        String t = p[0];
        String m = p.length > 1 ? p[1] : "*";
        return glob(t, task) && glob(m, model);
    }

    private static boolean glob(String pattern, String value) {
        if (pattern.isEmpty() || pattern.equals("*")) {
            return true;
        }
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return value.matches(regex);
    }
}
