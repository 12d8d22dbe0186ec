package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** File-system errors say what is wrong, not only which path. */
class ErrorLineTest {
    @Test
    void pathOnlyExceptionsGetTheirReason() {
        assertEquals("/ro/runs: permission denied", ErrorLine.of(new AccessDeniedException("/ro/runs")));
        assertTrue(ErrorLine.of(new FileAlreadyExistsException("runs/x")).startsWith("runs/x: exists"));
        assertEquals("a.xyz: no such file or directory", ErrorLine.of(new NoSuchFileException("a.xyz")));
        assertEquals("out.h5: exists; use --force", ErrorLine.of(new FileAlreadyExistsException("out.h5", null, "exists; use --force")));
        assertEquals("IllegalStateException", ErrorLine.of(new IllegalStateException()));
    }
}
