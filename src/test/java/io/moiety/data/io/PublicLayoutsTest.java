package io.moiety.data.io;

import static org.junit.jupiter.api.Assertions.*;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.moiety.chem.Units;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ANI-1x, SPICE and QM7-X layouts, each written here with jhdf the way the public releases store them. */
class PublicLayoutsTest {
    @TempDir Path tmp;

    @Test
    void formatsDocStatesTheConversionConstantsTheReadersUse() throws Exception {
        String doc = Files.readString(Path.of("docs", "formats.md"));
        Matcher spice = Pattern.compile("\\| SPICE .*x × ([0-9.]+); E × ([0-9.]+); F = −gradient × ([0-9.]+)").matcher(doc);
        assertTrue(spice.find(), "SPICE row of docs/formats.md");
        assertEquals(Units.BOHR_ANGSTROM, Double.parseDouble(spice.group(1)), 0.0);
        assertEquals(Units.HARTREE_EV, Double.parseDouble(spice.group(2)), 0.0);
        assertEquals(Units.HARTREE_PER_BOHR_EV_PER_ANGSTROM, Double.parseDouble(spice.group(3)), 1e-13);
    }

    @Test
    void ani1xConvertsHartreeAndSkipsNaNFrames() throws Exception {
        Path p = tmp.resolve("ani1x-release.h5");
        WritableHdfFile h5 = HdfFile.write(p);
        WritableGroup g = h5.putGroup("C1H4");
        g.putDataset("atomic_numbers", new byte[] {6, 1, 1, 1, 1});
        float[][][] xyz = new float[3][5][3];
        float[][][] f = new float[3][5][3];
        for (int i = 0; i < 3; i++) {
            for (int a = 0; a < 5; a++) {
                xyz[i][a] = new float[] {a * 0.5f, i * 0.25f, 1.0f};
                f[i][a] = new float[] {0.01f * a, -0.02f, 0.5f};
            }
        }
        f[2][3][1] = Float.NaN;
        g.putDataset("coordinates", xyz);
        g.putDataset("wb97x_dz.energy", new double[] {-40.5, Double.NaN, -40.25});
        g.putDataset("wb97x_dz.forces", f);
        g.putDataset("ccsd(t)_cbs.energy", new double[] {Double.NaN, Double.NaN, Double.NaN});
        WritableGroup w = h5.putGroup("H2O1");
        w.putDataset("atomic_numbers", new byte[] {8, 1, 1});
        w.putDataset("coordinates", new float[1][3][3]);
        w.putDataset("wb97x_dz.energy", new double[] {-76.0});
        w.putDataset("wb97x_dz.forces", new float[1][3][3]);
        h5.close();

        assertEquals(Format.ANI1X, DatasetFiles.detect(p));
        try (Dataset ds = DatasetFiles.open(p)) {
            assertEquals(List.of("C1H4", "H2O1"), ds.moleculeIds());
            MoleculeRecord m = ds.molecule("C1H4");
            assertEquals("CH4", m.formula());
            assertEquals(1, m.frames().size(), "frame 1 (NaN energy) and frame 2 (NaN force) are skipped");
            Frame f0 = m.frames().get(0);
            assertEquals(-40.5 * Units.HARTREE_EV, f0.energy(), 1e-9);
            assertEquals(1.5, f0.structure().positions()[9], 0.0);
            assertEquals(0.01f * 3 * Units.HARTREE_EV, f0.forces()[9], 1e-6);
            assertEquals(-0.02f * Units.HARTREE_EV, f0.forces()[1], 1e-6);
            assertEquals(2, ((SkippedFrames) ds).skippedFrames());
            assertEquals(-76.0 * Units.HARTREE_EV, ds.molecule("H2O1").frames().get(0).energy(), 1e-9);
        }
    }

    @Test
    void spiceConvertsBohrHartreeAndNegatesGradient() throws Exception {
        Path p = tmp.resolve("SPICE-2.0.1.hdf5");
        WritableHdfFile h5 = HdfFile.write(p);
        WritableGroup g = h5.putGroup("[NH4+]");
        g.putDataset("atomic_numbers", new short[] {7, 1, 1, 1, 1});
        float[][][] conf = new float[2][5][3];
        float[][][] grad = new float[2][5][3];
        for (int i = 0; i < 2; i++) {
            for (int a = 0; a < 5; a++) {
                conf[i][a] = new float[] {a, 2 * a, i};
                grad[i][a] = new float[] {0.125f, -0.25f * a, 0};
            }
        }
        g.putDataset("conformations", conf);
        g.putDataset("dft_total_energy", new double[] {-57.125, -57.0});
        g.putDataset("dft_total_gradient", grad);
        g.putDataset("formation_energy", new double[] {-0.5, -0.4});
        g.putDataset("formal_charges", new short[] {1, 0, 0, 0, 0});
        g.putDataset("smiles", new String[] {"[H][N+]([H])([H])[H]"});
        g.putDataset("subset", new String[] {"SPICE PubChem Set 1"});
        h5.close();

        assertEquals(Format.SPICE, DatasetFiles.detect(p));
        try (Dataset ds = DatasetFiles.open(p)) {
            MoleculeRecord m = ds.molecule("[NH4+]");
            assertEquals("[H][N+]([H])([H])[H]", m.smiles());
            assertEquals("H4N", m.formula());
            assertEquals(1, m.charge());
            assertEquals(2, m.frames().size());
            Frame f1 = m.frames().get(1);
            assertEquals(-57.0 * Units.HARTREE_EV, f1.energy(), 1e-9);
            assertEquals(2 * 3 * Units.BOHR_ANGSTROM, f1.structure().positions()[3 * 3 + 1], 1e-9);
            assertEquals(1 * Units.BOHR_ANGSTROM, f1.structure().positions()[2], 1e-9);
            assertEquals(-0.125 * Units.HARTREE_PER_BOHR_EV_PER_ANGSTROM, f1.forces()[0], 1e-9);
            assertEquals(0.25 * 2 * Units.HARTREE_PER_BOHR_EV_PER_ANGSTROM, f1.forces()[3 * 2 + 1], 1e-9);
            assertEquals(1, f1.structure().charge());
        }
    }

