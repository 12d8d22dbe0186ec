package io.moiety.data.io;

import static org.junit.jupiter.api.Assertions.*;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoietyHdf5Test {
    @TempDir Path tmp;

    /** Ethanol frames with values rounded to float32, so the HDF5 round trip must be exact. */
    static List<MoleculeRecord> ethanolAsFloat32(int frames) throws Exception {
        MoleculeRecord m;
        try (Dataset ds = DatasetFiles.open(SharedData.ethanolTrain())) {
            m = ds.molecule("C2H6O");
        }
        List<Frame> out = new ArrayList<>();
        for (Frame f : m.frames().subList(0, frames)) {
            Structure s = f.structure();
            out.add(Frame.of(new Structure(s.atomicNumbers(), toFloat(s.positions()), 0, 1, null), f.energy(), toFloat(f.forces())));
        }
        return List.of(new MoleculeRecord("ethanol", "CCO", "C2H6O", 0, 1, "PBE/def2-SVP", "botnet-ethanol train.xyz", out));
    }

    static double[] toFloat(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (float) v[i];
        }
        return o;
    }

    static List<MoleculeRecord> twoMolecules() throws Exception {
        List<MoleculeRecord> list = new ArrayList<>(ethanolAsFloat32(50));
        Structure water = new Structure(new int[] {8, 1, 1}, new double[] {0, 0, 0, 0, 0, 0.96875, 0.9375, 0, -0.25}, -1, 2,
                new double[] {10, 0, 0, 0, 10, 0, 0, 0, 10});
        list.add(new MoleculeRecord("water anion", "[OH2-]", "H2O", -1, 2, "GFN2-xTB", "", List.of(
                Frame.of(water, -123.456789012345678, new double[] {0.5, 0, 0, 0, 0.25, 0, 0, 0, -0.75}))));
        return list;
    }

    @Test
    void writeThenReadIsIdentical() throws Exception {
        List<MoleculeRecord> original = twoMolecules();
        Path out = tmp.resolve("d.h5");
        DatasetFiles.write(out, original, WriteOptions.defaults());
        assertEquals(Format.MOIETY_HDF5, DatasetFiles.detect(out));
        try (Dataset ds = DatasetFiles.open(out)) {
            assertEquals(List.of("ethanol", "water anion"), ds.moleculeIds());
            assertEquals(original.get(1), ds.molecule("water anion"));
            assertEquals(original.get(0), ds.molecule("ethanol"));
            assertEquals(original, ds.readAll(), "molecules come back in name order");
        }
        try (var dir = Files.list(tmp)) {
            assertEquals(List.of(out), dir.toList(), "no temporary file left behind");
        }
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
                "readable like any other output file, not owner-only like the temporary file");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path out = tmp.resolve("d.h5");
        Files.writeString(out, "precious");
        var e = assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> DatasetFiles.write(out, twoMolecules(), WriteOptions.defaults()));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals("precious", Files.readString(out));
        DatasetFiles.write(out, twoMolecules(), WriteOptions.defaults().overwriting());
        try (Dataset ds = DatasetFiles.open(out)) {
            assertEquals(2, ds.moleculeIds().size());
        }
    }

    @Test
    void failedWriteLeavesNeitherOutputNorTemporaryFile() throws Exception {
        List<MoleculeRecord> good = twoMolecules();
        Iterable<MoleculeRecord> failing = () -> new java.util.Iterator<>() {
            int i;
            @Override public boolean hasNext() { return true; }
            @Override public MoleculeRecord next() {
                if (i < good.size()) {
                    return good.get(i++);
                }
                throw new IllegalStateException("interrupted midway");
            }
        };
        for (String name : List.of("out.h5", "out.xyz")) {
            Path out = tmp.resolve(name);
            assertThrows(IllegalStateException.class, () -> DatasetFiles.write(out, failing, WriteOptions.defaults()));
            assertFalse(Files.exists(out));
        }
        try (var dir = Files.list(tmp)) {
            assertEquals(List.of(), dir.toList());
        }
    }

    @Test
    void moleculesWithoutFramesMakeNoEmptyFile() throws Exception {
        MoleculeRecord empty = new MoleculeRecord("nothing", "O", "H2O", 0, 1, "", "", List.of());
        for (String name : List.of("empty.h5", "empty.xyz")) {
            Path out = tmp.resolve(name);
            var e = assertThrows(DataFileException.class,
                    () -> DatasetFiles.write(out, List.of(empty), WriteOptions.defaults()));
            assertEquals(out + ": nothing to write: no frames (molecule 'nothing' has none); the output would be an "
                    + "empty file", e.getMessage());
            assertFalse(Files.exists(out));
            e = assertThrows(DataFileException.class, () -> DatasetFiles.write(out, List.of(), WriteOptions.defaults()));
            assertEquals(out + ": nothing to write: no molecules; the output would be an empty file", e.getMessage());
            List<MoleculeRecord> some = new ArrayList<>(twoMolecules());
            some.add(1, empty);
            DatasetFiles.write(out, some, WriteOptions.defaults());
            try (Dataset ds = DatasetFiles.open(out)) {
                assertEquals(twoMolecules(), ds.readAll(), "the empty molecule is left out, the others are written");
            }
        }
        try (var dir = Files.list(tmp)) {
            assertEquals(2, dir.count(), "no temporary files left");
        }
    }

    @Test
    void fileWithAUserBlockIsRead() throws Exception {
        Assumptions.assumeTrue(onPath("h5jam"), "hdf5-tools not installed");
        Path plain = tmp.resolve("plain.h5");
        DatasetFiles.write(plain, twoMolecules(), WriteOptions.defaults());
        Path userBlock = tmp.resolve("user-block.txt");
        Files.writeString(userBlock, "a user block written by h5jam\n");
        for (String name : List.of("jammed.h5", "jammed.data")) {
            Path jammed = tmp.resolve(name);
            run("h5jam", "-i", plain.toString(), "-u", userBlock.toString(), "-o", jammed.toString());
            assertEquals("a user block", new String(Files.readAllBytes(jammed), 0, 12, StandardCharsets.US_ASCII));
            assertEquals(Format.MOIETY_HDF5, DatasetFiles.detect(jammed));
            try (Dataset ds = DatasetFiles.open(jammed)) {
                assertEquals(twoMolecules(), ds.readAll());
            }
        }
    }

    @Test
    void debianH5dumpAndH5lsOpenOurFiles() throws Exception {
        Assumptions.assumeTrue(onPath("h5dump") && onPath("h5ls"), "hdf5-tools not installed");
        Path out = tmp.resolve("d.h5");
        DatasetFiles.write(out, twoMolecules(), WriteOptions.defaults());
        String ls = run("h5ls", "-r", out.toString());
        assertTrue(ls.contains("/ethanol/positions") && ls.contains("Dataset {50, 9, 3}"), ls);
        assertTrue(ls.contains("/ethanol/forces") && ls.contains("/ethanol/atomic_numbers") && ls.contains("Dataset {9}"), ls);
        assertTrue(ls.contains("/water\\ anion/cell") || ls.contains("/water anion/cell"), ls);
        String types = run("h5dump", "-H", out.toString());
        assertTrue(types.contains("H5T_STD_I8LE"), "atomic_numbers int8");
        assertTrue(types.contains("H5T_IEEE_F32LE") && types.contains("H5T_IEEE_F64LE"), types);
        String energy = run("h5dump", "-m", "%.10f", "-d", "/ethanol/energy", out.toString());
        assertTrue(energy.contains("(0): -4209.4657843065"), energy);
        String dump = run("h5dump", "-d", "/ethanol/atomic_numbers", "-a", "/ethanol/smiles", out.toString());
        assertTrue(dump.contains("6, 6, 8, 1, 1, 1, 1, 1, 1"), dump);
        assertTrue(dump.contains("\"CCO\""), dump);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    @Test
    void nanPositionAndInfiniteForceAreErrorsNamingGroupDatasetFrameAndAtom() throws Exception {
        float[][][] pos = new float[2][3][3];
        pos[1][2][0] = Float.NaN;
        Path p = handMade(pos, new float[2][3][3], -1);
        try (Dataset ds = DatasetFiles.open(p)) {
            var e = assertThrows(DataFileException.class, () -> ds.molecule("mol"));
            assertEquals(p + ": /mol/positions: frame 1 atom 2 component x is NaN (values must be finite)", e.getMessage());
        }
        float[][][] forces = new float[2][3][3];
        forces[0][1][2] = Float.NEGATIVE_INFINITY;
        p = handMade(new float[2][3][3], forces, -1);
        try (Dataset ds = DatasetFiles.open(p)) {
            var e = assertThrows(DataFileException.class, () -> ds.molecule("mol"));
            assertEquals(p + ": /mol/forces: frame 0 atom 1 component z is -Infinity (values must be finite)", e.getMessage());
        }
        p = handMade(new float[2][3][3], new float[2][3][3], Double.POSITIVE_INFINITY);
        try (Dataset ds = DatasetFiles.open(p)) {
            var e = assertThrows(DataFileException.class, () -> ds.molecule("mol"));
            assertTrue(e.getMessage().startsWith(p + ": /mol/energy: frame 0 has energy Infinity"), e.getMessage());
        }
    }

    @Test
    void moleculeOrderSurvivesHdf5WithMoreThanNineGroupsOfOneFormula() throws Exception {
        List<MoleculeRecord> mols = new ArrayList<>();
        for (int k = 1; k <= 12; k++) {
            Structure s = Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 0, 0, 0.5 + k / 64.0});
            mols.add(new MoleculeRecord(k == 1 ? "H2" : "H2_" + k, "[H][H]", "H2", 0, 1, "", "",
                    List.of(Frame.of(s, -k, new double[6]))));
        }
        Path p = tmp.resolve("many.h5");
        DatasetFiles.write(p, mols, WriteOptions.defaults());
        try (Dataset ds = DatasetFiles.open(p)) {
            assertEquals(mols.stream().map(MoleculeRecord::id).toList(), ds.moleculeIds());
        }
        assertTrue(Hdf5Dataset.naturalOrder("a9", "a10") < 0);
        assertTrue(Hdf5Dataset.naturalOrder("b", "a10") > 0);
        assertEquals(0, Hdf5Dataset.naturalOrder("x_01", "x_01"));
        assertNotEquals(0, Hdf5Dataset.naturalOrder("x_01", "x_1"));
    }

    private Path handMade(float[][][] positions, float[][][] forces, double energy0) {
        Path p = tmp.resolve("hand-" + System.nanoTime() + ".h5");
        WritableHdfFile h5 = HdfFile.write(p);
        WritableGroup g = h5.putGroup("mol");
        g.putDataset("atomic_numbers", new byte[] {8, 1, 1});
        g.putDataset("positions", positions);
        g.putDataset("energy", new double[] {energy0, -1.0});
        g.putDataset("forces", forces);
        h5.close();
        return p;
    }

    /** A hand-made Moiety group whose content the test controls. */
    private Path handMade(boolean withForces, double energy0, int forcesAtoms) {
        Path p = tmp.resolve("hand.h5");
        WritableHdfFile h5 = HdfFile.write(p);
        WritableGroup g = h5.putGroup("mol");
        g.putAttribute("smiles", "O");
        g.putDataset("atomic_numbers", new byte[] {8, 1, 1});
        g.putDataset("positions", new float[2][3][3]);
        g.putDataset("energy", new double[] {energy0, -1.0});
        if (withForces) {
            g.putDataset("forces", new float[2][forcesAtoms][3]);
        }
        h5.close();
        return p;
    }

    @Test
    void missingDatasetNamesGroupAndDataset() throws Exception {
        Path p = handMade(false, -1, 3);
        try (Dataset ds = DatasetFiles.open(p)) {
            var e = assertThrows(DataFileException.class, () -> ds.molecule("mol"));
            assertTrue(e.getMessage().contains("/mol/forces") && e.getMessage().contains("missing dataset"), e.getMessage());
        }
    }

    @Test
    void mismatchedShapeNamesGroupAndDataset() throws Exception {
        Path p = handMade(true, -1, 4);
        try (Dataset ds = DatasetFiles.open(p)) {
            var e = assertThrows(DataFileException.class, () -> ds.molecule("mol"));
            assertTrue(e.getMessage().contains("/mol/forces") && e.getMessage().contains("[2, 4, 3]"), e.getMessage());
        }
    }

    @Test
    void nanEnergyIsAnErrorNamingGroupAndDataset() throws Exception {
        Path p = handMade(true, Double.NaN, 3);
        try (Dataset ds = DatasetFiles.open(p)) {
            var e = assertThrows(DataFileException.class, () -> ds.molecule("mol"));
            assertTrue(e.getMessage().contains("/mol/energy") && e.getMessage().contains("NaN"), e.getMessage());
        }
    }

    @Test
    void unlabelledFramesCannotBeWritten() {
        Structure s = Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 0, 0, 0.7});
        var m = new MoleculeRecord("H2", "[H][H]", "H2", 0, 1, "", "", List.of(new Frame(s, Double.NaN, null, Map.of())));
        var e = assertThrows(IllegalArgumentException.class,
                () -> DatasetFiles.write(tmp.resolve("x.h5"), List.of(m), WriteOptions.defaults()));
        assertTrue(e.getMessage().contains("'H2'") && e.getMessage().contains("no energy"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x.h5")));
    }
}
