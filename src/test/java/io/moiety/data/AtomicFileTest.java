package io.moiety.data;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: nothing partial is left behind, and write errors name the target. */
class AtomicFileTest {
    @TempDir Path tmp;

    /** Child JVM: starts an atomic write that never finishes, so the test can stop it mid-write. */
    public static final class StuckWriter {
        public static void main(String[] args) throws Exception {
            AtomicFile.write(Path.of(args[0]), false, t -> {
                Files.writeString(t, "partial");
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void stoppedProcessLeavesNoTemporaryFile() throws Exception {
        Path target = tmp.resolve("out.h5");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StuckWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            assertEquals("writing", r.readLine(), "child reached the middle of the write");
            try (var files = Files.list(tmp)) {
                assertEquals(1, files.count(), "the temporary file exists while writing");
            }
            p.destroy(); // SIGTERM: shutdown hooks run, as on Ctrl-C
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList(), "neither target nor temporary file left");
        }
    }

    @Test
    void unwritableDirectoryNamesTargetAndDirectory() {
        Path ro = Path.of("/sys");
        assumeTrue(Files.isDirectory(ro), "needs Linux /sys, which nobody may create files in");
        Path target = ro.resolve("x.h5");
        var e = assertThrows(AccessDeniedException.class, () -> AtomicFile.write(target, false, t -> Files.writeString(t, "x")));
        assertEquals(target + ": cannot write: permission denied in " + ro, e.getMessage());
    }

    @Test
    void parentThatIsAFileIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        var e = assertThrows(FileSystemException.class,
                () -> AtomicFile.write(file.resolve("sub/out.xyz"), false, t -> Files.writeString(t, "x")));
        assertTrue(e.getMessage().contains("out.xyz") && e.getMessage().toLowerCase().contains("not a directory"), e.getMessage());
    }

    @Test
    void staleTemporaryFilesOfTheTargetAreRemovedAndDanglingLinksNeedOverwrite() throws Exception {
        Path target = tmp.resolve("out.xyz");
        Path stale = tmp.resolve(".out.xyz.123.part");
        Path fresh = tmp.resolve(".out.xyz.456.part");
        Path other = tmp.resolve(".other.xyz.789.part");
        for (Path p : List.of(stale, fresh, other)) {
            Files.writeString(p, "left by kill -9");
        }
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - (AtomicFile.STALE_MINUTES + 1) * 60_000L);
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(other, old);
        AtomicFile.write(target, false, t -> Files.writeString(t, "ok"));
        assertFalse(Files.exists(stale), "an old temporary file of the target is removed");
        assertTrue(Files.exists(fresh), "a recent one may belong to a running writer");
        assertTrue(Files.exists(other), "other targets' files are left alone");

        Path link = tmp.resolve("link.xyz");
        Files.createSymbolicLink(link, tmp.resolve("missing.xyz"));
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> AtomicFile.write(link, false, t -> Files.writeString(t, "x")));
        assertTrue(Files.isSymbolicLink(link));
    }
}
