package io.moiety.data.io;

import static org.junit.jupiter.api.Assertions.*;

import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtxyzTest {
    @TempDir Path tmp;

    @Test
    void readsRealEthanolFileWithTheRightNumbers() throws Exception {
        Path file = SharedData.ethanolTrain();
        assertTrue(Files.exists(file), "shared ethanol data missing: " + file);
        try (Dataset ds = DatasetFiles.open(file)) {
            assertEquals(List.of("C2H6O"), ds.moleculeIds());
            MoleculeRecord m = ds.molecule("C2H6O");
            assertEquals(1000, m.frames().size());
            assertEquals("C2H6O", m.formula());
            assertEquals("", m.smiles());
            assertArrayEquals(new int[] {6, 6, 8, 1, 1, 1, 1, 1, 1}, m.atomicNumbers());
            Frame f0 = m.frames().get(0);
            // Values copied from lines 2-3 and 11 of train.xyz.
            assertEquals(-4209.4657843064815, f0.energy(), 0.0);
            assertEquals(0.40162460, f0.structure().positions()[0], 0.0);
            assertEquals(0.07944170, f0.structure().positions()[2], 0.0);
            assertEquals(-4.15950961, f0.forces()[0], 0.0);
            assertEquals(3.61777644, f0.forces()[2], 0.0);
            assertEquals(-2.30077348, f0.forces()[26], 0.0);
            assertEquals(-0.13627129, f0.structure().positions()[24], 0.0);
            assertNull(f0.structure().cell(), "pbc=\"F F F\": a molecule in vacuum, the lattice stays in the info");
            assertEquals(Map.of("OH_dist", "1.0373", "config_type", "Training_set", "pbc", "F F F",
                    "Lattice", "50.0 0.0 0.0 0.0 50.0 0.0 0.0 0.0 50.0"), f0.info());
            assertEquals(-4209.717215477924, m.frames().get(908).energy(), 0.0); // line 9990
            Frame last = m.frames().get(999);
            assertEquals(-0.00033289, last.structure().positions()[24], 0.0);
            assertEquals(-0.05985133, last.forces()[26], 0.0);
        }
    }

    @Test
    void writeThenReadIsIdentical() throws Exception {
        List<MoleculeRecord> original;
        try (Dataset ds = DatasetFiles.open(SharedData.ethanolTrain())) {
            original = ds.readAll();
        }
        Path out = tmp.resolve("copy.xyz");
        DatasetFiles.write(out, original, WriteOptions.defaults());
        List<MoleculeRecord> back;
        try (Dataset ds = DatasetFiles.open(out)) {
            back = ds.readAll();
        }
        assertEquals(original, back);
        assertEquals(original.get(0).frames().get(7), back.get(0).frames().get(7));
    }

    @Test
    void roundTripKeepsMetadataChargeAwkwardInfoAndPrecision() throws Exception {
        Structure s = new Structure(new int[] {8, 1, 1}, new double[] {0.1 + 0.2, 1e-17, -3.0, 1.0 / 3, 2, 3, 4, 5, 6.02214076e23},
                -1, 2, null);
        Frame f = new Frame(s, -2079.123456789012345, new double[] {1, 2, 3, 4, 5, 6, 7, 8, Math.PI},
                Map.of("note", "two words \"quoted\" a=b", "step", "3"));
        Frame unlabelled = new Frame(s, Double.NaN, null, Map.of());
        MoleculeRecord a = new MoleculeRecord("hydroxyl radical", "[OH-]", "H2O", -1, 2, "GFN2-xTB", "unit test",
                List.of(f, unlabelled));
        MoleculeRecord b = new MoleculeRecord("H2O", "", "H2O", -1, 2, "", "", List.of(f));
        Path out = tmp.resolve("m.extxyz");
        DatasetFiles.write(out, List.of(a, b), new WriteOptions(null, "REF_energy", "REF_forces", false));
        try (Dataset ds = DatasetFiles.open(out, new ReadOptions(null, "REF_energy", "REF_forces"))) {
            assertEquals(List.of(a, b), ds.readAll());
        }
    }

    @Test
    void energyAndForcesKeysAreChosenByTheReader() throws Exception {
        Path file = tmp.resolve("keys.xyz");
        Files.writeString(file, """
                2
                Properties=pos:R:3:REF_forces:R:3:species:S:1:tags:I:1 energy=1.5 REF_energy=-3.25 label="a b"
                0.0 0.0 0.0  0.5 -0.5 1.0  H 7
                0.0 0.0 0.74 -0.5 0.5 -1.0 H 8
                """);
        try (Dataset ds = DatasetFiles.open(file, new ReadOptions(null, "REF_energy", "REF_forces"))) {
            Frame f = ds.readAll().get(0).frames().get(0);
            assertEquals(-3.25, f.energy());
            assertArrayEquals(new double[] {0.5, -0.5, 1.0, -0.5, 0.5, -1.0}, f.forces());
            assertEquals(Map.of("energy", "1.5", "label", "a b"), f.info());
            assertEquals(0.74, f.structure().positions()[5]);
        }
        try (Dataset ds = DatasetFiles.open(file)) {
            Frame f = ds.readAll().get(0).frames().get(0);
            assertEquals(1.5, f.energy());
            assertNull(f.forces(), "REF_forces is not the default forces key");
        }
    }

    @Test
    void latticeIsACellOnlyForPeriodicFrames() throws Exception {
        Path file = tmp.resolve("cells.xyz");
        Files.writeString(file, """
                1
                Lattice="4 0 0 0 5 0 0 0 6" energy=-1
                H 0 0 0
                1
                Lattice="4 0 0 0 5 0 0 0 6" pbc="T T T" energy=-1
                H 0 0 0
                1
                Lattice="4 0 0 0 5 0 0 0 6" pbc="F F F" energy=-1
                H 0 0 0
                """);
        List<MoleculeRecord> all;
        try (Dataset ds = DatasetFiles.open(file)) {
            all = ds.readAll();
        }
        List<Frame> frames = all.get(0).frames();
        assertArrayEquals(new double[] {4, 0, 0, 0, 5, 0, 0, 0, 6}, frames.get(0).structure().cell());
        assertArrayEquals(new double[] {4, 0, 0, 0, 5, 0, 0, 0, 6}, frames.get(1).structure().cell());
        assertNull(frames.get(2).structure().cell());
        Path out = tmp.resolve("cells-copy.xyz");
        DatasetFiles.write(out, all, WriteOptions.defaults());
        try (Dataset ds = DatasetFiles.open(out)) {
            assertEquals(all, ds.readAll());
        }
    }

    @Test
    void consecutiveFramesWithOtherSpeciesStartNewMolecules() throws Exception {
        Path file = tmp.resolve("mixed.xyz");
        String water = "3\nenergy=-1\nO 0 0 0\nH 0 0 1\nH 0 1 0\n";
        String methane = "5\nenergy=-2\nC 0 0 0\nH 0 0 1\nH 0 1 0\nH 1 0 0\nH 1 1 1\n";
        Files.writeString(file, water + water + methane + water + "\n\n");
        try (Dataset ds = DatasetFiles.open(file)) {
            assertEquals(List.of("H2O", "CH4", "H2O_2"), ds.moleculeIds());
            assertEquals(2, ds.molecule("H2O").frames().size());
            assertEquals(1, ds.molecule("H2O_2").frames().size());
        }
    }

    @Test
    void plainXyzCommentIsKeptWholeAndSetsNoMoietyKey() throws Exception {
        // words of a plain-XYZ comment are not bare keys: "molecule" must not make the id "T"
        Path file = tmp.resolve("plain.xyz");
        Files.writeString(file, "3\n water molecule, source: PubChem \nO 0 0 0\nH 0 0 1\nH 0 1 0\n"
                + "3\n\nO 0 0 0\nH 0 0 1.1\nH 0 1 0\n");
        List<MoleculeRecord> read;
        try (Dataset ds = DatasetFiles.open(file)) {
            read = ds.readAll();
        }
        assertEquals(List.of("H2O"), read.stream().map(MoleculeRecord::id).toList());
        MoleculeRecord m = read.get(0);
        assertEquals("plain.xyz", m.source());
        assertEquals(Map.of("comment", "water molecule, source: PubChem"), m.frames().get(0).info());
        assertEquals(Map.of(), m.frames().get(1).info(), "an empty comment line adds nothing");
        Path copy = tmp.resolve("copy.xyz");
        DatasetFiles.write(copy, read, WriteOptions.defaults());
        try (Dataset ds = DatasetFiles.open(copy)) {
            assertEquals(m.frames(), ds.molecule("H2O").frames(), "the comment survives a round trip");
        }
    }

    @Test
    void decimalParserAgreesWithParseDouble() {
        String[] samples = {"0", "-0.0", "1", "0.40162460", "-4209.4657843064815", "1e-5", "1.0E-5", "6.02214076e23",
            "123456789012345678901234", "-.5", "+3.", "1e308", "4.9e-324", "2.2250738585072014E-308", "0.1", "0.30000000000000004",
            "-1.61821698", "9007199254740993", "1.7976931348623157e308", "nan", "-inf"};
        for (String s : samples) {
            assertEquals(Double.parseDouble(s.replace("nan", "NaN").replace("inf", "Infinity")), DecimalParser.parse(s), s);
        }
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 20000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 6);
            String s = (i % 2 == 0) ? Double.toString(v) : String.format(java.util.Locale.ROOT, "%.8f", v);
            assertEquals(Double.parseDouble(s), DecimalParser.parse(s), s);
        }
        for (String bad : new String[] {"", "-", "1.2.3", "abc", "1e", "1x", "e5", "."}) {
            assertThrows(NumberFormatException.class, () -> DecimalParser.parse(bad), bad);
        }
    }
}
