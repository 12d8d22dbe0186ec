package io.moiety.label;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An external program (xtb, obabel) called once per job, each call in its own temporary
 * directory below {@code scratch} and stopped after {@code timeout} of wall-clock time.
 */
abstract class ScratchProgram {
    protected final Path executable;
    protected final Path scratch;
    protected final Duration timeout;

    ScratchProgram(Path executable, Path scratch, Duration timeout) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.scratch = Objects.requireNonNull(scratch, "scratch");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A fresh run directory {@code scratch/prefix*}, removed when the run is closed. */
    protected ToolRun newRun(String prefix) throws IOException {
        return ToolRun.in(scratch, prefix);
    }
}
