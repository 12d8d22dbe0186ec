package io.moiety.chem;

import java.util.ArrayList;
import java.util.List;

/**
 * Bonds from 3D coordinates: atoms i and j are bonded when their distance is below
 * {@code factor × (r_i + r_j)} with r the single-bond covalent radii of {@link Element} (Å).
 * The default factor 1.2 keeps stretched bonds of a 300 K snapshot and excludes hydrogen bonds.
 */
public final class BondPerception {
    /** Default tolerance factor on the sum of covalent radii. */
    public static final double DEFAULT_FACTOR = 1.2;

    private BondPerception() {}

    /** Graph of {@code structure} with the default factor. */
    public static MolecularGraph perceive(Structure structure) {
        return perceive(structure, DEFAULT_FACTOR);
    }

    /** Graph of {@code structure}: bonded when distance &lt; factor × (r_i + r_j). */
    public static MolecularGraph perceive(Structure structure, double factor) {
        int[] z = structure.atomicNumbers();
        double[] x = structure.positions();
        List<int[]> bonds = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            double ri = Element.ofZ(z[i]).covalentRadius();
            for (int j = i + 1; j < z.length; j++) {
                double cut = factor * (ri + Element.ofZ(z[j]).covalentRadius());
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                if (dx * dx + dy * dy + dz * dz < cut * cut) {
                    bonds.add(new int[] {i, j});
                }
            }
        }
        return new MolecularGraph(z, bonds);
    }
}
