package io.moiety.data.io;

import java.nio.file.Path;

/**
 * A dataset file whose content is malformed. The message names the place precisely:
 * {@code file:line: field: problem} for text formats, {@code file: /group/dataset: problem} for HDF5.
 */
public final class DataFileException extends RuntimeException {

    private DataFileException(String message) {
        super(message);
    }

    /** Problem at a line (1-based) and field of a text file. */
    public static DataFileException atLine(Path file, long line, String field, String problem) {
        return new DataFileException(file + ":" + line + ": " + field + ": " + problem);
    }

    /** Problem with a dataset (or attribute) of an HDF5 group. */
    public static DataFileException inHdf5(Path file, String group, String dataset, String problem) {
        String path = "/" + group + (dataset == null || dataset.isEmpty() ? "" : "/" + dataset);
        return new DataFileException(file + ": " + path + ": " + problem);
    }

    /** Problem with the file as a whole. */
    public static DataFileException inFile(Path file, String problem) {
        return new DataFileException(file + ": " + problem);
    }
}
