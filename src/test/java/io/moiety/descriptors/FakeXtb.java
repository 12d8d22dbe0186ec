package io.moiety.descriptors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test stand-in for xtb ({@code fake-xtb.sh}): copied into a directory, made executable,
 * optionally sleeping before each call; every call is appended to {@code calls.log} beside it.
 */
public final class FakeXtb {
    private FakeXtb() {}

    /** Installs the script in {@code dir}; each call sleeps {@code sleepSeconds} first when positive. */
    public static Path install(Path dir, double sleepSeconds) throws IOException {
        String script;
        try (InputStream in = FakeXtb.class.getResourceAsStream("fake-xtb.sh")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (sleepSeconds > 0) {
            script = script.replace("if [ -n \"$FAKE_XTB_SLEEP\" ]; then sleep \"$FAKE_XTB_SLEEP\"; fi", "sleep " + sleepSeconds);
        }
        Files.createDirectories(dir);
        Path exe = dir.resolve("xtb");
        Files.writeString(exe, script, StandardCharsets.UTF_8);
        if (!exe.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + exe + " executable");
        }
        return exe;
    }

    /** Calls made so far (lines of the call log). */
    public static List<String> calls(Path exe) throws IOException {
        Path log = exe.resolveSibling("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
