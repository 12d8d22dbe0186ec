package io.moiety.data.io;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.moiety.data.MoleculeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Base of the HDF5 readers: keeps the file open and lists the top-level groups as molecule ids
 * (in name order, as h5ls and h5py list them; HDF5 does not keep creation order here) without
 * reading any data. Errors from the HDF5 library (a corrupt or truncated file) are reported as
 * {@link DataFileException} naming the file and group.
 */
abstract class Hdf5Dataset implements io.moiety.data.Dataset {
    protected final Path file;
    protected final HdfFile h5;
    protected final Hdf5Arrays arrays;

    protected Hdf5Dataset(Path file) {
        this.file = file;
        this.h5 = openFile(file);
        this.arrays = new Hdf5Arrays(file);
    }

    /**
     * Opens an HDF5 file, also behind a user block, refusing one shorter than its superblock's
     * end-of-file address (a truncated copy or download) with an error that says so.
     */
    static HdfFile openFile(Path file) {
        HdfFile h5;
        long userBlock = 0;
        try {
            try {
                h5 = new HdfFile(file);
            } catch (HdfException e) {
                userBlock = FormatDetector.hdf5SignatureOffset(file);
                if (userBlock <= 0 || e.getMessage() == null || !e.getMessage().startsWith("Invalid superblock base address")) {
                    throw e;
                }
                // a user block before a superblock with base address 0 (h5jam): read the file from the superblock on
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                try {
                    h5 = new BehindUserBlock(new OffsetFileChannel(channel, userBlock));
                } catch (RuntimeException notHdf5) {
                    channel.close();
                    throw notHdf5;
                }
            }
        } catch (HdfException | ArithmeticException | IndexOutOfBoundsException | IllegalArgumentException
                 | java.nio.BufferUnderflowException e) {
            throw DataFileException.inFile(file, "cannot open as HDF5 (corrupt file?): " + describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        try {
            Superblock sb = h5.getHdfBackingStorage().getSuperblock();
            long expected = userBlock + sb.getBaseAddressByte() + sb.getEndOfFileAddress();
            long actual = Files.size(file);
            if (actual < expected) {
                h5.close();
                throw DataFileException.inFile(file, "truncated HDF5 file: " + actual + " bytes, its superblock says "
                        + expected + " (incomplete copy or download?)");
            }
        } catch (IOException e) {
            h5.close();
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return h5;
    }

    /** An HDF5 file read through a channel that skips its user block. */
    private static final class BehindUserBlock extends HdfFile {
        BehindUserBlock(FileChannel channel) {
            super(channel);
        }

        /** Closes the channel; jhdf then fails to name the file in its log line, which is ignored. */
        @Override
        public void close() {
            try {
                super.close();
            } catch (HdfException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("No backing file")) {
                    throw e;
                }
            }
        }
    }

    @Override
    public List<String> moleculeIds() {
        List<String> ids = new ArrayList<>();
        try {
            for (Node n : h5) {
                if (n instanceof Group) {
                    ids.add(n.getName());
                }
            }
        } catch (HdfException | ArithmeticException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw DataFileException.inFile(file, "corrupt HDF5 file: " + describe(e));
        }
        ids.sort(Hdf5Dataset::naturalOrder);
        return ids;
    }

    /**
     * Name order with digit runs compared as numbers ({@code C2H6O_2} before {@code C2H6O_10}), so
     * molecules written in that order (extended-XYZ groups numbered _2, _3, …) read back in it.
     */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                java.math.BigInteger na = new java.math.BigInteger(a.substring(si, i));
                java.math.BigInteger nb = new java.math.BigInteger(b.substring(sj, j));
                int c = na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    @Override
    public final MoleculeRecord molecule(String id) {
        try {
            return read(id);
        } catch (HdfException | ArithmeticException | IndexOutOfBoundsException | NegativeArraySizeException
                 | java.nio.BufferUnderflowException e) {
            throw DataFileException.inHdf5(file, id, null, "cannot read (corrupt HDF5 file?): " + describe(e));
        }
    }

    /** A library exception's message, or its type where it has none worth showing. */
    private static String describe(RuntimeException e) {
        return e instanceof HdfException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Reads molecule {@code id}; HDF5 library errors are turned into file errors by the caller. */
    protected abstract MoleculeRecord read(String id);

    /** The top-level group {@code id}. */
    protected Group group(String id) {
        Node n = h5.getChildren().get(id);
        if (!(n instanceof Group g)) {
            throw new IllegalArgumentException("no molecule '" + id + "' in " + file);
        }
        return g;
    }

    /**
     * The datasets of a group holding M frames of N atoms, shapes checked: {@code atomic_numbers}
     * [N], positions [M,N,3], energies [M] and forces (or gradients) [M,N,3] under the given names.
     */
    protected record FrameArrays(int[] z, int frames, Dataset positions, Dataset energy, Dataset forces) {
        int atoms() {
            return z.length;
        }
    }

    protected FrameArrays frameArrays(Group g, String positions, String energy, String forces) {
        Dataset zd = arrays.dataset(g, "atomic_numbers");
        int n = arrays.shape(g, zd, -1)[0];
        int[] z = arrays.ints(g, zd);
        Dataset pd = arrays.dataset(g, positions);
        int m = arrays.shape(g, pd, -1, n, 3)[0];
        Dataset ed = arrays.dataset(g, energy);
        arrays.shape(g, ed, m);
        Dataset fd = arrays.dataset(g, forces);
        arrays.shape(g, fd, m, n, 3);
        return new FrameArrays(z, m, pd, ed, fd);
    }

    /** Energies of dataset {@code name}; a NaN or infinity is an error naming the group, dataset and frame. */
    protected double[] energies(Group g, Dataset d, String why) {
        double[] e = arrays.doubles(g, d);
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i])) {
                throw DataFileException.inHdf5(file, Hdf5Arrays.groupPath(g), d.getName(), "frame " + i + " has energy "
                        + e[i] + why);
            }
        }
        return e;
    }

    /**
     * Refuses a NaN or infinite value in a per-atom [M,N,3] (or [N,3]) array of {@code atoms} atoms,
     * naming the group, dataset, frame, atom and component.
     */
    protected void requireFinite(Group g, Dataset d, int atoms, IntToDoubleFunction values, int length) {
        for (int i = 0; i < length; i++) {
            double v = values.applyAsDouble(i);
            if (!Double.isFinite(v)) {
                int frame = i / (3 * atoms);
                int atom = i / 3 % atoms;
                throw DataFileException.inHdf5(file, Hdf5Arrays.groupPath(g), d.getName(), "frame " + frame + " atom "
                        + atom + " component " + "xyz".charAt(i % 3) + " is " + v + " (values must be finite)");
            }
        }
    }

    /** {@link #requireFinite(Group, Dataset, int, IntToDoubleFunction, int)} of a double array, which it returns. */
    protected double[] finite(Group g, Dataset d, int atoms, double[] values) {
        requireFinite(g, d, atoms, i -> values[i], values.length);
        return values;
    }

    protected static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        h5.close();
    }
}
