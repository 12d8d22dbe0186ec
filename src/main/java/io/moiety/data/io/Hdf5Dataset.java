package io.moiety.data.io;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.moiety.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the HDF5 readers: keeps the file open and lists the top-level groups as molecule ids
 * (in name order, as h5ls and h5py list them; HDF5 does not keep creation order here) without
 * reading any data.
 */
abstract class Hdf5Dataset implements Dataset {
    protected final Path file;
    protected final HdfFile h5;
    protected final Hdf5Arrays arrays;

    protected Hdf5Dataset(Path file) {
        this.file = file;
        try {
            this.h5 = new HdfFile(file);
        } catch (HdfException e) {
            throw DataFileException.inFile(file, "cannot open as HDF5: " + e.getMessage());
        }
        this.arrays = new Hdf5Arrays(file);
    }

    @Override
    public List<String> moleculeIds() {
        List<String> ids = new ArrayList<>();
        for (Node n : h5) {
            if (n instanceof Group) {
                ids.add(n.getName());
            }
        }
        ids.sort(null);
        return ids;
    }

    /** The top-level group {@code id}. */
    protected Group group(String id) {
        Node n = h5.getChildren().get(id);
        if (!(n instanceof Group g)) {
            throw new IllegalArgumentException("no molecule '" + id + "' in " + file);
        }
        return g;
    }

    protected static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        h5.close();
    }
}
