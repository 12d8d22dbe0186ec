package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.moiety.model.nn.Constants;

/**
 * {@link SphericalHarmonics} of edge directions as a differentiable DJL computation: the packed
 * harmonics {@code Y [E, (lmax+1)²]} are one constant linear map of the monomials
 * {@code (1, u, u⊗u)} of the unit vector {@code u = v/|v|} (degree-2 harmonics are quadratic forms
 * of {@code u}; {@code 3z² − 1 = 2z² − x² − y²} on the unit sphere).
 */
public final class EdgeHarmonics {
    private EdgeHarmonics() {}

    /** Coefficients {@code M [13, (lmax+1)²]} mapping monomials {@code (1, x, y, z, u_a u_b)} to harmonics. */
    static double[] monomialMap(int lmax) {
        int d = SphericalHarmonics.dim(lmax);
        double[] m = new double[13 * d];
        m[0] = 1; // l = 0
        if (lmax >= 1) {
            double s3 = Math.sqrt(3);
            m[2 * d + 1] = s3; // y
            m[3 * d + 2] = s3; // z
            m[1 * d + 3] = s3; // x
        }
        if (lmax >= 2) {
            double s15 = Math.sqrt(15);
            double s5 = Math.sqrt(5) / 2;
            // u_a u_b at row 4 + 3a + b, a, b ∈ {x=0, y=1, z=2}
            m[(4 + 1) * d + 4] = s15;               // xy
            m[(4 + 5) * d + 5] = s15;               // yz
            m[(4 + 8) * d + 6] = 2 * s5;            // zz
            m[(4 + 0) * d + 6] = -s5;               // xx
            m[(4 + 4) * d + 6] = -s5;               // yy
            m[(4 + 2) * d + 7] = s15;               // xz
            m[(4 + 0) * d + 8] = s15 / 2;           // xx
            m[(4 + 4) * d + 8] = -s15 / 2;          // yy
        }
        return m;
    }

    /**
     * Packed harmonics of edge vectors.
     *
     * @param vectors edge vectors {@code [E, 3]}, Å (non-zero)
     * @param lengths their lengths {@code [E]}
     * @param lmax    largest degree
     * @param c       constants of the batch
     * @return {@code [E, (lmax+1)²]}
     */
    public static NDArray of(NDArray vectors, NDArray lengths, int lmax, Constants c) {
        long e = vectors.getShape().get(0);
        NDArray u = vectors.div(lengths.expandDims(1));
        NDArray ones = c.zeros(new Shape(e, 1)).add(c.scalar(1.0));
        NDArray uu = u.expandDims(2).mul(u.expandDims(1)).reshape(e, 9);
        NDArray monomials = ones.concat(u, 1).concat(uu, 1);
        NDArray map = c.array(monomialMap(lmax), new Shape(13, SphericalHarmonics.dim(lmax)));
        return monomials.matMul(map);
    }
}
