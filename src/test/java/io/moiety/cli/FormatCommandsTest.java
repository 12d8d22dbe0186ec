package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.moiety.data.Dataset;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code moiety inspect} and {@code moiety convert} end to end through Main's command line. */
class FormatCommandsTest {
    @TempDir Path tmp;



    static Path ethanol() {
        return SharedData.ethanolTrain();
    }

    @Test
    void inspectSummarisesTheEthanolFile() {
        CliRun r = CliRun.of("inspect", ethanol().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("molecules    1\n"), r.out());
        assertTrue(r.out().contains("frames       1000\n"), r.out());
        assertTrue(r.out().contains("9000 in all, 9.0 per frame"), r.out());
        assertTrue(r.out().contains("C 2000 atoms in 1 molecule"), r.out());
        assertTrue(r.out().contains("H 6000 atoms") && r.out().contains("O 1000 atoms"), r.out());
        assertTrue(r.out().matches("(?s).*energy\\s+min -42\\d\\d\\.\\d+, max -42\\d\\d.*eV \\(1000 frames\\).*"), r.out());
        assertTrue(r.out().contains("eV/Å (27000 components)"), r.out());
        assertTrue(r.out().contains("units") && r.out().contains("frames/s") && r.out().contains("MB/s"), r.out());
    }

