package io.moiety.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one line a command prints for an exception: its message, completed where the JDK gives only
 * a path (file-system exceptions without a reason say which file, not what is wrong with it).
 */
final class ErrorLine {
    private ErrorLine() {}

    static String of(Throwable ex) {
        if (ex instanceof FileSystemException fs && fs.getReason() == null) {
            String where = fs.getOtherFile() == null ? fs.getFile() : fs.getFile() + " -> " + fs.getOtherFile();
            return where + ": " + reason(fs);
        }
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    private static String reason(FileSystemException fs) {
        if (fs instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (fs instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (fs instanceof FileAlreadyExistsException) {
            return "exists (and is in the way: a file where a directory is needed, or an output without --force)";
        }
        if (fs instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (fs instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (fs instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        return fs.getClass().getSimpleName();
    }
}
