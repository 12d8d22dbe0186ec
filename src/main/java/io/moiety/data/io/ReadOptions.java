package io.moiety.data.io;

/**
 * How to read a dataset file.
 *
 * @param format    explicit format, or null to detect from content and extension
 * @param energyKey extended-XYZ info key holding the energy (null: {@code energy})
 * @param forcesKey extended-XYZ per-atom property holding forces (null: {@code forces})
 */
public record ReadOptions(Format format, String energyKey, String forcesKey) {
    public static ReadOptions defaults() { return new ReadOptions(null, null, null); }
}
