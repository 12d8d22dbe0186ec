package io.moiety.data.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad extended XYZ gets an error naming file, line and field. */
class ExtxyzMalformedTest {
    @TempDir Path tmp;

    private static final String HEADER = "Properties=species:S:1:pos:R:3:forces:R:3 energy=-1.5";
    private static final String WATER = "3\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 0 0\nH 0 1 0 0 0 0\n";

    private String error(String content) throws Exception {
        Path file = tmp.resolve("bad.xyz");
        Files.writeString(file, content);
        DataFileException e = assertThrows(DataFileException.class, () -> {
            try (var ds = DatasetFiles.open(file)) {
                ds.readAll(); // structure errors come from open, number errors when the molecule is read
            }
        });
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        return e.getMessage().substring(file.toString().length());
    }

    @Test
    void atomCountLargerThanTheFrameAtEndOfFile() throws Exception {
        String m = error(WATER + "4\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 0 0\nH 0 1 0 0 0 0\n");
        assertEquals(":6: atom count: frame declares 4 atoms but the file ends after 3 atom lines", m);
    }

    @Test
    void atomCountLargerThanTheFrameInTheMiddle() throws Exception {
        String m = error("4\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 0 0\nH 0 1 0 0 0 0\n" + WATER);
        assertTrue(m.startsWith(":1: atom count: frame declares 4 atoms but line 6 looks like the next frame's atom count"), m);
    }

    @Test
    void atomCountSmallerThanTheFrame() throws Exception {
        String m = error("2\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 0 0\nH 0 1 0 0 0 0\n" + WATER);
        assertTrue(m.startsWith(":5: atom count: expected an integer, got 'H 0 1 0 0 0 0'"), m);
    }

    @Test
    void missingColumn() throws Exception {
        String m = error("3\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 0\nH 0 1 0 0 0 0\n");
        assertEquals(":4: forces: missing column: line has 6 fields, Properties declares 7", m);
    }

    @Test
    void extraColumn() throws Exception {
        String m = error("3\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 0 0 9\nH 0 1 0 0 0 0\n");
        assertEquals(":4: Properties: line has more than the 7 fields Properties declares", m);
    }

    @Test
    void nonNumericPosition() throws Exception {
        String m = error(WATER + "3\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 0 0\nH 0 x1.5 0 0 0 0\n");
        assertEquals(":10: pos: not a number: 'x1.5'", m);
    }

    @Test
    void nonNumericForce() throws Exception {
        String m = error("3\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 0 1.2.3\nH 0 1 0 0 0 0\n");
        assertEquals(":4: forces: not a number: '1.2.3'", m);
    }

    @Test
    void nonNumericEnergy() throws Exception {
        String m = error("3\nenergy=abc\nO 0 0 0\nH 0 0 1\nH 0 1 0\n");
        assertEquals(":2: energy: not a number: 'abc'", m);
    }

    @Test
    void unknownElement() throws Exception {
        String m = error("3\n" + HEADER + "\nO 0 0 0 0 0 0\nXx 0 0 1 0 0 0\nH 0 1 0 0 0 0\n");
        assertEquals(":4: species: unknown element 'Xx' (Moiety knows H–Ar, Br, I)", m);
    }

    @Test
    void missingPositionsInProperties() throws Exception {
        String m = error("1\nProperties=species:S:1:forces:R:3\nH 0 0 0\n");
        assertTrue(m.startsWith(":2: Properties: no pos:R:3 column"), m);
    }

    @Test
    void badLattice() throws Exception {
        String m = error("1\nLattice=\"1 0 0 0 1 0 0 0\"\nH 0 0 0\n");
        assertEquals(":2: Lattice: expected 9 numbers, got 8", m);
    }

    @Test
    void unclosedQuote() throws Exception {
        String m = error("1\ncomment=\"oops\nH 0 0 0\n");
        assertTrue(m.startsWith(":2: comment line: unclosed quote"), m);
    }

    @Test
    void nanPositionIsRefusedWithLineAndField() throws Exception {
        String m = error("3\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 nan 1 0 0 0\nH 0 1 0 0 0 0\n");
        assertEquals(":4: pos: is nan (values must be finite)", m);
    }

    @Test
    void infiniteForceIsRefusedWithLineAndField() throws Exception {
        String m = error(WATER + "3\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 -inf 0\nH 0 1 0 0 0 0\n");
        assertEquals(":9: forces: is -inf (values must be finite)", m);
    }

    @Test
    void nonFiniteEnergyIsRefused() throws Exception {
        String m = error("3\nenergy=inf\nO 0 0 0\nH 0 0 1\nH 0 1 0\n");
        assertTrue(m.startsWith(":2: energy: is Infinity"), m);
    }

    @Test
    void hugeAtomCountIsCheckedAgainstTheBytesLeft() throws Exception {
        for (String count : new String[] {"999999999", "200000000", "2147483647"}) {
            String m = error(count + "\n" + HEADER + "\nO 0 0 0 0 0 0\nH 0 0 1 0 0 0\n");
            assertEquals(":1: atom count: frame declares " + count + " atoms but only 28 bytes follow, too few for that "
                    + "many atom lines (truncated file or wrong count?)", m);
        }
    }

    @Test
    void oneAtomWithoutFinalNewlineIsRead() throws Exception {
        Path file = tmp.resolve("one.xyz");
        Files.writeString(file, "1\n\nH 0 0 0");
        try (var ds = DatasetFiles.open(file)) {
            assertEquals(1, ds.readAll().get(0).frames().size());
        }
    }

    @Test
    void largeFileThatIsNotXyzFailsAtLineOneFromItsStart() throws Exception {
        // 3 MB without a newline, then a valid-looking rest: the error must come from the first 64 KB
        byte[] junk = new byte[3 << 20];
        java.util.Arrays.fill(junk, (byte) 'x');
        Path file = tmp.resolve("junk.xyz");
        Files.write(file, junk);
        var e = assertThrows(DataFileException.class, () -> {
            try (var ds = DatasetFiles.open(file)) {
                ds.readAll();
            }
        });
        assertTrue(e.getMessage().startsWith(file + ":1: atom count: expected an integer, got a line longer than 64 KB"),
                e.getMessage());
        byte[] words = "not an xyz file at all\n".repeat(200_000).getBytes();
        Files.write(file, words);
        e = assertThrows(DataFileException.class, () -> {
            try (var ds = DatasetFiles.open(file)) {
                ds.readAll();
            }
        });
        assertEquals(file + ":1: atom count: expected an integer, got 'not an xyz file at all'", e.getMessage());
    }

    @Test
    void partialPeriodicityIsRefusedClearly() throws Exception {
        String m = error("1\nLattice=\"10 0 0 0 10 0 0 0 10\" pbc=\"T F T\"\nH 0 0 0\n");
        assertTrue(m.startsWith(":2: pbc: partial periodicity \"T F T\" is not supported"), m);
    }
}
