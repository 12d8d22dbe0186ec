package io.moiety.data.io;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with ASE (Debian's python3-ase, which .ci/run installs): ASE reads Moiety's
 * extended XYZ with the same energies and forces, and Moiety reads an ASE-written file with cell,
 * pbc, stress and extra per-atom arrays. Skipped, saying why, where no python3 imports ase.
 */
class AseInteropTest {
    @TempDir Path tmp;

    private static String python;

    @BeforeAll
    static void findPythonWithAse() {
        // Debian's interpreter first: a python3 earlier on PATH (pyenv, venv) may lack the Debian package
        for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import ase, numpy").redirectErrorStream(true).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    python = candidate;
                    break;
                }
            } catch (Exception notThere) {
                // try the next one
            }
        }
        assumeTrue(python != null, "no python3 with ase and numpy (Debian: apt-get install python3-ase; CI installs it)");
    }

    private String runPython(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(python, "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Two molecules of random frames with energies and forces of all magnitudes. */
    private static List<MoleculeRecord> molecules() {
        SplittableRandom rng = new SplittableRandom(17);
        List<MoleculeRecord> out = new ArrayList<>();
        int[][] species = {{6, 6, 8, 1, 1, 1, 1, 1, 1}, {8, 1, 1}};
        for (int m = 0; m < species.length; m++) {
            List<Frame> frames = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                int n = species[m].length;
                double[] x = new double[3 * n];
                double[] f = new double[3 * n];
                for (int i = 0; i < 3 * n; i++) {
                    x[i] = 3 * rng.nextDouble() - 1.5;
                    f[i] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-6, 3));
                }
                frames.add(Frame.of(Structure.molecule(species[m], x), -1000 * (m + 1) - rng.nextDouble(), f));
            }
            out.add(new MoleculeRecord(m == 0 ? "ethanol" : "water", m == 0 ? "CCO" : "O", m == 0 ? "C2H6O" : "H2O",
                    0, 1, "test", "random", frames));
        }
        return out;
    }

    @Test
    void aseReadsMoietyEnergiesAndForcesExactly() throws Exception {
        List<MoleculeRecord> mols = molecules();
        Path file = tmp.resolve("moiety.xyz");
        DatasetFiles.write(file, mols, WriteOptions.defaults());
        String out = runPython("""
                import sys
                from ase.io import read
                for a in read(sys.argv[1], index=':'):
                    e = a.get_potential_energy()
                    f = a.get_forces()
                    print(repr(float(e)), ' '.join(repr(float(v)) for v in f.ravel()), a.get_chemical_formula(mode='hill'))
                """, file.toString());
        List<String> lines = out.strip().lines().toList();
        int row = 0;
        for (MoleculeRecord m : mols) {
            for (Frame f : m.frames()) {
                String[] t = lines.get(row++).split(" ");
                assertEquals(f.energy(), Double.parseDouble(t[0]), 0.0, "energy of " + m.id());
                for (int i = 0; i < f.forces().length; i++) {
                    assertEquals(f.forces()[i], Double.parseDouble(t[1 + i]), 0.0, m.id() + " force component " + i);
                }
                assertEquals(m.formula(), t[t.length - 1]);
            }
        }
        assertEquals(6, lines.size(), out);
    }

    @Test
    void moietyReadsAnAseFileWithCellPbcStressAndExtraArrays() throws Exception {
        Path file = tmp.resolve("ase.xyz");
        runPython("""
                import sys
                import numpy as np
                from ase import Atoms
                from ase.calculators.singlepoint import SinglePointCalculator
                from ase.io import write
                frames = []
                for k in range(2):
                    a = Atoms('CO2', positions=[[0, 0, 0], [1.16, 0, 0], [-1.16, 0.1 * k, 0]],
                              cell=[[10, 0, 0], [0, 11, 0], [0.5, 0, 12]], pbc=True)
                    a.arrays['charges'] = np.array([0.7, -0.35, -0.35])
                    a.arrays['tags2'] = np.array([1, 2, 3])
                    a.info['config_type'] = 'co2 test'
                    a.calc = SinglePointCalculator(a, energy=-22.5 - k, forces=[[0.1, 0, 0], [-0.05, 0.25, 0], [-0.05, -0.25, 1e-7]],
                                                   stress=[0.01, 0.02, 0.03, 0.004, 0.005, 0.006])
                    frames.append(a)
                write(sys.argv[1], frames, format='extxyz')
                """, file.toString());
        List<MoleculeRecord> read;
        try (Dataset d = DatasetFiles.open(file)) {
            read = d.readAll();
        }
        assertEquals(1, read.size());
        List<Frame> frames = read.get(0).frames();
        assertEquals(2, frames.size());
        for (int k = 0; k < 2; k++) {
            Frame f = frames.get(k);
            assertEquals(-22.5 - k, f.energy(), 0.0);
            assertArrayEquals(new int[] {6, 8, 8}, f.structure().atomicNumbers());
            assertArrayEquals(new double[] {0, 0, 0, 1.16, 0, 0, -1.16, 0.1 * k, 0}, f.structure().positions(), 1e-12);
            assertArrayEquals(new double[] {0.1, 0, 0, -0.05, 0.25, 0, -0.05, -0.25, 1e-7}, f.forces(), 1e-12);
            assertArrayEquals(new double[] {10, 0, 0, 0, 11, 0, 0.5, 0, 12}, f.structure().cell(), 0.0);
            Map<String, String> info = f.info();
            assertEquals("co2 test", info.get("config_type"));
            String[] stress = info.get("stress").trim().split("\\s+");
            assertEquals(9, stress.length, info.get("stress"));
            assertEquals(0.01, Double.parseDouble(stress[0]), 1e-15);
            assertEquals(0.006, Double.parseDouble(stress[1]), 1e-15, "Voigt xy is the second of the 3×3 matrix");
        }
    }
}
