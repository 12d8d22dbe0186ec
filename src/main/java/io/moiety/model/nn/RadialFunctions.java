package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * Functions of the edge length r (Å): radial bases and the cutoff envelopes that take them to
 * zero at the cutoff r_c. Every constant comes from {@link Constants} (never a scalar overload).
 */
public final class RadialFunctions {
    private RadialFunctions() {}

    /**
     * Cosine cutoff {@code ½(cos(πr/r_c) + 1)} for {@code r < r_c}, else 0 (Behler), same shape as {@code r}.
     */
    public static NDArray cosineCutoff(NDArray r, double cutoff, Constants c) {
        NDArray mask = r.lt(c.scalar(cutoff)).toType(c.dtype(), false); // constant mask: cutting the graph is intended
        NDArray cos = r.mul(c.scalar(Math.PI / cutoff)).cos();
        return cos.add(c.scalar(1.0)).mul(c.scalar(0.5)).mul(mask);
    }

    /**
     * Gaussian radial basis {@code exp(−γ(r − μ_k)²)} with {@code n} centres evenly spaced on
     * {@code [0, cutoff]} and {@code γ = 1/(2Δ²)} (Δ = spacing), as in SchNet. {@code r [E]} → {@code [E, n]}.
     */
    public static NDArray gaussianRbf(NDArray r, int n, double cutoff, Constants c) {
        double[] mu = new double[n];
        double delta = n > 1 ? cutoff / (n - 1) : cutoff;
        for (int k = 0; k < n; k++) {
            mu[k] = k * delta;
        }
        NDArray d = r.expandDims(1).sub(c.vector(mu).expandDims(0));
        return d.square().mul(c.scalar(-0.5 / (delta * delta))).exp();
    }

    /**
     * Sinc (spherical Bessel j₀) radial basis {@code sin(kπr/r_c)/r}, k = 1…n, as in PaiNN.
     * {@code r [E]} (strictly positive) → {@code [E, n]}.
     */
    public static NDArray sincRbf(NDArray r, int n, double cutoff, Constants c) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = (i + 1) * Math.PI / cutoff;
        }
        NDArray re = r.expandDims(1);
        return re.mul(c.vector(k).expandDims(0)).sin().div(re);
    }

    /**
     * Polynomial envelope of NequIP/MACE (Klicpera et al.), with {@code x = r/r_c}:
     * {@code 1 − (p+1)(p+2)/2·xᵖ + p(p+2)·xᵖ⁺¹ − p(p+1)/2·xᵖ⁺²} for {@code x < 1}, else 0.
     * Smooth to order p at the cutoff; p = 6 is the usual choice.
     */
    public static NDArray polynomialCutoff(NDArray r, double cutoff, int p, Constants c) {
        if (p < 1) {
            throw new IllegalArgumentException("polynomial cutoff order must be ≥ 1, got " + p);
        }
        NDArray x = r.mul(c.scalar(1.0 / cutoff));
        NDArray xp = x;
        for (int k = 1; k < p; k++) { // integer power by products: no scalar pow overload
            xp = xp.mul(x);
        }
        NDArray xp1 = xp.mul(x);
        NDArray xp2 = xp1.mul(x);
        NDArray env = c.scalar(1.0).sub(xp.mul(c.scalar((p + 1.0) * (p + 2.0) / 2.0)))
                .add(xp1.mul(c.scalar(p * (p + 2.0))))
                .sub(xp2.mul(c.scalar(p * (p + 1.0) / 2.0)));
        NDArray mask = r.lt(c.scalar(cutoff)).toType(c.dtype(), false);
        return env.mul(mask);
    }
}
