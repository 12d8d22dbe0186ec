package io.moiety.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one external program in its own fresh temporary directory with single-threaded OpenMP
 * ({@code OMP_NUM_THREADS=1}, {@code OMP_STACKSIZE=512M}) and a wall-clock timeout, capturing
 * stdout and stderr to files in that directory. The directory is deleted by {@link #close()}.
 */
public final class ToolRun implements AutoCloseable {
    private final Path dir;
    private int exitCode = Integer.MIN_VALUE;

    private ToolRun(Path dir) {
        this.dir = dir;
    }

    /** A new private directory under {@code parent}. */
    public static ToolRun in(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        return new ToolRun(Files.createTempDirectory(parent, prefix));
    }

    /** The private working directory. */
    public Path dir() { return dir; }

    /** Writes a text file into the working directory. */
    public Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code command} in the working directory; returns the exit code, or throws
     * {@link ToolFailure} on timeout.
     */
    public int exec(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return exec(command, timeout, env -> { });
    }

    /** As {@link #exec(List, Duration)}, with {@code environment} adjusting the child's environment last. */
    public int exec(List<String> command, Duration timeout, Consumer<Map<String, String>> environment)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        pb.directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("OMP_NUM_THREADS", "1");
        env.put("MKL_NUM_THREADS", "1");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("OMP_STACKSIZE", "512M");
        env.put("OMP_MAX_ACTIVE_LEVELS", "1");
        environment.accept(env);
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        if (!finished) {
            kill(p);
            throw new ToolFailure("timeout after " + timeout.toSeconds() + " s: " + command.get(0));
        }
        exitCode = p.exitValue();
        return exitCode;
    }

    private static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** Captured standard output. */
    public String stdout() throws IOException { return read("stdout.txt"); }

    /** Captured standard error. */
    public String stderr() throws IOException { return read("stderr.txt"); }

    /** A file in the working directory, or empty string when absent. */
    public String read(String name) throws IOException {
        Path f = dir.resolve(name);
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    /** Last lines of stdout and stderr that look like an error, for failure reasons. */
    public String errorSummary() {
        try {
            List<String> hits = new ArrayList<>();
            for (String text : List.of(stderr(), stdout())) {
                for (String line : text.split("\n")) {
                    String l = line.strip();
                    if (l.matches("^-\\d+- .*") || l.contains("ERROR") || l.contains("error") || l.contains("abnormal")
                            || l.contains("not converge") || l.contains("failed") || l.contains("Error")) {
                        if (!hits.contains(l)) {
                            hits.add(l);
                        }
                    }
                }
            }
            if (hits.isEmpty()) {
                String[] lines = stderr().strip().split("\n");
                return lines.length == 0 ? "" : lines[lines.length - 1].strip();
            }
            return String.join(" | ", hits.subList(Math.max(0, hits.size() - 6), hits.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        deleteTree(dir);
    }

    /** Deletes a directory tree (no error when absent). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
