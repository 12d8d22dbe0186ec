package io.moiety.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The warning that glibc's allocator is left at its defaults for a command that runs networks. With
 * those defaults, tensor memory above 128 KiB comes fresh from the kernel and goes back to it on
 * free, and a thread's arena is made of 64 MiB heaps, so every training step pays page faults on
 * fresh memory: a tp-small training cell on 2 cores took 1.6–2.2× as long as with {@link #TUNABLES}
 * (docs/perf.md). Only the environment the JVM starts in can change the allocator: {@link #TUNABLES}
 * in {@code GLIBC_TUNABLES} (the Docker images set it) or a preloaded tcmalloc. The numbers a
 * network computes do not depend on it.
 */
final class MallocCheck {
    /** The glibc settings that keep freed tensor memory in the process (docs/perf.md). */
    static final String TUNABLES = "glibc.malloc.arena_max=1:glibc.malloc.mmap_threshold=4294967296"
            + ":glibc.malloc.trim_threshold=4294967296:glibc.malloc.top_pad=268435456";
    /** Environment variable that silences the warning when set to {@code off}. */
    static final String SWITCH = "MOIETY_MALLOC_CHECK";

    /** Settings that must all be present: {@code trim_threshold} alone freezes the mmap threshold at 128 KiB. */
    private static final List<String> REQUIRED = List.of(
            "glibc.malloc.arena_max=", "glibc.malloc.mmap_threshold=", "glibc.malloc.trim_threshold=");

    private MallocCheck() {
    }

    /**
     * The warning for a process on {@code osName} with environment {@code env}, or empty where the
     * allocator is set up, is not glibc's (another OS, tcmalloc preloaded) or the check is off.
     */
    static Optional<String> warning(String osName, Map<String, String> env) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux") || "off".equalsIgnoreCase(env.get(SWITCH))
                || env.getOrDefault("LD_PRELOAD", "").contains("tcmalloc")) {
            return Optional.empty();
        }
        String tunables = env.getOrDefault("GLIBC_TUNABLES", "");
        if (REQUIRED.stream().allMatch(tunables::contains)) {
            return Optional.empty();
        }
        return Optional.of("glibc's malloc is at its defaults, which return tensor memory to the kernel after every"
                + " step: training and prediction on the CPU take up to twice as long (docs/perf.md). Start the JVM"
                + " with  export GLIBC_TUNABLES=" + TUNABLES + "  (the Docker images set it; " + SWITCH
                + "=off silences this)");
    }

    /**
     * Whether the parsed command runs networks on the CPU: it takes {@code --threads} (train,
     * predict, bench) and its {@code --device}, if given, is not a GPU.
     */
    static boolean appliesTo(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        boolean networks = last.commandSpec().mixins().values().stream()
                .anyMatch(m -> m.userObject() instanceof ThreadsOption);
        String device = last.matchedOptionValue("--device", "cpu").trim().toLowerCase(Locale.ROOT);
        return networks && !device.equals("gpu") && !device.equals("cuda");   // Devices.select's GPU names
    }
}
