package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import io.moiety.model.nn.Constants;
import io.moiety.model.nn.Ops;

/**
 * NequIP/MACE radial features: Bessel functions {@code √(2/r_c) sin(nπr/r_c)/r}, {@code n = 1..N},
 * times the polynomial envelope of DimeNet/NequIP,
 * {@code u(d) = 1 − (p+1)(p+2)/2 dᵖ + p(p+2) dᵖ⁺¹ − p(p+1)/2 dᵖ⁺²} with {@code d = r/r_c}
 * (zero beyond the cutoff), which goes to zero at {@code r_c} with {@code p − 1} vanishing
 * derivatives. Lengths in Å.
 */
public final class RadialBasis {
    private RadialBasis() {}

    /** Envelope {@code u(r/r_c)} of edge lengths {@code r [E]} → {@code [E]}. */
    public static NDArray envelope(NDArray r, double cutoff, int p, Constants c) {
        NDArray d = r.mul(c.scalar(1.0 / cutoff));
        NDArray dp = d;
        for (int k = 1; k < p; k++) {
            dp = dp.mul(d);
        }
        NDArray dp1 = dp.mul(d);
        NDArray dp2 = dp1.mul(d);
        NDArray u = dp.mul(c.scalar(-(p + 1.0) * (p + 2.0) / 2))
                .add(dp1.mul(c.scalar(p * (p + 2.0))))
                .sub(dp2.mul(c.scalar(p * (p + 1.0) / 2)))
                .add(c.scalar(1.0));
        NDArray inside = r.lt(c.scalar(cutoff)).toType(c.dtype(), false); // constant mask: cutting the graph is intended
        return u.mul(inside);
    }

    /** Enveloped Bessel features of {@code r [E]} → {@code [E, n]}. */
    public static NDArray features(NDArray r, int n, double cutoff, int p, Constants c) {
        NDArray bessel = Ops.sincRbf(r, n, cutoff, c).mul(c.scalar(Math.sqrt(2.0 / cutoff)));
        return bessel.mul(envelope(r, cutoff, p, c).expandDims(1));
    }
}
