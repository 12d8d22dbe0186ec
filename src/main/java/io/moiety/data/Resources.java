package io.moiety.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Named YAML definitions (suites, models, tasks) that live both in a directory of the working
 * tree (e.g. {@code benchmarks/}) and inside the jar under {@code /moiety/<dir>/}. The working
 * tree wins, so a user can edit a copy.
 */
public final class Resources {
    private Resources() {}

    /** Names (file names without {@code .yaml}) found in {@code ./dir} and in the jar's {@code moiety/dir}. */
    public static List<String> names(String dir) {
        TreeSet<String> names = new TreeSet<>();
        Path local = Path.of(dir);
        if (Files.isDirectory(local)) {
            try {
                addNames(local, names);
            } catch (IOException ignored) {
                // an unreadable directory just contributes nothing
            }
        }
        names.addAll(jarNames(dir));
        return List.copyOf(names);
    }

    /** Names packed in the jar (or a classpath folder) under {@code moiety/dir}, sorted. */
    public static List<String> jarNames(String dir) {
        return jarNames(dir, Resources.class.getClassLoader());
    }

    /**
     * The same for the jars and folders of {@code loader}. Each call opens its own, unregistered view
     * of a jar: the JDK's shared one for a jar URI would be closed under a concurrent caller (bench
     * cells on several threads or Spark tasks list tasks at the same time).
     */
    static List<String> jarNames(String dir, ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> urls = loader.getResources("moiety/" + dir);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("file".equals(url.getProtocol())) {
                    addNames(Path.of(url.toURI()), names);
                } else if ("jar".equals(url.getProtocol())) {
                    String spec = url.toString();
                    Path jar = Path.of(URI.create(spec.substring("jar:".length(), spec.indexOf("!/"))));
                    try (FileSystem fs = FileSystems.newFileSystem(jar)) {
                        addNames(fs.getPath("moiety", dir), names);
                    }
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException ignored) {
            // listing the jar is best effort; explicit names still resolve through open()
        }
        return List.copyOf(names);
    }

    private static void addNames(Path folder, Set<String> names) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 5)));
        }
    }

    /** A named definition as a stream with a description of where it came from, or null when absent. */
    public static Located open(String dir, String name) throws IOException {
        Path local = Path.of(dir, name + ".yaml");
        if (Files.isRegularFile(local)) {
            return new Located(Files.newInputStream(local), local.toString());
        }
        return openJar(dir, name);
    }

    /** A definition packed in the jar under {@code moiety/dir}, or null when absent. */
    public static Located openJar(String dir, String name) {
        String res = "moiety/" + dir + "/" + name + ".yaml";
        InputStream in = Resources.class.getClassLoader().getResourceAsStream(res);
        return in == null ? null : new Located(in, "jar:/" + res);
    }

    /** An opened definition and where it was found. */
    public record Located(InputStream stream, String origin) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
