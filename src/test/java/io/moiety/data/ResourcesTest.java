package io.moiety.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the definitions packed in a jar. */
class ResourcesTest {

    @TempDir
    Path dir;

    private Path jarWith(String... entries) throws Exception {
        Path jar = dir.resolve("defs.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (String e : entries) {
                j.putNextEntry(new JarEntry(e));
                if (!e.endsWith("/")) {
                    j.write("name: x\n".getBytes(StandardCharsets.UTF_8));
                }
                j.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void namesInAJarAreListedAndConcurrentCallersDoNotCloseEachOthersView() throws Exception {
        Path jar = jarWith("moiety/", "moiety/tasks/", "moiety/tasks/fusion.yaml", "moiety/tasks/duplication.yaml",
                "moiety/tasks/notes.txt", "moiety/models/", "moiety/models/painn.yaml");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(List.of("duplication", "fusion"), Resources.jarNames("tasks", loader));
            assertEquals(List.of("painn"), Resources.jarNames("models", loader));
            assertEquals(List.of(), Resources.jarNames("suites", loader));
            // bench cells and Spark tasks list the tasks on several threads at once; with the JDK's
            // shared file system per jar URI one caller's close broke another's listing
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                Callable<List<String>> list = () -> Resources.jarNames("tasks", loader);
                for (int i = 0; i < 400; i++) {
                    results.add(pool.submit(list));
                }
                for (Future<List<String>> r : results) {
                    assertEquals(List.of("duplication", "fusion"), r.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
