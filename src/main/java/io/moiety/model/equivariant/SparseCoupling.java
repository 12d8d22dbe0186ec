package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.moiety.model.nn.Tensors;

/**
 * Weighted tensor products of packed irreps through a sparse coupling matrix. The real
 * Clebsch–Gordan tensors are about 99 % zeros (83 non-zeros among the 8019 entries of all 11
 * even paths with {@code l ≤ 2}), so the matrix {@link CouplingPaths#nodeMatrix()} is kept as a
 * sparse COO tensor {@code T [P·D_out, D1·D2]} and applied to the outer product of the inputs laid
 * out as {@code [D1·D2, N·C]}: one sparse×dense product does every path for every row and channel
 * at a cost proportional to the non-zeros. Twice differentiable (forces in the loss).
 */
final class SparseCoupling {
    private SparseCoupling() {}

    /**
     * All paths at once: {@code out[p, o, n, c] = Σ_{a,b} T[p·D_out + o, a·D2 + b] x[n, a, c] y[n, b(, c)]}.
     *
     * @param t     sparse coupling matrix {@code [P·D_out, D1·D2]} (long-lived; results are re-homed)
     * @param paths its paths (sizes)
     * @param x     {@code [N, D1, C]}
     * @param y     {@code [N, D2, C]} (channel-wise) or {@code [N, D2]} (channel-free, e.g. edge harmonics)
     * @param home  the batch manager
     * @return {@code [P, D_out, N, C]}
     */
    static NDArray paths(NDArray t, CouplingPaths paths, NDArray x, NDArray y, NDManager home) {
        long n = x.getShape().get(0);
        long c = x.getShape().get(2);
        NDArray xt = x.transpose(1, 0, 2).expandDims(1);                    // [D1, 1, N, C]
        NDArray yt = y.getShape().dimension() == 3
                ? y.transpose(1, 0, 2).expandDims(0)                          // [1, D2, N, C]
                : y.transpose().expandDims(0).expandDims(3);                  // [1, D2, N, 1]
        NDArray outer = xt.mul(yt).reshape((long) paths.dim1() * paths.dim2(), n * c);
        return Tensors.home(t.matMul(outer), home).reshape(paths.size(), paths.dimOut(), n, c);
    }

    /** Sums path outputs {@code [P, D_out, N, C]} with weights {@code w [N, P, C]} → {@code [N, D_out, C]}. */
    static NDArray weighted(NDArray coupled, NDArray w) {
        NDArray weights = w.transpose(1, 0, 2).expandDims(1);                // [P, 1, N, C]
        return coupled.mul(weights).sum(new int[] {0}).transpose(1, 0, 2);
    }

    /** {@link #weighted}({@link #paths}(...), w). */
    static NDArray couple(NDArray t, CouplingPaths paths, NDArray x, NDArray y, NDArray w, NDManager home) {
        return weighted(paths(t, paths, x, y, home), w);
    }
}
