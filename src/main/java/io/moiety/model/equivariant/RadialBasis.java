package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import io.moiety.model.nn.Constants;
import io.moiety.model.nn.RadialFunctions;

/**
 * MACE's radial features: Bessel functions {@code √(2/r_c) sin(nπr/r_c)/r}, {@code n = 1..N},
 * times the polynomial envelope of DimeNet/NequIP/MACE ({@link RadialFunctions#polynomialCutoff}),
 * {@code u(d) = 1 − (p+1)(p+2)/2 dᵖ + p(p+2) dᵖ⁺¹ − p(p+1)/2 dᵖ⁺²}, {@code d = r/r_c}, zero beyond
 * the cutoff, which vanishes at {@code r_c} with {@code p − 1} vanishing derivatives. Lengths in Å.
 */
public final class RadialBasis {
    private RadialBasis() {}

    /** Enveloped Bessel features of {@code r [E]} → {@code [E, n]}. */
    public static NDArray features(NDArray r, int n, double cutoff, int p, Constants c) {
        NDArray bessel = RadialFunctions.sincRbf(r, n, cutoff, c).mul(c.scalar(Math.sqrt(2.0 / cutoff)));
        return bessel.mul(RadialFunctions.polynomialCutoff(r, cutoff, p, c).expandDims(1));
    }
}
