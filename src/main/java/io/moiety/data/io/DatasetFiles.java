package io.moiety.data.io;

import io.moiety.data.Dataset;
import io.moiety.data.MoleculeRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point for reading and writing dataset files in any supported format.
 * CONTRACT (owned by the formats work, issue #2): signatures are fixed, bodies to be implemented.
 */
public final class DatasetFiles {
    private DatasetFiles() {}

    /** Opens a file, picking the format from content and extension. */
    public static Dataset open(Path file) throws IOException {
        return open(file, ReadOptions.defaults());
    }

    /** Opens a file with explicit options (format override, energy/forces keys). */
    public static Dataset open(Path file, ReadOptions options) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Writes molecules atomically (temp file + rename). Format from {@code options} or the extension
     * ({@code .h5/.hdf5} → Moiety HDF5, {@code .xyz/.extxyz} → extended XYZ).
     */
    public static void write(Path file, Iterable<MoleculeRecord> molecules, WriteOptions options) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
