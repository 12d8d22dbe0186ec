package io.moiety.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --threads N}: PyTorch's intra-op threads on the CPU for commands that run networks.
 * The default of one thread was measured fastest for batches of small molecules on 2 cores
 * (benchmarks/perf.md); raise it for systems of thousands of atoms on a machine with more cores.
 */
public final class ThreadsOption {
    /** JVM system property DJL's PyTorch engine reads for intra-op threads. */
    static final String INTRA = "ai.djl.pytorch.num_threads";
    /** JVM system property DJL's PyTorch engine reads for inter-op threads. */
    static final String INTER = "ai.djl.pytorch.num_interop_threads";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch intra-op threads on the CPU (default: 1, or -D" + INTRA + "). "
                    + "One thread is fastest for small molecules on few cores; use more for systems "
                    + "of thousands of atoms.")
    void setThreads(int threads) {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be ≥ 1, got " + threads);
        }
        System.setProperty(INTRA, Integer.toString(threads));
    }

    /**
     * Sets the single-thread defaults unless the user chose otherwise with {@code -D}; must run
     * before DJL's engine loads (it reads the properties once).
     */
    static void applyDefaults() {
        if (System.getProperty(INTRA) == null) {
            System.setProperty(INTRA, "1");
        }
        if (System.getProperty(INTER) == null) {
            System.setProperty(INTER, "1");
        }
    }
}
