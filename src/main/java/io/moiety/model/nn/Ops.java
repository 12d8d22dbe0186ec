package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Differentiable operations for atomistic networks that avoid DJL's hazards: every constant
 * comes from {@link Constants} (never a scalar overload), results are attached to a batch
 * manager ({@link #home}), and nothing uses {@code toType}/{@code duplicate} on a graph path.
 * Lengths in Å.
 */
public final class Ops {
    private Ops() {}

    /** Attaches {@code result} to {@code manager} (the batch/step manager) and returns it. */
    public static NDArray home(NDArray result, NDManager manager) {
        if (result.getManager() != manager) {
            result.attach(manager);
        }
        return result;
    }

    /**
     * Rows {@code x[index]} ({@code index} int64 {@code [M]}); differentiable (twice) w.r.t. {@code x};
     * lives in {@code home}. Runs as {@code aten::embedding} (index_select forward, index_add
     * backward), faster than DJL's advanced indexing {@code x.get(index)} (benchmarks/perf.md).
     */
    public static NDArray gather(NDArray x, NDArray index, NDManager home) {
        Shape shape = x.getShape();
        if (shape.dimension() == 2) {
            return home(JniUtils.embedding((PtNDArray) index, (PtNDArray) x, false), home);
        }
        long rows = shape.get(0);
        NDArray flat = home(x.reshape(rows, shape.size() / Math.max(rows, 1)), home);
        NDArray picked = home(JniUtils.embedding((PtNDArray) index, (PtNDArray) flat, false), home);
        long[] dims = shape.getShape().clone();
        dims[0] = index.getShape().get(0);
        return home(picked.reshape(new Shape(dims)), home);
    }

    /** Shifted softplus {@code ln(1 + eˣ) − ln 2} (SchNet's activation, zero at 0). */
    public static NDArray shiftedSoftplus(NDArray x, Constants c) {
        return x.getNDArrayInternal().softPlus().sub(c.scalar(Math.log(2.0)));
    }

    /** SiLU {@code x·σ(x)} (PaiNN's activation). */
    public static NDArray silu(NDArray x) {
        return x.mul(x.getNDArrayInternal().sigmoid());
    }

    /** Sigmoid {@code σ(x)}. */
    public static NDArray sigmoid(NDArray x) {
        return x.getNDArrayInternal().sigmoid();
    }

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
     * Bessel radial basis of NequIP/MACE, {@code (2/r_c)·sin(kπr/r_c)/r}, k = 1…n
     * ({@code r [E]}, strictly positive → {@code [E, n]}).
     */
    public static NDArray besselRbf(NDArray r, int n, double cutoff, Constants c) {
        return sincRbf(r, n, cutoff, c).mul(c.scalar(2.0 / cutoff));
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

    /** Euclidean norm along {@code axis} with {@code eps} under the root (smooth at zero). */
    public static NDArray norm(NDArray v, int axis, double eps, Constants c) {
        return v.square().sum(new int[] {axis}).add(c.scalar(eps)).sqrt();
    }

    /** Euclidean norm along {@code axis} without regularisation (for edge lengths, never zero). */
    public static NDArray norm(NDArray v, int axis) {
        return v.square().sum(new int[] {axis}).sqrt();
    }

    /** Whether {@code t} is a supported floating type. */
    public static boolean floating(DataType t) {
        return t == DataType.FLOAT32 || t == DataType.FLOAT64;
    }
}
