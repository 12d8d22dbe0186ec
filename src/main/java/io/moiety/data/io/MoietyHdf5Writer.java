package io.moiety.data.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.PredictionInfo;
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
 * float64 [M,3,3] Å only for periodic frames, and a committee's {@code energy_std} float64 [M] eV and
 * {@code forces_std} float32 [M,N] eV/Å when the frames carry them ({@link PredictionInfo}). Only
 * labelled frames can be stored. Isolated-atom
 * energies go to the group {@value #ISOLATED_ATOMS}: datasets {@code atomic_numbers} int8 [K],
 * {@code energy} float64 [K] eV, {@code multiplicity} int32 [K] (2S+1; 0 unknown) and one string
 * attribute per provenance entry.
 */
final class MoietyHdf5Writer {
    /** Name of the group holding the isolated-atom energies; no molecule may have it. */
    static final String ISOLATED_ATOMS = "isolated_atoms";

    private MoietyHdf5Writer() {}

    /**
     * Writes to {@code out}; errors about the content name {@code target}, the file the caller
     * will rename {@code out} to.
     */
    static void write(Path out, Path target, Iterable<MoleculeRecord> molecules, IsolatedAtoms isolatedAtoms) {
        try {
            write(out, molecules, isolatedAtoms);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(target + ": " + e.getMessage(), e);
        }
    }

    static void write(Path out, Iterable<MoleculeRecord> molecules, IsolatedAtoms isolatedAtoms) {
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
                if (m.id().equals(ISOLATED_ATOMS)) {
                    throw new IllegalArgumentException("molecule id '" + ISOLATED_ATOMS + "' is reserved for the isolated-atom energies");
                }
                if (!ids.add(m.id())) {
                    throw new IllegalArgumentException("duplicate molecule id '" + m.id() + "'");
                }
                molecule(h5.putGroup(m.id()), m);
            }
            if (!isolatedAtoms.isEmpty()) {
                isolatedAtoms(h5.putGroup(ISOLATED_ATOMS), isolatedAtoms);
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

    private static void isolatedAtoms(WritableGroup g, IsolatedAtoms isolated) {
        List<IsolatedAtoms.Atom> atoms = isolated.atoms();
        byte[] z = new byte[atoms.size()];
        double[] energy = new double[atoms.size()];
        int[] multiplicity = new int[atoms.size()];
        for (int i = 0; i < atoms.size(); i++) {
            z[i] = (byte) atoms.get(i).z();
            energy[i] = atoms.get(i).energy();
            multiplicity[i] = atoms.get(i).multiplicity();
        }
        isolated.provenance().forEach(g::putAttribute);
        g.putDataset("atomic_numbers", z);
        g.putDataset("energy", energy);
        g.putDataset("multiplicity", multiplicity);
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
        committeeSpread(g, m);
    }

    /**
     * A committee's spread ({@link PredictionInfo}) when every frame carries it: {@code energy_std}
     * float64 [M] eV and {@code forces_std} float32 [M,N] eV/Å.
     */
    private static void committeeSpread(WritableGroup g, MoleculeRecord m) {
        List<Frame> frames = m.frames();
        int n = m.atomicNumbers().length;
        if (frames.stream().allMatch(f -> f.info().containsKey(PredictionInfo.ENERGY_STD))) {
            double[] e = new double[frames.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = Double.parseDouble(frames.get(i).info().get(PredictionInfo.ENERGY_STD));
            }
            g.putDataset(PredictionInfo.ENERGY_STD, e);
        }
        if (frames.stream().allMatch(f -> f.info().containsKey(PredictionInfo.FORCES_STD))) {
            float[][] f = new float[frames.size()][n];
            for (int i = 0; i < f.length; i++) {
                double[] v = PredictionInfo.decode(frames.get(i).info().get(PredictionInfo.FORCES_STD), n,
                        PredictionInfo.FORCES_STD);
                for (int a = 0; a < n; a++) {
                    f[i][a] = (float) v[a];
                }
            }
            g.putDataset(PredictionInfo.FORCES_STD, f);
        }
    }
}
