package io.moiety.data.io;

import io.jhdf.api.Group;
import io.moiety.chem.Formula;
import io.moiety.chem.Structure;
import io.moiety.chem.Units;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ANI-1x HDF5 release (read only): one group per formula with {@code atomic_numbers} [N],
 * {@code coordinates} [M,N,3] Å, {@code wb97x_dz.energy} [M] Hartree and {@code wb97x_dz.forces}
 * [M,N,3] Hartree/Å. NaN marks a missing label: such frames are skipped with a warning and counted.
 */
final class Ani1xDataset extends Hdf5Dataset implements SkippedFrames {
    private static final Logger LOG = LoggerFactory.getLogger(Ani1xDataset.class);
    static final String ENERGY = "wb97x_dz.energy";
    static final String FORCES = "wb97x_dz.forces";
    private long skipped;

    Ani1xDataset(Path file) {
        super(file);
    }

    @Override
    public long skippedFrames() {
        return skipped;
    }

    @Override
    protected MoleculeRecord read(String id) {
        Group g = group(id);
        FrameArrays a = frameArrays(g, "coordinates", ENERGY, FORCES);
        int[] z = a.z();
        int n = a.atoms();
        int m = a.frames();
        double[] xyz = finite(g, a.positions(), n, arrays.doubles(g, a.positions()));
        double[] e = arrays.doubles(g, a.energy());
        double[] f = arrays.doubles(g, a.forces());
        // NaN marks a missing label (the frame is skipped); an infinity is an error
        requireFinite(g, a.forces(), n, i -> Double.isNaN(f[i]) ? 0 : f[i], f.length);
        int stride = 3 * n;
        List<Frame> frames = new ArrayList<>(m);
        int dropped = 0;
        for (int i = 0; i < m; i++) {
            double[] p = new double[stride];
            double[] fr = new double[stride];
            boolean missing = Double.isNaN(e[i]);
            if (Double.isInfinite(e[i])) {
                throw DataFileException.inHdf5(file, Hdf5Arrays.groupPath(g), ENERGY, "frame " + i + " has energy " + e[i]);
            }
            for (int k = 0; k < stride; k++) {
                p[k] = xyz[i * stride + k];
                fr[k] = f[i * stride + k] * Units.HARTREE_EV;
                missing |= Double.isNaN(fr[k]);
            }
            if (missing) {
                dropped++;
                continue;
            }
            frames.add(Frame.of(Structure.molecule(z, p), e[i] * Units.HARTREE_EV, fr));
        }
        if (dropped > 0) {
            skipped += dropped;
            LOG.warn("{}: /{}: skipped {} of {} frames with NaN in {} or {}", file, id, dropped, m, ENERGY, FORCES);
        }
        return new MoleculeRecord(id, "", Formula.hill(z), 0, 1, "wB97x/6-31G(d)", "ANI-1x " + file.getFileName(), frames);
    }
}
