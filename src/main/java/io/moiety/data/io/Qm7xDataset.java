package io.moiety.data.io;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.moiety.chem.Formula;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the QM7-X HDF5 files (read only): groups per molecule holding one sub-group per conformer
 * ({@code Geom-m<mol>-i<isomer>-c<conf>-...}) with {@code atNUM} [N], {@code atXYZ} [N,3] Å,
 * {@code ePBE0+MBD} [1] eV and {@code totFOR} [N,3] eV/Å. Each isomer ({@code Geom-m1-i1}) becomes
 * one molecule record; conformers whose names do not follow the pattern form their own record.
 */
final class Qm7xDataset extends Hdf5Dataset {
    private static final Pattern ISOMER = Pattern.compile("^(Geom-m\\d+-i\\d+)-.*");
    /** Molecule id → (top-level group, conformer group names). */
    private Map<String, Map.Entry<String, List<String>>> index;

    Qm7xDataset(Path file) {
        super(file);
    }

    private Map<String, Map.Entry<String, List<String>>> index() {
        if (index == null) {
            index = new LinkedHashMap<>();
            for (Node top : h5) {
                if (!(top instanceof Group g)) {
                    continue;
                }
                for (Node c : g) {
                    if (c instanceof Group) {
                        Matcher mm = ISOMER.matcher(c.getName());
                        String id = mm.matches() ? mm.group(1) : g.getName() + "_" + c.getName();
                        index.computeIfAbsent(id, k -> Map.entry(g.getName(), new ArrayList<>())).getValue().add(c.getName());
                    }
                }
            }
        }
        return index;
    }

    @Override
    public List<String> moleculeIds() {
        return List.copyOf(index().keySet());
    }

    @Override
    protected MoleculeRecord read(String id) {
        Map.Entry<String, List<String>> where = index().get(id);
        if (where == null) {
            throw new IllegalArgumentException("no molecule '" + id + "' in " + file);
        }
        Group top = group(where.getKey());
        int[] z = null;
        List<Frame> frames = new ArrayList<>();
        for (String conf : where.getValue()) {
            Group g = (Group) top.getChild(conf);
            String gp = Hdf5Arrays.groupPath(g);
            Dataset zd = arrays.dataset(g, "atNUM");
            int n = arrays.shape(g, zd, -1)[0];
            int[] zc = arrays.ints(g, zd);
            if (z == null) {
                z = zc;
            } else if (!Arrays.equals(z, zc)) {
                throw DataFileException.inHdf5(file, gp, "atNUM", "atoms differ from the first conformer of " + id);
            }
            Dataset xd = arrays.dataset(g, "atXYZ");
            arrays.shape(g, xd, n, 3);
            Dataset ed = arrays.dataset(g, "ePBE0+MBD");
            double[] e = arrays.doubles(g, ed);
            if (e.length != 1) {
                throw DataFileException.inHdf5(file, gp, "ePBE0+MBD", "expected one energy, found " + e.length);
            }
            if (!Double.isFinite(e[0])) {
                throw DataFileException.inHdf5(file, gp, "ePBE0+MBD", "energy is " + e[0]);
            }
            Dataset fd = arrays.dataset(g, "totFOR");
            arrays.shape(g, fd, n, 3);
            frames.add(new Frame(Structure.molecule(z, finite(g, xd, n, arrays.doubles(g, xd))), e[0],
                    finite(g, fd, n, arrays.doubles(g, fd)), Map.of("conformer", conf)));
        }
        return new MoleculeRecord(id, "", z == null ? "" : Formula.hill(z), 0, 1, "PBE0+MBD",
                "QM7-X " + file.getFileName(), frames);
    }
}
