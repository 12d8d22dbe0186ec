package io.moiety.data.io;

import static org.junit.jupiter.api.Assertions.*;

import io.moiety.data.Frame;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
    void largeFileThatIsNotXyzFailsAtLineOneFromItsFirstKilobyte() throws Exception {
        // 3 MB without a newline: the atom-count line cannot be longer than 1 KB
        byte[] junk = new byte[3 << 20];
        Arrays.fill(junk, (byte) 'x');
        Path file = tmp.resolve("junk.xyz");
        Files.write(file, junk);
        assertEquals(file + ":1: atom count: expected an integer, got a line longer than 1 KB (is this an extended XYZ "
                + "file?)", openError(file));
        Files.write(file, "not an xyz file at all\n".repeat(200_000).getBytes());
        assertEquals(file + ":1: atom count: expected an integer, got 'not an xyz file at all'", openError(file));
    }

    @Test
    void garbageBeyondTwoGigabytesFailsWhereItStarts() throws Exception {
        // sparse files of 3 GB: text at the start, then zero bytes (no newline) to the end
        Path file = tmp.resolve("huge.xyz");
        sparse(file, "", 3L << 30);
        assertEquals(file + ":1: atom count: expected an integer, got a line longer than 1 KB (is this an extended XYZ "
                + "file?)", openError(file));
        sparse(file, "1\n\nH 0 0 0\n", 3L << 30);
        assertEquals(file + ":4: atom count: expected an integer, got a line longer than 1 KB (does the previous frame "
                + "have more atoms than its count 1?)", openError(file));
        sparse(file, "1\n", 3L << 30);
        assertEquals(file + ":2: comment line: line longer than 16 MB (is this an extended XYZ file?)", openError(file));
    }

    private static void sparse(Path file, String start, long size) throws Exception {
        Files.deleteIfExists(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(start.getBytes(StandardCharsets.US_ASCII));
            f.setLength(size);
        }
    }

    private static String openError(Path file) {
        return assertThrows(DataFileException.class, () -> {
            try (var ds = DatasetFiles.open(file)) {
                ds.readAll();
            }
        }).getMessage();
    }

    @Test
    void linesAcrossReadChunksLongCommentsAndCrLfAreRead() throws Exception {
        // frames whose lines straddle the reader's 64 KB chunks, a 200 KB comment value (longer than a
        // chunk), CRLF line ends and no newline at the end of the file
        StringBuilder sb = new StringBuilder();
        String longValue = "v".repeat(200_000);
        int frames = 3000;
        for (int i = 0; i < frames; i++) {
            sb.append("2\r\n").append("energy=").append(-i).append(i == 1500 ? " note=" + longValue : "")
                    .append("\r\nH 0 0 ").append(i).append("\r\nH 0 0 ").append(i + 0.75).append(i + 1 < frames ? "\r\n" : "");
        }
        Path file = tmp.resolve("chunks.xyz");
        Files.writeString(file, sb);
        List<Frame> got;
        try (var ds = DatasetFiles.open(file)) {
            got = ds.readAll().get(0).frames();
        }
        assertEquals(frames, got.size());
        for (int i = 0; i < frames; i++) {
            assertEquals(-i, got.get(i).energy(), 0.0);
            assertArrayEquals(new double[] {0, 0, i, 0, 0, i + 0.75}, got.get(i).structure().positions(), 0.0);
        }
        assertEquals(longValue, got.get(1500).info().get("note"));
    }

    @Test
    void partialPeriodicityIsRefusedClearly() throws Exception {
        String m = error("1\nLattice=\"10 0 0 0 10 0 0 0 10\" pbc=\"T F T\"\nH 0 0 0\n");
        assertTrue(m.startsWith(":2: pbc: partial periodicity \"T F T\" is not supported"), m);
    }
}
