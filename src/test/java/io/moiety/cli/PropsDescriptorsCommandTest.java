package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.descriptors.CsvFile;
import io.moiety.descriptors.DescriptorTable;
import io.moiety.descriptors.FakeXtb;
import io.moiety.descriptors.FileDescriptorSource;
import io.moiety.descriptors.QmexDescriptor;
import io.moiety.label.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code moiety props descriptors}: interruption and resume, bad rows, reading the output back. */
class PropsDescriptorsCommandTest {
    static final int CALLS_PER_MOLECULE = 7;

    @TempDir Path tmp;

    private Path input(String... smiles) throws Exception {
        StringBuilder sb = new StringBuilder("smiles,y\n");
        for (int i = 0; i < smiles.length; i++) {
            sb.append(smiles[i]).append(',').append(i).append('\n');
        }
        return Files.writeString(tmp.resolve("in.csv"), sb.toString());
    }

    private static String calls(Path xtb) {
        try {
            return String.join("\n", FakeXtb.calls(xtb));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static long storedMolecules(Path work) throws Exception {
        Path dir = work.resolve("qmex");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals("values.txt")).count();
        }
    }

    @Test
    void anInterruptedRunWritesNoOutputAndTheNextRunComputesOnlyWhatIsMissing() throws Exception {
        assumeTrue(ExternalTool.OBABEL.available(), "obabel not installed");
        Path xtb = FakeXtb.install(tmp.resolve("bin"), 0.3);
        Path in = input("O", "CO", "N");
        Path out = tmp.resolve("out").resolve("d.csv");
        Path work = tmp.resolve("work");
        String[] args = {"props", "descriptors", "--data", in.toString(), "--out", out.toString(), "--work", work.toString(),
            "--xtb", xtb.toString(), "--workers", "1"};
        CliRun[] first = new CliRun[1];
        Thread run = new Thread(() -> first[0] = CliRun.of(args));
        run.start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (storedMolecules(work) < 1 && System.nanoTime() < deadline && run.isAlive()) {
            Thread.sleep(50);
        }
        run.interrupt();
        run.join(60_000);
        assertFalse(run.isAlive());
        long finished = storedMolecules(work);
        assertTrue(finished >= 1 && finished < 3, "interrupted after " + finished + " molecules");
        assertEquals(1, first[0].code(), first[0].err());
        assertFalse(Files.exists(out), "no output from an interrupted run");
        if (Files.isDirectory(out.getParent())) {
            try (Stream<Path> s = Files.list(out.getParent())) {
                assertEquals(List.of(), s.toList(), "no partial file left behind");
            }
        }
        int callsBefore = FakeXtb.calls(xtb).size();

        CliRun second = CliRun.of(args);
        assertEquals(0, second.code(), second.err());
        assertEquals((3 - finished) * CALLS_PER_MOLECULE, FakeXtb.calls(xtb).size() - callsBefore,
                () -> "finished molecules are read back, not recomputed; finished " + finished + ", before " + callsBefore + ", calls " + calls(xtb));
        assertTrue(second.out().contains("written to " + out), second.out());

        CsvFile csv = CsvFile.read(out);
        assertEquals("smiles", csv.header().get(0));
        assertEquals("y", csv.header().get(1));
        assertEquals(QmexDescriptor.HOMO.header(), csv.header().get(2 + QmexDescriptor.HOMO.ordinal()));
        DescriptorTable back = FileDescriptorSource.read(out, "smiles", List.of());
        assertEquals(3, back.rows());
        assertEquals(0, back.failed());
        assertEquals("eV", back.units().get(QmexDescriptor.HOMO.ordinal()));
        assertEquals(-11.106, back.values()[2][QmexDescriptor.HOMO.ordinal()], 1e-9);
        assertTrue(Files.readString(PropsDescriptorsCommand.provenancePath(out)).contains("recipe: "));
    }

    @Test
    void aBadSmilesIsAnErrorNamingFileLineAndColumn() throws Exception {
        Path in = input("O", "C1CC", "N");
        CliRun r = CliRun.of("props", "descriptors", "--data", in.toString(), "--out", tmp.resolve("o.csv").toString(),
                "--source", "file");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(in + ":3: smiles: "), r.err());
        assertFalse(Files.exists(tmp.resolve("o.csv")));
    }

    @Test
    void aNonNumericDescriptorCellIsAnErrorNamingFileLineAndColumn() throws Exception {
        Path in = Files.writeString(tmp.resolve("d.csv"), "smiles,homo [eV]\nO,-11.1\nCO,abc\n");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> FileDescriptorSource.read(in, "smiles", List.of("homo")));
        assertTrue(e.getMessage().contains(in + ":3: homo [eV]: not a number"), e.getMessage());
    }
}
