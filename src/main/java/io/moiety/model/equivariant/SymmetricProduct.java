package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.CompositeBlock;
import io.moiety.model.nn.Embedding;

/**
 * MACE's many-body product basis for one layer, channel-wise and with element-dependent weights:
 * {@code B = W₁(z)⊙A + Σ_paths W₂(z)⊙(A ⊗ A) + Σ_paths W₃b(z)⊙((Σ W₃a(z)⊙(A ⊗ A)) ⊗ A)},
 * i.e. correlation order ν = 1, 2, 3 (a product of ν atomic-basis features, hence (ν+1)-body
 * messages). {@code A ⊗ A} uses the symmetric paths {@code l1 ≤ l2}; the ν = 3 term couples
 * the weighted ν = 2 intermediate with {@code A} again, a recursive contraction like MACE's
 * {@code SymmetricContraction} (weights factorised per step rather than one weight per
 * generalised-CG basis element). Outputs degrees {@code 0..lmaxOut} (0 in the last layer).
 */
final class SymmetricProduct extends CompositeBlock {
    private final int lmax;
    private final int lmaxOut;
    private final int correlation;
    private final int channels;
    private final CouplingPaths square;
    private final CouplingPaths cube;
    private final Embedding w1;
    private final Embedding w2;
    private final Embedding w3a;
    private final Embedding w3b;

    SymmetricProduct(int lmax, int lmaxOut, int correlation, int channels) {
        this.lmax = lmax;
        this.lmaxOut = lmaxOut;
        this.correlation = correlation;
        this.channels = channels;
        this.square = CouplingPaths.of(lmax, lmax, lmax, true);
        this.cube = CouplingPaths.of(lmax, lmax, lmaxOut, false);
        w1 = weights("w1", lmaxOut + 1, 1.0);
        w2 = correlation >= 2 ? weights("w2", square.size(), 1 / Math.sqrt(square.size())) : null;
        w3a = correlation >= 3 ? weights("w3a", square.size(), 1 / Math.sqrt(square.size())) : null;
        w3b = correlation >= 3 ? weights("w3b", cube.size(), 1 / Math.sqrt(cube.size())) : null;
    }

    private Embedding weights(String name, int n, double sigma) {
        Embedding e = child(name, new Embedding(n * channels));
        e.setInitializer(new NormalInitializer((float) sigma), Parameter.Type.WEIGHT);
        return e;
    }

    /** Degree {@code l} of each packed component {@code 0..(lmax+1)²−1} (index for expanding per-degree arrays). */
    static long[] degreeOfComponent(int lmax) {
        long[] d = new long[SphericalHarmonics.dim(lmax)];
        for (int l = 0; l <= lmax; l++) {
            for (int m = 0; m < 2 * l + 1; m++) {
                d[l * l + m] = l;
            }
        }
        return d;
    }

    /** {@code A [N, (lmax+1)², C]} → {@code B [N, (lmaxOut+1)², C]}. */
    NDArray apply(ParameterStore ps, GraphBatch b, NDArray a, CouplingConstants cg, boolean training) {
        long n = b.numAtoms();
        NDArray z = b.atomicNumbers();
        NDArray lin = w1.apply(ps, z, b.manager(), training).reshape(n, lmaxOut + 1, channels);
        int dOut = SphericalHarmonics.dim(lmaxOut);
        NDArray aOut = a.getShape().get(1) == dOut ? a : a.get(":, 0:" + dOut + ", :");
        NDArray out = aOut.mul(lin.get(new NDIndex(":, {}, :", b.manager().create(degreeOfComponent(lmaxOut)))));
        if (correlation < 2) {
            return out;
        }
        NDArray sq = SparseCoupling.paths(cg.sparse(square), square, a, a, b.manager());
        NDArray b2 = SparseCoupling.weighted(sq,
                w2.apply(ps, z, b.manager(), training).reshape(n, square.size(), channels));
        out = out.add(b2.getShape().get(1) == dOut ? b2 : b2.get(":, 0:" + dOut + ", :"));
        if (correlation < 3) {
            return out;
        }
        NDArray x = SparseCoupling.weighted(sq,
                w3a.apply(ps, z, b.manager(), training).reshape(n, square.size(), channels));
        NDArray b3 = SparseCoupling.couple(cg.sparse(cube), cube, x, a,
                w3b.apply(ps, z, b.manager(), training).reshape(n, cube.size(), channels), b.manager());
        return out.add(b3);
    }
}
