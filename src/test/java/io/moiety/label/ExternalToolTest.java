package io.moiety.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalToolTest {
    @TempDir
    Path tmp;

    @Test
    void missingProgramsNameTheDebianPackage() {
        IllegalStateException xtb = assertThrows(IllegalStateException.class, () -> ExternalTool.XTB.locate(Map.of("PATH", tmp.toString())));
        assertTrue(xtb.getMessage().contains("apt-get install xtb"), xtb.getMessage());
        IllegalStateException ob = assertThrows(IllegalStateException.class, () -> ExternalTool.OBABEL.locate(Map.of()));
        assertTrue(ob.getMessage().contains("apt-get install openbabel"), ob.getMessage());
    }

    @Test
    void findsTheExecutableOnPathOrByOverride() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = Files.writeString(bin.resolve("xtb"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(fake, ExternalTool.XTB.locate(Map.of("PATH", "/nonexistent:" + bin)));
        assertEquals(fake, ExternalTool.XTB.locate(Map.of("MOIETY_XTB", fake.toString())));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExternalTool.XTB.locate(Map.of("MOIETY_XTB", tmp.resolve("nope").toString())));
        assertTrue(e.getMessage().contains("MOIETY_XTB"), e.getMessage());
    }
}
