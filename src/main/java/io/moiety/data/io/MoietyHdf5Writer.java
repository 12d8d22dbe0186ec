package io.moiety.data.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the Moiety HDF5 layout: one group per molecule with attributes {@code smiles},
 * {@code formula}, {@code charge}, {@code multiplicity}, {@code level_of_theory}, {@code source}
 * and datasets {@code atomic_numbers} int8 [N], {@code positions} float32 [M,N,3] Å,
 * {@code energy} float64 [M] eV, {@code forces} float32 [M,N,3] eV/Å, plus {@code cell}
 * float64 [M,3,3] Å only for periodic frames. Only labelled frames can be stored.
 */
final class MoietyHdf5Writer {
    private MoietyHdf5Writer() {}

    /**
     * Writes to {@code out}; errors about the content name {@code target}, the file the caller
     * will rename {@code out} to.
     */
    static void write(Path out, Path target, Iterable<MoleculeRecord> molecules) {
        try {
            write(out, molecules);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(target + ": " + e.getMessage(), e);
        }
    }

    static void write(Path out, Iterable<MoleculeRecord> molecules) {
        WritableHdfFile h5 = HdfFile.write(out);
        boolean ok = false;
        try {
            Set<String> ids = new HashSet<>();
            for (MoleculeRecord m : molecules) {
                if (m.frames().isEmpty()) {
                    continue; // DatasetFiles warns
                }
                if (m.id().contains("/") || m.id().equals(".")) {
                    throw new IllegalArgumentException("molecule id '" + m.id() + "' cannot be an HDF5 group name (contains '/')");
                }
                if (!ids.add(m.id())) {
                    throw new IllegalArgumentException("duplicate molecule id '" + m.id() + "'");
                }
                molecule(h5.putGroup(m.id()), m);
            }
            ok = true;
        } finally {
            if (ok) {
                h5.close();
            } else {
                try {
                    h5.close();
                } catch (RuntimeException ignored) {
                    // the temporary file is deleted by the caller
                }
            }
        }
    }

    private static void molecule(WritableGroup g, MoleculeRecord m) {
        List<Frame> frames = m.frames();
        int[] z = m.atomicNumbers();
        int n = z.length;
        int mCount = frames.size();
        byte[] z8 = new byte[n];
        for (int a = 0; a < n; a++) {
            z8[a] = (byte) z[a];
        }
        float[][][] positions = new float[mCount][n][3];
        float[][][] forces = new float[mCount][n][3];
        double[] energy = new double[mCount];
        boolean periodic = frames.get(0).structure().periodic();
        double[][][] cell = periodic ? new double[mCount][3][3] : null;
        for (int i = 0; i < mCount; i++) {
            Frame f = frames.get(i);
            String where = "molecule '" + m.id() + "' frame " + i + ": ";
            if (!Arrays.equals(f.structure().atomicNumbers(), z)) {
                throw new IllegalArgumentException(where + "atoms differ from frame 0");
            }
            if (!f.hasEnergy()) {
                throw new IllegalArgumentException(where + "no energy; Moiety HDF5 stores labelled frames only (write extended XYZ, .xyz, to keep unlabelled frames)");
            }
            if (!f.hasForces()) {
                throw new IllegalArgumentException(where + "no forces; Moiety HDF5 stores labelled frames only (write extended XYZ, .xyz, to keep unlabelled frames)");
            }
            if (f.structure().periodic() != periodic) {
                throw new IllegalArgumentException(where + "mixes periodic and non-periodic frames");
            }
            if (f.structure().charge() != m.charge() || f.structure().multiplicity() != m.multiplicity()) {
                throw new IllegalArgumentException(where + "charge/multiplicity differ from the molecule's");
            }
            energy[i] = f.energy();
            double[] p = f.structure().positions();
            double[] fr = f.forces();
            for (int a = 0; a < n; a++) {
                float[] pa = positions[i][a];
                float[] fa = forces[i][a];
                for (int k = 0; k < 3; k++) {
                    pa[k] = (float) p[3 * a + k];
                    fa[k] = (float) fr[3 * a + k];
                }
            }
            if (periodic) {
                double[] c = f.structure().cell();
                for (int r = 0; r < 3; r++) {
                    System.arraycopy(c, 3 * r, cell[i][r], 0, 3);
                }
            }
        }
        g.putAttribute("smiles", m.smiles());
        g.putAttribute("formula", m.formula() == null ? "" : m.formula());
        g.putAttribute("charge", m.charge());
        g.putAttribute("multiplicity", m.multiplicity());
        g.putAttribute("level_of_theory", m.levelOfTheory());
        g.putAttribute("source", m.source());
        g.putDataset("atomic_numbers", z8);
        g.putDataset("positions", positions);
        g.putDataset("energy", energy);
        g.putDataset("forces", forces);
        if (periodic) {
            g.putDataset("cell", cell);
        }
    }
}
