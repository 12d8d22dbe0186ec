package io.moiety.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive hold on a folder across processes (a bench cell's training folder, a {@code generate}
 * work directory): an operating-system lock on the file {@code <folder>.lock} beside it, which
 * deleting or clearing the folder leaves in place. {@link #acquire} polls until the lock is free, so a
 * second process waits for the first instead of training into the same folder, then reuses its
 * result. The lock is released on {@link #close} or when the process dies.
 */
public final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code folder}: {@code <folder>.lock} in its parent. */
    public static Path lockFile(Path folder) {
        return folder.resolveSibling(folder.getFileName() + ".lock");
    }

    /** The lock if it is free now, else {@code null} (held by another process or by this one). */
    public static FolderLock tryAcquire(Path folder) throws IOException {
        Path file = lockFile(folder);
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l != null) {
                return new FolderLock(ch, l);
            }
        } catch (OverlappingFileLockException held) {
            // held by another thread of this JVM
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        ch.close();
        return null;
    }

    /**
     * Waits for the lock, polling every {@code pollMillis}; {@code onWait} runs once if it has to wait
     * (to tell the user why nothing happens).
     */
    public static FolderLock acquire(Path folder, long pollMillis, Runnable onWait) throws IOException {
        FolderLock l = tryAcquire(folder);
        if (l == null) {
            onWait.run();
        }
        while (l == null) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + lockFile(folder), e);
            }
            l = tryAcquire(folder);
        }
        return l;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
