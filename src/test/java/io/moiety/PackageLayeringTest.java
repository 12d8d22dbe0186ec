package io.moiety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages follow the data's way and only reach down it. The shape is a diamond with two side
 * wings, not a line:
 * <pre>
 *                              cli
 *        ┌──────────────┬───────┴───────┬──────────────┐
 *        │             eval           causal ──► props
 *        │       ┌──────┴──────┐        └─────┬────┘
 *        │     task          train          descriptors
 *        │       │             │              │
 *        │     label         model            │
 *        └───────┴──────┬──────┴──────────────┘
 *                report · metrics · data · chem  (ground)
 * </pre>
 * The generation wing (label, task) and the learning wing (model, train) meet in eval; the
 * descriptors stand on chem and label; property models and causal learning stand on the
 * descriptors and never reach into model, train or eval; the shared report package sits at the
 * ground so that every subsystem can write md/html reports and plots; the error metrics (sums,
 * per-environment errors, statistics over seeds) sit at the ground beside it, used by training,
 * the benchmark runner and the command line.
 */
class PackageLayeringTest {
    /** For each top-level package, the packages it may use besides itself. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("chem", Set.of()),
            Map.entry("data", Set.of("chem")),
            Map.entry("report", Set.of("chem", "data")),
            Map.entry("metrics", Set.of("chem", "data")),
            Map.entry("label", Set.of("chem", "data")),
            Map.entry("task", Set.of("chem", "data", "label")),
            Map.entry("model", Set.of("chem", "data")),
            Map.entry("train", Set.of("chem", "data", "metrics", "model")),
            Map.entry("eval", Set.of("chem", "data", "report", "metrics", "label", "task", "model", "train")),
            Map.entry("descriptors", Set.of("chem", "data", "label")),
            Map.entry("props", Set.of("chem", "data", "report", "label", "descriptors")),
            Map.entry("causal", Set.of("chem", "data", "report", "label", "descriptors", "props")),
            Map.entry("cli", Set.of("chem", "data", "report", "metrics", "label", "task", "model", "train", "eval",
                    "descriptors", "props", "causal")));
    private static final Pattern REF = Pattern.compile("\\bio\\.moiety\\.([a-z]+)\\b");

    @Test
    void everyMainClassOnlyReachesDown() throws IOException {
        Path root = Path.of("src/main/java/io/moiety");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.filter(f -> f.toString().endsWith(".java"))::iterator) {
                files++;
                String layer = root.relativize(p).getName(0).toString();
                Set<String> allowed = ALLOWED.get(layer);
                assertTrue(allowed != null, "unknown top-level package io.moiety." + layer + " (" + p + ")");
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REF.matcher(line);
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(layer) && !allowed.contains(used)) {
                            violations.add(p + ":" + (i + 1) + ": io.moiety." + layer + " uses io.moiety." + used);
                        }
                    }
                }
            }
        }
        assertTrue(files > 20, "expected the source tree under " + root.toAbsolutePath());
        assertEquals(List.of(), violations, "packages may only use the packages below them (see ALLOWED)");
    }

    @Test
    void theAllowedMapHasNoCycle() {
        for (String start : ALLOWED.keySet()) {
            List<String> stack = new ArrayList<>(ALLOWED.get(start));
            Set<String> seen = new HashSet<>();
            while (!stack.isEmpty()) {
                String next = stack.remove(stack.size() - 1);
                assertTrue(!next.equals(start), "io.moiety." + start + " reaches itself through io.moiety." + next);
                if (seen.add(next)) {
                    stack.addAll(ALLOWED.get(next));
                }
            }
        }
    }
}
