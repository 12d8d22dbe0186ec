package io.moiety.data.io;

import io.moiety.data.AtomicFile;
import io.moiety.data.Dataset;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point for reading and writing dataset files in any supported format.
 *
 * <p>Reading: Moiety HDF5, extended XYZ, and the public ANI-1x, SPICE and QM7-X HDF5 layouts
 * (converted to Å, eV, eV/Å). Writing: Moiety HDF5 and extended XYZ, always atomically.
 * Malformed content raises {@link DataFileException} naming file, line and field (or HDF5 group
 * and dataset).
 */
public final class DatasetFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetFiles.class);

    private DatasetFiles() {}

    /** Opens a file, picking the format from content and extension. */
    public static Dataset open(Path file) throws IOException {
        return open(file, ReadOptions.defaults());
    }

    /** Opens a file with explicit options (format override, energy/forces keys). */
    public static Dataset open(Path file, ReadOptions options) throws IOException {
        requireFile(file);
        Format format = options.format() != null ? options.format() : detect(file);
        return switch (format) {
            case MOIETY_HDF5 -> new MoietyHdf5Dataset(file);
            case EXTXYZ -> ExtxyzReader.open(file, options);
            case ANI1X -> new Ani1xDataset(file);
            case SPICE -> new SpiceDataset(file);
            case QM7X -> new Qm7xDataset(file);
        };
    }

    /** The format {@link #open(Path)} would use for this file. */
    public static Format detect(Path file) throws IOException {
        requireFile(file);
        return FormatDetector.detect(file);
    }

    /** An existing, non-empty regular file, or an error saying which of those it is not. */
    private static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, Files.isDirectory(file) ? "is a directory, not a dataset file"
                    : Files.exists(file) ? "not a regular file" : "no such file");
        }
        if (Files.size(file) == 0) {
            throw DataFileException.inFile(file, "empty file (0 bytes): no molecules to read");
        }
    }

    /**
     * Writes molecules atomically (temp file + rename). Format from {@code options} or the extension
     * ({@code .h5/.hdf5} → Moiety HDF5, {@code .xyz/.extxyz} → extended XYZ).
     */
    public static void write(Path file, Iterable<MoleculeRecord> molecules, WriteOptions options) throws IOException {
        write(file, molecules, IsolatedAtoms.none(""), options);
    }

    /**
     * As {@link #write(Path, Iterable, WriteOptions)}, with isolated-atom energies: the Moiety HDF5
     * group {@code isolated_atoms}, or extended-XYZ single-atom frames with {@code config_type=IsolatedAtom}
     * before the molecules.
     */
    public static void write(Path file, Iterable<MoleculeRecord> molecules, IsolatedAtoms isolatedAtoms,
                             WriteOptions options) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory; give a file name such as "
                    + file.resolve("out.h5"));
        }
        Format format = options.format() != null ? options.format() : formatFromExtension(file);
        CountedMolecules counted = new CountedMolecules(molecules);
        switch (format) {
            case MOIETY_HDF5 -> AtomicFile.write(file, options.overwrite(), tmp -> {
                MoietyHdf5Writer.write(tmp, file, counted, isolatedAtoms);
                counted.requireFrames(file, isolatedAtoms);
            });
            case EXTXYZ -> AtomicFile.write(file, options.overwrite(), tmp -> {
                ExtxyzWriter.write(tmp, counted, isolatedAtoms, options);
                counted.requireFrames(file, isolatedAtoms);
            });
            default -> throw new IllegalArgumentException(format + " is read-only; write MOIETY_HDF5 or EXTXYZ");
        }
    }

    /** The molecules handed to a writer, counted on the way, so that a file without frames is refused. */
    private static final class CountedMolecules implements Iterable<MoleculeRecord> {
        private final Iterable<MoleculeRecord> molecules;
        private long frames;
        private final List<String> empty = new ArrayList<>();

        CountedMolecules(Iterable<MoleculeRecord> molecules) {
            this.molecules = molecules;
        }

        @Override
        public Iterator<MoleculeRecord> iterator() {
            Iterator<MoleculeRecord> it = molecules.iterator();
            return new Iterator<>() {
                @Override public boolean hasNext() { return it.hasNext(); }
                @Override public MoleculeRecord next() {
                    MoleculeRecord m = it.next();
                    frames += m.frames().size();
                    if (m.frames().isEmpty()) {
                        LOG.warn("molecule '{}' has no frames: not written", m.id());
                        empty.add(m.id());
                    }
                    return m;
                }
            };
        }

        /** Refuses to write {@code file} when no molecule had a frame, naming the empty ones. */
        void requireFrames(Path file, IsolatedAtoms isolatedAtoms) {
            if (frames > 0 || !isolatedAtoms.isEmpty()) {
                return;
            }
            throw DataFileException.inFile(file, "nothing to write: " + (empty.isEmpty() ? "no molecules"
                    : "no frames (" + DatasetFiles.names(empty) + " ha" + (empty.size() == 1 ? "s" : "ve") + " none)")
                    + "; the output would be an empty file");
        }
    }

    /** Up to five quoted molecule ids and how many more. */
    private static String names(List<String> ids) {
        String shown = ids.stream().limit(5).map(id -> "molecule '" + id + "'").collect(Collectors.joining(", "));
        return ids.size() > 5 ? shown + " and " + (ids.size() - 5) + " more" : shown;
    }

    /** Output format implied by a file name, or an error saying how to choose one. */
    public static Format formatFromExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return Format.MOIETY_HDF5;
        }
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
            return Format.EXTXYZ;
        }
        throw new IllegalArgumentException("cannot tell the output format from '" + file.getFileName()
                + "': use a .h5/.hdf5 or .xyz/.extxyz name, or --to");
    }
}
