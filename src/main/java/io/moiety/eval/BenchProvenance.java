package io.moiety.eval;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provenance of a benchmark run, stated in every report: software versions, hardware, the data
 * file and its SHA-256, seeds, device and wall time. {@code wallSeconds} is the time of this
 * invocation; {@code reusedCells} of its cells were finished by an earlier invocation of the same
 * command (resume) and cost nothing now.
 */
public record BenchProvenance(String suite, String suiteOrigin, String command, String started, double wallSeconds,
                              int reusedCells, Map<String, String> versions, Map<String, String> hardware, String dataFile,
                              String dataSha256, List<Long> seeds, String device) {

    /** Ordered map for JSON and the report. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", suite);
        m.put("suite_origin", suiteOrigin);
        m.put("command", command);
        m.put("started", started);
        m.put("wall_seconds", wallSeconds);
        m.put("reused_cells", reusedCells);
        m.put("versions", versions);
        m.put("hardware", hardware);
        m.put("data_file", dataFile);
        m.put("data_sha256", dataSha256);
        m.put("seeds", seeds);
        m.put("device", device);
        return m;
    }

    /** Versions of Moiety, Java and (when {@code withEngine}) DJL and the PyTorch engine. */
    public static Map<String, String> versions(boolean withEngine) {
        Map<String, String> v = new LinkedHashMap<>();
        String moiety = BenchProvenance.class.getPackage().getImplementationVersion();
        v.put("moiety", moiety == null ? "dev (not from the jar)" : moiety);
        v.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        try {
            v.put("djl", Engine.getDjlVersion());
        } catch (Throwable t) {
            v.put("djl", "unknown");
        }
        if (withEngine) {
            try {
                v.put("pytorch", Engine.getEngine("PyTorch").getVersion());
            } catch (Throwable t) {
                v.put("pytorch", "not available (" + t.getClass().getSimpleName() + ")");
            }
        } else {
            v.put("pytorch", "not loaded (no network in this run)");
        }
        return v;
    }

    /** Cores, memory, CPU model and GPUs seen by the engine (when loaded). */
    public static Map<String, String> hardware(boolean withEngine) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        h.put("memory", memory());
        h.put("cpu", cpuModel());
        h.put("max_heap", String.format("%.1f GiB", Runtime.getRuntime().maxMemory() / 1073741824.0));
        if (withEngine) {
            try {
                h.put("gpus", String.valueOf(Engine.getEngine("PyTorch").getGpuCount()));
            } catch (Throwable t) {
                h.put("gpus", "unknown");
            }
        }
        return h;
    }

    private static String memory() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return String.format("%.1f GiB", sun.getTotalMemorySize() / 1073741824.0);
            }
        } catch (Throwable ignored) {
            // fall through
        }
        return "unknown";
    }

    private static String cpuModel() {
        Path p = Path.of("/proc/cpuinfo");
        if (Files.isReadable(p)) {
            try {
                for (String line : Files.readAllLines(p)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException ignored) {
                // fall through
            }
        }
        return System.getProperty("os.arch");
    }
}
