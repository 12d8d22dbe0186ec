package io.moiety.data;

import java.util.Locale;

/**
 * Frame info keys that {@code moiety predict} adds to the frames it writes. A committee's spread
 * is stored by both writers: extended XYZ as the header key {@code energy_std} and the per-atom
 * column {@code forces_std:R:1}, Moiety HDF5 as the datasets {@code energy_std} [M] and
 * {@code forces_std} [M,N] (see docs/formats.md).
 */
public final class PredictionInfo {
    /** The input's reference energy, eV. */
    public static final String REFERENCE_ENERGY = "ref_energy";
    /** The predicting model's name. */
    public static final String MODEL = "model";
    /** Standard deviation of a committee's total energies, eV. */
    public static final String ENERGY_STD = "energy_std";
    /**
     * Per atom, the norm of the committee's force-component standard deviations, eV/Å: in frame
     * info as the atoms' values separated by spaces ({@link #encode}).
     */
    public static final String FORCES_STD = "forces_std";

    private PredictionInfo() {}

    /** Per-atom values as frame info text. */
    public static String encode(double[] perAtom) {
        StringBuilder sb = new StringBuilder();
        for (double v : perAtom) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%.6g", v));
        }
        return sb.toString();
    }

    /** Per-atom values of frame info text; the error names the key and the counts. */
    public static double[] decode(String text, int atoms, String key) {
        String[] parts = text.isBlank() ? new String[0] : text.trim().split("\\s+");
        if (parts.length != atoms) {
            throw new IllegalArgumentException("frame info '" + key + "' has " + parts.length + " values for "
                    + atoms + " atoms");
        }
        double[] out = new double[atoms];
        for (int i = 0; i < atoms; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }
}
