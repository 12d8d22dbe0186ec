package io.moiety.data.io;

/**
 * How to write a dataset file.
 *
 * @param format    explicit format, or null to pick from the extension
 * @param energyKey extended-XYZ energy key to write (null: {@code energy})
 * @param forcesKey extended-XYZ forces property to write (null: {@code forces})
 * @param overwrite replace an existing file (the CLI's {@code --force})
 */
public record WriteOptions(Format format, String energyKey, String forcesKey, boolean overwrite) {
    public static WriteOptions defaults() { return new WriteOptions(null, null, null, false); }

    public WriteOptions overwriting() { return new WriteOptions(format, energyKey, forcesKey, true); }
}
