package io.moiety.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file completely or not at all: content goes to a temporary file in the target's
 * directory, which is renamed over the target only when the writer finished without error.
 * The temporary file is removed on failure and also when the JVM is stopped mid-write (Ctrl-C,
 * SIGTERM), so an interrupted run leaves neither a partial target nor a stray temporary file.
 */
public final class AtomicFile {
    /** Minutes after which another run's leftover temporary file of the same target is deleted. */
    static final int STALE_MINUTES = 10;

    /** Something that writes the whole content to the given path. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Temporary files are created owner-only (0600); give the result the permissions of the file
     * it replaces, or rw-r--r-- for a new file, as an ordinary write would (POSIX file systems only).
     */
    private static void readableLikeOrdinaryFiles(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    /**
     * Writes {@code target} through {@code writer}.
     *
     * @param overwrite replace an existing target; when false an existing target is an error
     */
    public static void write(Path target, boolean overwrite, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        // NOFOLLOW_LINKS: a symbolic link, even a dangling one, is an existing file that --force replaces
        if (!overwrite && Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(abs.toString(), null, "exists; use --force to overwrite");
        }
        Path dir = abs.getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            deleteStaleTemporaries(dir, abs.getFileName().toString());
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
        } catch (FileAlreadyExistsException e) {
            throw new FileSystemException(abs.toString(), null, "cannot write: " + e.getFile() + " is not a directory");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(abs.toString(), null, "cannot write: permission denied in " + dir);
        } catch (FileSystemException e) {
            throw new FileSystemException(abs.toString(), null, "cannot write in " + dir + ": "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        }
        Thread cleanup = new Thread(() -> deleteQuietly(tmp), "delete " + tmp.getFileName());
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean done = false;
        try {
            writer.writeTo(tmp);
            readableLikeOrdinaryFiles(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway; it only deletes the temporary file
            }
        }
    }

    /**
     * Removes temporary files of {@code name} left by a process that was killed (SIGKILL skips the
     * shutdown hook); only those untouched for {@link #STALE_MINUTES}, so a concurrent writer's file stays.
     */
    private static void deleteStaleTemporaries(Path dir, String name) throws IOException {
        long cutoff = System.currentTimeMillis() - STALE_MINUTES * 60_000L;
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".part"))) {
            for (Path p : parts) {
                try {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // another process removed or holds it: leave it
                }
            }
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + tmp, e);
        }
    }
}
