package io.moiety.model.graph;

/**
 * Directed neighbour pairs of one structure within a cutoff. Edge {@code e} carries a message
 * from atom {@code src[e]} to atom {@code dst[e]}; its vector (Å) is
 * {@code x[src] − x[dst] + shift[e]·cell} where {@code shift} holds integer cell translations
 * ({@code [E*3]}, all zero for molecules). Both directions of a pair are present. Edges are
 * sorted by (dst, src, shift), so two builders that find the same pairs give identical arrays.
 */
public record Edges(int[] src, int[] dst, int[] shift) {

    public Edges {
        if (src.length != dst.length || shift.length != 3 * src.length) {
            throw new IllegalArgumentException("inconsistent edge arrays: " + src.length + " src, "
                    + dst.length + " dst, " + shift.length + " shift values");
        }
    }

    /** Number of directed edges. */
    public int size() { return src.length; }

    /** Cartesian shift vectors {@code shift·cell} (Å, {@code [E*3]}); zeros when {@code cell} is null. */
    public double[] shiftVectors(double[] cell) {
        double[] out = new double[shift.length];
        if (cell == null) {
            return out;
        }
        for (int e = 0; e < src.length; e++) {
            for (int k = 0; k < 3; k++) {
                out[3 * e + k] = shift[3 * e] * cell[k] + shift[3 * e + 1] * cell[3 + k] + shift[3 * e + 2] * cell[6 + k];
            }
        }
        return out;
    }
}
