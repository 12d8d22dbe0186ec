package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moiety inspect} in a child JVM with a small heap: an extended-XYZ file a little smaller
 * than the heap is read (the reader streams the text and keeps only the parsed frames), and one
 * twice the heap ends with exit code 4 and one error line, not a stack trace.
 */
class LargeInputHeapTest {
    @TempDir Path tmp;

    /** {@code frames} 20-atom frames with forces, numbers written as ASE writes them (8 decimals). */
    private static Path hexaneFrames(Path file, int frames) throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder atoms = new StringBuilder();
        for (int a = 0; a < 20; a++) {
            atoms.append(a < 6 ? "C" : "H");
            for (int k = 0; k < 6; k++) {
                atoms.append(String.format(Locale.ROOT, " %16.8f", 4 * rng.nextDouble() - 2));
            }
            atoms.append('\n');
        }
        byte[] body = atoms.toString().getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < frames; i++) {
                out.write(("20\nProperties=species:S:1:pos:R:3:forces:R:3 molecule=mol" + i / 2000 + " energy=-"
                        + (6400 + i % 997 / 1000.0) + " config_type=bench pbc=\"F F F\"\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
            }
        }
        return file;
    }

    private record Run(int code, String output) {}

    private static Run inspect(Path file, String heap) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "inspect",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "inspect finished");
        return new Run(p.exitValue(), out);
    }

    @Test
    void fileSmallerThanTheHeapIsReadAndOneTwiceTheHeapIsExitCodeFour() throws Exception {
        Path file = hexaneFrames(tmp.resolve("hexane.xyz"), 16_000); // 33.4 MiB
        assertEquals(33, Files.size(file) >> 20);
        Run fits = inspect(file, "40m"); // the reader that held the text needed 1.5-1.8x the file
        assertEquals(0, fits.code(), fits.output());
        assertTrue(fits.output().contains("frames       16000"), fits.output());
        Run tooBig = inspect(file, "16m");
        assertEquals(ExitCode.OUT_OF_MEMORY.code(), tooBig.code(), tooBig.output());
        assertTrue(tooBig.output().startsWith("error: out of memory (Java heap"), tooBig.output());
        assertFalse(tooBig.output().contains("\tat "), "no stack trace: " + tooBig.output());
    }
}
