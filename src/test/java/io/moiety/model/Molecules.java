package io.moiety.model;

import io.moiety.chem.Structure;
import java.util.Random;

/** Small test structures and tiny model configs shared by the model tests. */
final class Molecules {
    private Molecules() {}

    /** An ethanol-like geometry (Å) with a seeded perturbation, so it has no symmetry. */
    static Structure ethanol(long seed) {
        int[] z = {6, 6, 8, 1, 1, 1, 1, 1, 1};
        double[] x = {
            0.000, 0.000, 0.000,
            1.520, 0.000, 0.000,
            2.020, 1.340, 0.000,
            -0.390, 1.020, 0.000,
            -0.390, -0.510, 0.890,
            -0.390, -0.510, -0.890,
            1.900, -0.520, 0.890,
            1.900, -0.520, -0.890,
            2.980, 1.300, 0.000};
        Random r = new Random(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.05 * r.nextGaussian();
        }
        return Structure.molecule(z, x);
    }

    /** A slightly distorted water molecule (Å). */
    static Structure water() {
        return Structure.molecule(new int[] {8, 1, 1}, new double[] {0.01, -0.02, 0.0, 0.97, 0.03, 0.01, -0.25, 0.94, -0.02});
    }

    /** A tiny float64 config of the given type (fast, for exact checks). */
    static ModelConfig tiny(String type, boolean directForces) {
        return ModelConfig.parse("type: " + type + "\ncutoff: 4.0\ndtype: float64\nfeatures: 8\ninteractions: 2\nrbf: 6\n"
                + (directForces ? "direct_forces: true\n" : ""), "tiny-" + type);
    }
}
