package io.moiety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages follow the data's path, chem → data → label → task → model → train → eval → cli, and
 * a package only reaches down that path: a class may use its own layer and those before it.
 */
class PackageLayeringTest {
    private static final List<String> ORDER = List.of("chem", "data", "label", "task", "model", "train", "eval", "cli");
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
                int own = ORDER.indexOf(layer);
                assertTrue(own >= 0, "unknown top-level package io.moiety." + layer + " (" + p + ")");
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REF.matcher(line);
                    while (m.find()) {
                        int used = ORDER.indexOf(m.group(1));
                        if (used > own) {
                            violations.add(p + ":" + (i + 1) + ": io.moiety." + layer + " uses io.moiety." + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(files > 20, "expected the source tree under " + root.toAbsolutePath());
        assertEquals(List.of(), violations, "packages must only depend on earlier layers");
    }
}