    @Test
    void convertBothWaysThenRefuseToOverwrite() throws Exception {
        Path h5 = tmp.resolve("ethanol.h5");
        Path xyz = tmp.resolve("ethanol.xyz");
        CliRun r = CliRun.of("convert", ethanol().toString(), h5.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 molecule, 1000 frames"), r.out());
        assertEquals(0, CliRun.of("convert", h5.toString(), xyz.toString()).code());
        List<MoleculeRecord> fromH5;
        List<MoleculeRecord> fromXyz;
        try (Dataset a = DatasetFiles.open(h5); Dataset b = DatasetFiles.open(xyz)) {
            fromH5 = a.readAll();
            fromXyz = b.readAll();
        }
        assertEquals(fromH5, fromXyz, "HDF5 → XYZ keeps every value and the metadata");
        assertEquals(1000, fromXyz.get(0).frames().size());

        long size = Files.size(xyz);
        CliRun refused = CliRun.of("convert", ethanol().toString(), xyz.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("error: " + xyz + ": exists; use --force to overwrite"), refused.err());
        assertEquals(size, Files.size(xyz));
        assertEquals(0, CliRun.of("convert", ethanol().toString(), xyz.toString(), "--force").code());
        assertNotEquals(size, Files.size(xyz), "replaced with the XYZ → XYZ copy");
    }

    @Test
    void failedConvertLeavesNoOutputAndNoTemporaryFile() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Path src = in.resolve("two.h5");
        WritableHdfFile h5 = HdfFile.write(src);
        for (String name : List.of("a_good", "b_bad")) {
            WritableGroup g = h5.putGroup(name);
            g.putDataset("atomic_numbers", new byte[] {1, 1});
            g.putDataset("positions", new float[][][] {{{0, 0, 0}, {0, 0, 0.74f}}});
            g.putDataset("energy", new double[] {name.equals("b_bad") ? Double.NaN : -31.5});
            g.putDataset("forces", new float[1][2][3]);
        }
        h5.close();
        Path outDir = tmp.resolve("out");
        Files.createDirectories(outDir);
        for (String name : List.of("o.h5", "o.xyz")) {
            CliRun r = CliRun.of("convert", src.toString(), outDir.resolve(name).toString());
            assertEquals(1, r.code());
            assertTrue(r.err().contains("error: " + src + ": /b_bad/energy: frame 0 has energy NaN"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace");
        }
        try (var files = Files.list(outDir)) {
            assertEquals(List.of(), files.toList(), "neither output nor temporary file left");
        }
    }

    @Test
    void malformedInputGivesFileLineFieldError() throws Exception {
        Path bad = tmp.resolve("bad.xyz");
        Files.writeString(bad, "2\nenergy=-1\nH 0 0 0\nH 0 0 zero\n");
        CliRun r = CliRun.of("inspect", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("error: " + bad + ":4: pos: not a number: 'zero'"), r.err());
        CliRun missing = CliRun.of("inspect", tmp.resolve("nope.xyz").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.xyz: no such file"), missing.err());
    }

    @Test
    void energyKeysAndFormatOverride() throws Exception {
        Path data = tmp.resolve("frames.dat");
        Files.writeString(data, "1\nProperties=species:S:1:pos:R:3:REF_forces:R:3 REF_energy=-13.5\nH 0 0 0 0.5 0 0\n");
        Path out = tmp.resolve("h.h5");
        CliRun r = CliRun.of("convert", data.toString(), out.toString(), "--format", "xyz", "--energy-key", "REF_energy",
                "--forces-key", "REF_forces");
        assertEquals(0, r.code(), r.err());
        try (Dataset ds = DatasetFiles.open(out)) {
            var f = ds.readAll().get(0).frames().get(0);
            assertEquals(-13.5, f.energy());
            assertEquals(0.5, f.forces()[0]);
        }
        CliRun noKey = CliRun.of("convert", data.toString(), tmp.resolve("h2.h5").toString(), "--format", "xyz",
                "--drop-columns");
        assertEquals(1, noKey.code());
        assertTrue(noKey.err().contains("no energy"), noKey.err());
        assertFalse(Files.exists(tmp.resolve("h2.h5")));
    }

    @Test
    void inspectReportsSkippedAni1xFramesAndConvertedUnits() throws Exception {
        Path p = tmp.resolve("ani.h5");
        WritableHdfFile h5 = HdfFile.write(p);
        WritableGroup g = h5.putGroup("H2");
        g.putDataset("atomic_numbers", new byte[] {1, 1});
        g.putDataset("coordinates", new float[][][] {{{0, 0, 0}, {0, 0, 0.74f}}, {{0, 0, 0}, {0, 0, 0.8f}}});
        g.putDataset("wb97x_dz.energy", new double[] {-1.17, Double.NaN});
        g.putDataset("wb97x_dz.forces", new float[2][2][3]);
        h5.close();
        CliRun r = CliRun.of("inspect", p.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ANI-1x HDF5"), r.out());
        assertTrue(r.out().contains("frames       1\n"), r.out());
        assertTrue(r.out().contains("skipped      1 frames with missing (NaN) labels"), r.out());
        assertTrue(r.out().contains("converted from Å, Hartree, Hartree/Å"), r.out());
        assertTrue(r.out().contains("min -31.837322"), r.out()); // -1.17 Hartree in eV
    }

    /** One line on stderr, exit code 1, no stack trace. */
    static void assertOneLineError(CliRun r, String expected) {
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void emptyBlankGarbageTruncatedAndDirectoryInputsGiveOneLineErrors() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.xyz"));
        assertOneLineError(CliRun.of("inspect", empty.toString()), empty + ": empty file (0 bytes)");
        assertOneLineError(CliRun.of("inspect", empty.toString(), "--format", "h5"), empty + ": empty file (0 bytes)");
        Path blank = Files.writeString(tmp.resolve("blank.xyz"), "\n\n");
        assertOneLineError(CliRun.of("convert", blank.toString(), tmp.resolve("b.h5").toString()), blank + ": no frames");
        assertFalse(Files.exists(tmp.resolve("b.h5")));
        Path garbage = Files.write(tmp.resolve("garbage.h5"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertOneLineError(CliRun.of("inspect", garbage.toString()), garbage + ": not an HDF5 file (no HDF5 signature");

        Path whole = tmp.resolve("whole.h5");
        assertEquals(0, CliRun.of("convert", ethanol().toString(), whole.toString()).code());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.h5"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLineError(CliRun.of("inspect", cut.toString()), cut + ": truncated HDF5 file: " + bytes.length / 2
                + " bytes, its superblock says " + bytes.length);
        assertOneLineError(CliRun.of("convert", cut.toString(), tmp.resolve("c.xyz").toString()), cut + ": truncated HDF5 file");

        assertOneLineError(CliRun.of("inspect", tmp.toString()), tmp + ": is a directory");
    }

    @Test
    void convertRefusesDirectoryOutputAndUnlabelledFramesInHdf5() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("outdir"));
        assertOneLineError(CliRun.of("convert", ethanol().toString(), dir.toString()), dir + ": is a directory");
        assertOneLineError(CliRun.of("convert", ethanol().toString(), dir.toString(), "--to", "moiety", "--force"),
                dir + ": is a directory");
        Path atoms = Files.writeString(tmp.resolve("atoms.xyz"), "1\nenergy=-13.6\nH 0 0 0\n");
        Path out = tmp.resolve("atoms.h5");
        assertOneLineError(CliRun.of("convert", atoms.toString(), out.toString()),
                out + ": molecule 'H' frame 0: no forces; Moiety HDF5 stores labelled frames only (write extended XYZ");
        assertEquals(List.of(dir), Files.list(tmp).filter(f -> !f.equals(atoms)).toList(), "nothing written");
    }

    @Test
    void readOnlyOutputFormatIsRefusedBeforeReading() {
        Path out = tmp.resolve("s.h5");
        assertOneLineError(CliRun.of("convert", ethanol().toString(), out.toString(), "--to", "spice"),
                "--to: SPICE HDF5 is read-only; write moiety (Moiety HDF5) or extxyz");
        assertFalse(Files.exists(out));
    }

    @Test
    void tasksAndGenerateOptionErrorsNameTheOption() {
        CliRun list = CliRun.of("tasks");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("chain-extension") && list.out().contains("fusion"), list.out());
        assertOneLineError(CliRun.of("tasks", "--tasks-dir", tmp.resolve("none").toString()),
                "tasks directory " + tmp.resolve("none") + ": no such directory");
        assertOneLineError(CliRun.of("tasks", "--tasks-dir", tmp.toString()), "no task files (*.yaml) in " + tmp);
        assertOneLineError(CliRun.of("generate", "--task", "chain-extension", "--primary-frames", "0",
                "--out", tmp.resolve("g.h5").toString(), "--work", tmp.resolve("w").toString()), "--primary-frames must be ≥ 1, got 0");
        assertFalse(Files.exists(tmp.resolve("g.h5")));
    }

    @Test
    void inspectWithoutFileReadsTheDefaultDataset() {
        CliRun r = CliRun.of("inspect");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("moiety-default") && r.out().contains("(Moiety HDF5"), r.out());
        assertTrue(r.out().matches("(?s).*molecules\\s+[1-9]\\d*\n.*"), r.out());
    }

    @Test
    void commandListShowsWholeFirstSentences() {
        CommandLine cl = Main.commandLine();
        for (String name : List.of("inspect", "convert", "tasks", "generate")) {
            String first = cl.getSubcommands().get(name).getCommandSpec().usageMessage().description()[0];
            assertTrue(first.endsWith("."), name + ": the command list shows only this line: " + first);
        }
    }

    @Test
    void helpTeachesWithExamples() {
        CliRun r = CliRun.of("convert", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--energy-key") && r.out().contains("--force"), r.out());
        CliRun top = CliRun.of("--help");
        assertTrue(top.out().contains("inspect") && top.out().contains("convert"), top.out());
    }

    /**
     * convert xyz -> xyz/h5 refuses to drop per-atom columns it cannot keep (MACE-style REF_forces
     * beside forces), naming them; --drop-columns converts anyway.
     */
    @Test
    void convertNamesPerAtomColumnsItWouldDrop() throws Exception {
        Path in = tmp.resolve("mace.xyz");
        Files.writeString(in, "2\nProperties=species:S:1:pos:R:3:forces:R:3:REF_forces:R:3:charges:R:1 energy=-1.0\n"
                + "H 0 0 0 0 0 0.1 0 0 0.2 0.5\nH 0 0 0.74 0 0 -0.1 0 0 -0.2 -0.5\n");
        CliRun r = CliRun.of("convert", in.toString(), tmp.resolve("out.xyz").toString());
        assertOneLineError(r, "per-atom column(s) REF_forces, charges would be lost");
        assertFalse(Files.exists(tmp.resolve("out.xyz")));
        CliRun dropped = CliRun.of("convert", in.toString(), tmp.resolve("out.xyz").toString(), "--drop-columns");
        assertEquals(0, dropped.code(), dropped.err());
    }

    @Test
    void aDanglingSymlinkAsOutputNeedsForce() throws Exception {
        Path link = tmp.resolve("link.xyz");
        Files.createSymbolicLink(link, tmp.resolve("nowhere.xyz"));
        CliRun r = CliRun.of("convert", SharedData.ethanolTrain().toString(), link.toString());
        assertOneLineError(r, "exists; use --force");
        assertTrue(Files.isSymbolicLink(link), "the link is left alone");
    }
}
