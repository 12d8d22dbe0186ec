package io.moiety.data.io;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.moiety.chem.Formula;
import io.moiety.chem.Structure;
import io.moiety.chem.Units;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the SPICE HDF5 release (read only): one group per molecule with {@code atomic_numbers}
 * [N], {@code conformations} [M,N,3] bohr, {@code dft_total_energy} [M] Hartree,
 * {@code dft_total_gradient} [M,N,3] Hartree/bohr (forces = −gradient) and {@code smiles}
 * (dataset or attribute). The total charge is the sum of {@code formal_charges} when present.
 */
final class SpiceDataset extends Hdf5Dataset {

    SpiceDataset(Path file) {
        super(file);
    }

    @Override
    protected MoleculeRecord read(String id) {
        Group g = group(id);
        FrameArrays a = frameArrays(g, "conformations", "dft_total_energy", "dft_total_gradient");
        int[] z = a.z();
        int n = a.atoms();
        int m = a.frames();
        double[] e = energies(g, a.energy(), "");
        double[] xyz = finite(g, a.positions(), n, arrays.doubles(g, a.positions()));
        double[] grad = finite(g, a.forces(), n, arrays.doubles(g, a.forces()));
        int charge = 0;
        Node fc = g.getChildren().get("formal_charges");
        if (fc instanceof Dataset fcd) {
            for (int q : arrays.ints(g, fcd)) {
                charge += q;
            }
        }
        int stride = 3 * n;
        List<Frame> frames = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            double[] p = new double[stride];
            double[] f = new double[stride];
            for (int k = 0; k < stride; k++) {
                p[k] = xyz[i * stride + k] * Units.BOHR_ANGSTROM;
                f[k] = -grad[i * stride + k] * Units.HARTREE_PER_BOHR_EV_PER_ANGSTROM;
            }
            frames.add(Frame.of(new Structure(z, p, charge, 1, null), e[i] * Units.HARTREE_EV, f));
        }
        return new MoleculeRecord(id, orEmpty(Hdf5Arrays.string(g, "smiles")), Formula.hill(z), charge, 1,
                "ωB97M-D3(BJ)/def2-TZVPPD", "SPICE " + file.getFileName(), frames);
    }
}