    @Test
    void qm7xReadsConformerSubgroupsInEvAndAngstrom() throws Exception {
        Path p = tmp.resolve("1000.hdf5");
        WritableHdfFile h5 = HdfFile.write(p);
        WritableGroup mol = h5.putGroup("1");
        for (String conf : List.of("Geom-m1-i1-c1-opt", "Geom-m1-i1-c1-d1", "Geom-m1-i2-c1-opt")) {
            WritableGroup c = mol.putGroup(conf);
            double shift = conf.endsWith("d1") ? 0.1 : 0;
            c.putDataset("atNUM", new long[] {6, 1, 1, 1, 1});
            c.putDataset("atXYZ", new double[][] {{0, 0, shift}, {0.63, 0.63, 0.63}, {-0.63, -0.63, 0.63}, {-0.63, 0.63, -0.63}, {0.63, -0.63, -0.63}});
            c.putDataset("ePBE0+MBD", new double[] {-1101.5 - shift});
            c.putDataset("totFOR", new double[][] {{0, 0, -shift}, {0.1, 0, 0}, {0, 0, 0}, {0, 0, 0}, {-0.1, 0, 0}});
            c.putDataset("eAT", new double[] {-17.0});
        }
        h5.close();

        assertEquals(Format.QM7X, DatasetFiles.detect(p));
        try (Dataset ds = DatasetFiles.open(p)) {
            assertEquals(List.of("Geom-m1-i1", "Geom-m1-i2"), ds.moleculeIds());
            MoleculeRecord m = ds.molecule("Geom-m1-i1");
            assertEquals(2, m.frames().size());
            assertEquals("CH4", m.formula());
            Frame d1 = m.frames().stream().filter(f -> f.info().get("conformer").endsWith("d1")).findFirst().orElseThrow();
            assertEquals(-1101.6, d1.energy(), 1e-12);
            assertEquals(0.1, d1.structure().positions()[2], 0.0);
            assertEquals(-0.1, d1.forces()[2], 0.0);
            assertEquals(-0.63, d1.structure().positions()[3 * 2], 0.0);
            assertEquals(1, ds.molecule("Geom-m1-i2").frames().size());
        }
    }

    @Test
    void spiceSmilesMayBeAnAttribute() throws Exception {
        Path p = tmp.resolve("spice-attr.hdf5");
        WritableHdfFile h5 = HdfFile.write(p);
        WritableGroup g = h5.putGroup("water");
        g.putAttribute("smiles", "[H]O[H]");
        g.putDataset("atomic_numbers", new short[] {8, 1, 1});
        g.putDataset("conformations", new float[1][3][3]);
        g.putDataset("dft_total_energy", new double[] {-76});
        g.putDataset("dft_total_gradient", new float[1][3][3]);
        h5.close();
        try (Dataset ds = DatasetFiles.open(p)) {
            MoleculeRecord m = ds.molecule("water");
            assertEquals("[H]O[H]", m.smiles());
            assertEquals(0, m.charge());
            assertEquals(-76 * Units.HARTREE_EV, m.frames().get(0).energy(), 1e-9);
        }
    }

    @Test
    void missingPublicDatasetNamesGroupAndDataset() throws Exception {
        Path p = tmp.resolve("broken-spice.hdf5");
        WritableHdfFile h5 = HdfFile.write(p);
        WritableGroup g = h5.putGroup("water");
        g.putDataset("atomic_numbers", new short[] {8, 1, 1});
        g.putDataset("conformations", new float[1][3][3]);
        g.putDataset("dft_total_energy", new double[] {-76});
        h5.close();
        try (Dataset ds = DatasetFiles.open(p)) {
            var e = assertThrows(DataFileException.class, () -> ds.molecule("water"));
            assertEquals(p + ": /water/dft_total_gradient: missing dataset", e.getMessage());
        }
    }
}
