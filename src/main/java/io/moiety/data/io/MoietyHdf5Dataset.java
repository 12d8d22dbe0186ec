package io.moiety.data.io;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.moiety.chem.Element;
import io.moiety.chem.Formula;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Moiety HDF5 file one molecule (group) at a time. Each dataset is read with one call
 * and sliced into frames in Java. Energies must be present: NaN is an error naming the group
 * and dataset. The group {@code isolated_atoms} holds the isolated-atom energies, not a molecule.
 */
final class MoietyHdf5Dataset extends Hdf5Dataset {

    MoietyHdf5Dataset(Path file) {
        super(file);
    }

    @Override
    public List<String> moleculeIds() {
        List<String> ids = new ArrayList<>(super.moleculeIds());
        ids.remove(MoietyHdf5Writer.ISOLATED_ATOMS);
        return ids;
    }

    /** The group {@code isolated_atoms}: shapes, elements, finite energies checked; attributes as provenance. */
    @Override
    public IsolatedAtoms isolatedAtoms() {
        if (!(h5.getChildren().get(MoietyHdf5Writer.ISOLATED_ATOMS) instanceof Group g)) {
            return IsolatedAtoms.none(file.toString());
        }
        String gp = Hdf5Arrays.groupPath(g);
        Dataset zd = arrays.dataset(g, "atomic_numbers");
        int k = arrays.shape(g, zd, -1)[0];
        int[] z = arrays.ints(g, zd);
        Dataset ed = arrays.dataset(g, "energy");
        arrays.shape(g, ed, k);
        double[] e = energies(g, ed, "");
        int[] mult = new int[k];
        if (g.getChildren().get("multiplicity") instanceof Dataset md) {
            arrays.shape(g, md, k);
            mult = arrays.ints(g, md);
        }
        List<IsolatedAtoms.Atom> atoms = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (!Element.isKnown(z[i])) {
                throw DataFileException.inHdf5(file, gp, "atomic_numbers", "unknown atomic number " + z[i] + " (Moiety knows H–Ar, Br, I)");
            }
            try {
                atoms.add(new IsolatedAtoms.Atom(z[i], mult[i], e[i]));
            } catch (IllegalArgumentException ex) {
                throw DataFileException.inHdf5(file, gp, "multiplicity", "entry " + i + ": " + ex.getMessage());
            }
        }
        Map<String, String> provenance = new TreeMap<>();
        for (String key : g.getAttributes().keySet()) {
            provenance.put(key, Hdf5Arrays.string(g, key));
        }
        try {
            return new IsolatedAtoms(atoms, IsolatedAtomFrames.ordered(provenance), file.toString());
        } catch (IllegalArgumentException ex) {
            throw DataFileException.inHdf5(file, gp, "atomic_numbers", ex.getMessage());
        }
    }

    @Override
    protected MoleculeRecord read(String id) {
        Group g = group(id);
        String gp = Hdf5Arrays.groupPath(g);
        FrameArrays a = frameArrays(g, "positions", "energy", "forces");
        int[] z = a.z();
        int n = a.atoms();
        int m = a.frames();
        for (int zi : z) {
            if (!Element.isKnown(zi)) {
                throw DataFileException.inHdf5(file, gp, "atomic_numbers", "unknown atomic number " + zi + " (Moiety knows H–Ar, Br, I)");
            }
        }
        double[] energy = energies(g, a.energy(), " (Moiety HDF5 holds labelled frames only)");
        double[] cell = null;
        Node cn = g.getChildren().get("cell");
        if (cn instanceof Dataset cd) {
            arrays.shape(g, cd, m, 3, 3);
            cell = finite(g, cd, 3, arrays.doubles(g, cd));
        }
        int charge = arrays.intAttribute(g, "charge", 0);
        int mult = arrays.intAttribute(g, "multiplicity", 1);
        float[] pos = floats(g, a.positions());
        float[] frc = floats(g, a.forces());
        requireFinite(g, a.positions(), n, i -> pos[i], pos.length);
        requireFinite(g, a.forces(), n, i -> frc[i], frc.length);
        int stride = 3 * n;
        List<Frame> frames = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            double[] p = new double[stride];
            double[] f = new double[stride];
            int off = i * stride;
            for (int k = 0; k < stride; k++) {
                p[k] = pos[off + k];
                f[k] = frc[off + k];
            }
            double[] c = null;
            if (cell != null) {
                c = new double[9];
                System.arraycopy(cell, 9 * i, c, 0, 9);
            }
            frames.add(new Frame(new Structure(z, p, charge, mult, c), energy[i], f, Map.of()));
        }
        String formula = Hdf5Arrays.string(g, "formula");
        return new MoleculeRecord(id, orEmpty(Hdf5Arrays.string(g, "smiles")),
                formula == null || formula.isEmpty() ? Formula.hill(z) : formula, charge, mult,
                orEmpty(Hdf5Arrays.string(g, "level_of_theory")), orEmpty(Hdf5Arrays.string(g, "source")), frames);
    }

    private float[] floats(Group g, Dataset d) {
        Object flat = d.getDataFlat();
        if (flat instanceof float[] a) {
            return a;
        }
        double[] v = arrays.doubles(g, d);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
