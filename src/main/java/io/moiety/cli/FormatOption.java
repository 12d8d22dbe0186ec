package io.moiety.cli;

import io.moiety.data.io.Format;
import io.moiety.data.io.ReadOptions;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Parses {@code --format}/{@code --to} values: enum names case-insensitively, plus short aliases. */
final class FormatOption implements CommandLine.ITypeConverter<Format> {
    static final String HELP = "moiety (Moiety HDF5; alias h5), extxyz (alias xyz), ani1x, spice, qm7x";

    /**
     * The input options shared by {@code inspect}, {@code convert}, {@code train} and {@code predict}:
     * format override and extended-XYZ keys.
     */
    static final class Input {
        @Option(names = "--format", paramLabel = "F", converter = FormatOption.class,
                description = "Input format instead of detecting it: " + HELP + ".")
        Format format;

        @Option(names = "--energy-key", paramLabel = "K",
                description = "Extended-XYZ header key of the energy (default: energy; convert writes it too).")
        String energyKey;

        @Option(names = "--forces-key", paramLabel = "K",
                description = "Extended-XYZ per-atom property of the forces (default: forces; convert writes it too).")
        String forcesKey;

        ReadOptions readOptions(Format detected) {
            return new ReadOptions(detected, energyKey, forcesKey);
        }

        /** Read options with the {@code --format} override, or detection from each file when it is absent. */
        ReadOptions readOptions() {
            return readOptions(format);
        }
    }

    @Override
    public Format convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "moiety", "moiety_hdf5", "h5", "hdf5" -> Format.MOIETY_HDF5;
            case "extxyz", "xyz" -> Format.EXTXYZ;
            case "ani1x", "ani_1x" -> Format.ANI1X;
            case "spice" -> Format.SPICE;
            case "qm7x", "qm7_x" -> Format.QM7X;
            default -> throw new CommandLine.TypeConversionException("unknown format '" + value + "'; use one of: " + HELP);
        };
    }

    /** Human-readable name and the units the file stores. */
    static String describe(Format f) {
        return switch (f) {
            case MOIETY_HDF5 -> "Moiety HDF5";
            case EXTXYZ -> "extended XYZ";
            case ANI1X -> "ANI-1x HDF5";
            case SPICE -> "SPICE HDF5";
            case QM7X -> "QM7-X HDF5";
        };
    }

    static String fileUnits(Format f) {
        return switch (f) {
            case MOIETY_HDF5, EXTXYZ, QM7X -> "stored in Å, eV, eV/Å (no conversion)";
            case ANI1X -> "converted from Å, Hartree, Hartree/Å";
            case SPICE -> "converted from bohr, Hartree, Hartree/bohr gradient (forces = −gradient)";
        };
    }
}
