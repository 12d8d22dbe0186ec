package io.moiety.data.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Picks a file's format: HDF5 files (by signature) by the dataset names in their first group,
 * text files as extended XYZ when the extension or the first line says so.
 */
final class FormatDetector {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private FormatDetector() {}

    static Format detect(Path file) throws IOException {
        byte[] head = new byte[2048];
        int len;
        try (InputStream in = Files.newInputStream(file)) {
            len = in.readNBytes(head, 0, head.length);
        }
        if (isHdf5(file, head, len)) {
            return detectHdf5(file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
            return Format.EXTXYZ;
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf")) {
            throw DataFileException.inFile(file, "not an HDF5 file (no HDF5 signature at the start or after a user "
                    + "block) although named " + name.substring(name.lastIndexOf('.')) + "; corrupt, or another format (use --format)");
        }
        String first = new String(head, 0, len, StandardCharsets.ISO_8859_1).split("\n", 2)[0].trim();
        if (first.matches("\\d+")) {
            return Format.EXTXYZ;
        }
        throw DataFileException.inFile(file, "cannot tell the format (not HDF5, no .xyz/.extxyz extension and the "
                + "first line is not an atom count); use --format");
    }

    private static boolean isHdf5(Path file, byte[] head, int len) throws IOException {
        if (len >= 8 && Arrays.equals(head, 0, 8, HDF5_SIGNATURE, 0, 8)) {
            return true;
        }
        return hdf5SignatureOffset(file) >= 0;
    }

    /**
     * Where the HDF5 signature (and superblock) starts: 0, or after a user block of 512, 1024, 2048,
     * … bytes (up to 1 MB); -1 when there is none.
     */
    static long hdf5SignatureOffset(Path file) throws IOException {
        long size = Files.size(file);
        try (var ch = Files.newByteChannel(file)) {
            for (long off = 0; off + 8 <= size && off <= (1L << 20); off = off == 0 ? 512 : 2 * off) {
                var buf = ByteBuffer.allocate(8);
                ch.position(off);
                ch.read(buf);
                if (Arrays.equals(buf.array(), HDF5_SIGNATURE)) {
                    return off;
                }
            }
        }
        return -1;
    }

    private static Format detectHdf5(Path file) {
        try (HdfFile h5 = Hdf5Dataset.openFile(file)) {
            return detectHdf5(file, h5);
        } catch (io.jhdf.exceptions.HdfException e) {
            throw DataFileException.inFile(file, "corrupt HDF5 file: " + e.getMessage());
        }
    }

    private static Format detectHdf5(Path file, HdfFile h5) {
        boolean isolatedAtoms = false;
        for (Node n : h5) {
            if (!(n instanceof Group g)) {
                continue;
            }
            Map<String, Node> c = g.getChildren();
            if (g.getName().equals(MoietyHdf5Writer.ISOLATED_ATOMS) && !c.containsKey("positions")) {
                isolatedAtoms = true; // Moiety's isolated-atom energies: look at the molecules
                continue;
            }
            if (c.containsKey("positions") && c.containsKey("atomic_numbers")) {
                return Format.MOIETY_HDF5;
            }
            if (c.containsKey("coordinates") && c.containsKey("atomic_numbers")) {
                return Format.ANI1X;
            }
            if (c.containsKey("conformations") && c.containsKey("atomic_numbers")) {
                return Format.SPICE;
            }
            for (Node sub : c.values()) {
                if (sub instanceof Group sg && sg.getChildren().get("atXYZ") instanceof Dataset) {
                    return Format.QM7X;
                }
            }
            throw DataFileException.inHdf5(file, Hdf5Arrays.groupPath(g), null, "unrecognised HDF5 layout: first group "
                    + "holds " + c.keySet() + " (expected Moiety positions, ANI-1x coordinates, SPICE conformations "
                    + "or QM7-X conformer groups with atXYZ); use --format");
        }
        if (isolatedAtoms) {
            return Format.MOIETY_HDF5;
        }
        throw DataFileException.inFile(file, "HDF5 file has no groups: not a dataset");
    }
}
