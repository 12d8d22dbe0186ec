package io.moiety.model.equivariant;

/**
 * Real spherical harmonics up to {@code l = 2} in e3nn's <em>component</em> normalisation:
 * for a unit vector, {@code Σ_m Y_lm² = 2l+1} (each component has unit mean square over the
 * sphere). Equal to the textbook real harmonics (Condon–Shortley phase folded in) times
 * {@code √(4π)}. Order within a block is {@code m = -l..l}, so {@code Y_1 = √3 (y, z, x)}.
 * Inputs need not be normalised: the direction of {@code (x, y, z)} is used.
 */
public final class SphericalHarmonics {
    /** Largest supported degree. */
    public static final int L_MAX = 2;

    private SphericalHarmonics() {}

    /** Number of packed components for degrees {@code 0..lmax}: {@code (lmax+1)²}. */
    public static int dim(int lmax) {
        return (lmax + 1) * (lmax + 1);
    }

    /** {@code Y_l} of the direction of {@code (x, y, z)}, length {@code 2l+1}. */
    public static double[] of(int l, double x, double y, double z) {
        double r = Math.sqrt(x * x + y * y + z * z);
        if (r == 0) {
            throw new IllegalArgumentException("direction of a zero vector is undefined");
        }
        x /= r;
        y /= r;
        z /= r;
        return switch (l) {
            case 0 -> new double[] {1.0};
            case 1 -> new double[] {Math.sqrt(3) * y, Math.sqrt(3) * z, Math.sqrt(3) * x};
            case 2 -> {
                double s15 = Math.sqrt(15);
                yield new double[] {
                    s15 * x * y,
                    s15 * y * z,
                    Math.sqrt(5) / 2 * (3 * z * z - 1),
                    s15 * x * z,
                    s15 / 2 * (x * x - y * y)};
            }
            default -> throw new IllegalArgumentException("l must be 0.." + L_MAX + ", got " + l);
        };
    }

    /** All blocks {@code l = 0..lmax} packed into one array of length {@code (lmax+1)²}. */
    public static double[] packed(int lmax, double x, double y, double z) {
        double[] out = new double[dim(lmax)];
        for (int l = 0; l <= lmax; l++) {
            System.arraycopy(of(l, x, y, z), 0, out, l * l, 2 * l + 1);
        }
        return out;
    }
}
