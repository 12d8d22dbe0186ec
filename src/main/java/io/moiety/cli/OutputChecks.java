package io.moiety.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on an output path made before any work, so that a command never destroys its own input. */
final class OutputChecks {
    private OutputChecks() {}

    /**
     * Refuses {@code out} when it is the input file {@code in} (the same file through any path or
     * link), whatever {@code --force} says.
     */
    static void notTheInput(Path in, Path out, String inputName) throws IOException {
        if (Files.exists(in) && Files.exists(out) && Files.isSameFile(in, out)) {
            throw new IllegalArgumentException(out + ": the output is the " + inputName + " file " + in
                    + "; writing it would replace the input. Choose another output file");
        }
    }
}
