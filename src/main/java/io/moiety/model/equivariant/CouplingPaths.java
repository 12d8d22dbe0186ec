package io.moiety.model.equivariant;

import java.util.ArrayList;
import java.util.List;

/**
 * The coupling paths {@code l1 ⊗ l2 → l3} between two packed irreps inputs (degrees
 * {@code 0..lmax1} and {@code 0..lmax2}) and a packed output ({@code 0..lmaxOut}), restricted to
 * {@code l1 + l2 + l3} even so that, with natural-parity inputs ({@code (-1)^l}: scalars, vectors,
 * rank-2 tensors, exactly what spherical harmonics of bond vectors are), every output again has
 * natural parity and the model is invariant under reflections as well as rotations (O(3)).
 * With {@code symmetric} only {@code l1 ≤ l2} is kept (for products of a feature with itself,
 * where {@code l2 ⊗ l1} repeats {@code l1 ⊗ l2}).
 *
 * <p>Each path's coefficient tensor is the real {@link Wigner3j} tensor times
 * {@code √(2l3+1)/√(n_l3)}, where {@code n_l3} counts the paths ending in {@code l3}: inputs with
 * unit-variance components then give outputs with unit-variance components (e3nn "component"
 * irreps normalisation with "element" path normalisation), whatever the number of paths.
 *
 * @param paths each as {@code {l1, l2, l3}}
 */
public record CouplingPaths(int lmax1, int lmax2, int lmaxOut, boolean symmetric, List<int[]> paths) {

    /** Enumerates the allowed paths in {@code (l1, l2, l3)} lexicographic order. */
    public static CouplingPaths of(int lmax1, int lmax2, int lmaxOut, boolean symmetric) {
        if (Math.max(Math.max(lmax1, lmax2), lmaxOut) > SphericalHarmonics.L_MAX || Math.min(Math.min(lmax1, lmax2), lmaxOut) < 0) {
            throw new IllegalArgumentException("degrees must be in 0.." + SphericalHarmonics.L_MAX);
        }
        List<int[]> paths = new ArrayList<>();
        for (int l1 = 0; l1 <= lmax1; l1++) {
            for (int l2 = symmetric ? l1 : 0; l2 <= lmax2; l2++) {
                for (int l3 = 0; l3 <= lmaxOut; l3++) {
                    if (ClebschGordan.triangle(l1, l2, l3) && (l1 + l2 + l3) % 2 == 0) {
                        paths.add(new int[] {l1, l2, l3});
                    }
                }
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no coupling paths for " + lmax1 + " ⊗ " + lmax2 + " → ≤" + lmaxOut);
        }
        return new CouplingPaths(lmax1, lmax2, lmaxOut, symmetric, List.copyOf(paths));
    }

    /** Number of paths {@code P}. */
    public int size() {
        return paths.size();
    }

    public int dim1() {
        return SphericalHarmonics.dim(lmax1);
    }

    public int dim2() {
        return SphericalHarmonics.dim(lmax2);
    }

    public int dimOut() {
        return SphericalHarmonics.dim(lmaxOut);
    }

    /** Number of paths ending in degree {@code l3}. */
    public int pathsInto(int l3) {
        int n = 0;
        for (int[] p : paths) {
            if (p[2] == l3) {
                n++;
            }
        }
        return n;
    }

    /**
     * All path tensors packed, {@code T[p][a][b][o]} over the packed input indices {@code a, b}
     * and the packed output index {@code o}; path {@code p} only fills its {@code (l1, l2, l3)} blocks.
     */
    public double[][][][] tensor() {
        double[][][][] t = new double[size()][dim1()][dim2()][dimOut()];
        for (int p = 0; p < size(); p++) {
            int l1 = paths.get(p)[0];
            int l2 = paths.get(p)[1];
            int l3 = paths.get(p)[2];
            double[][][] c = Wigner3j.of(l1, l2, l3);
            double scale = Math.sqrt(2 * l3 + 1) / Math.sqrt(pathsInto(l3));
            for (int i = 0; i < 2 * l1 + 1; i++) {
                for (int j = 0; j < 2 * l2 + 1; j++) {
                    for (int k = 0; k < 2 * l3 + 1; k++) {
                        t[p][l1 * l1 + i][l2 * l2 + j][l3 * l3 + k] = scale * c[i][j][k];
                    }
                }
            }
        }
        return t;
    }

    /**
     * Layout for coupling with a channel-free second input (edge spherical harmonics): a matrix
     * {@code [dim2, P·dimOut·dim1]}, row {@code b}, column {@code (p·dimOut + o)·dim1 + a}, so that
     * {@code Y[E, dim2] × G} reshaped to {@code [E, P·dimOut, dim1]} is the per-edge coupling
     * operator applied to features {@code [E, dim1, C]} by one batched matmul.
     */
    public double[] edgeMatrix() {
        double[][][][] t = tensor();
        int d1 = dim1();
        int d2 = dim2();
        int dO = dimOut();
        int cols = size() * dO * d1;
        double[] g = new double[d2 * cols];
        for (int p = 0; p < size(); p++) {
            for (int a = 0; a < d1; a++) {
                for (int b = 0; b < d2; b++) {
                    for (int o = 0; o < dO; o++) {
                        g[b * cols + (p * dO + o) * d1 + a] = t[p][a][b][o];
                    }
                }
            }
        }
        return g;
    }

    /**
     * Layout for coupling two channel-wise inputs: a matrix {@code [P·dimOut, dim1·dim2]}, row
     * {@code p·dimOut + o}, column {@code a·dim2 + b}, applied to the outer product
     * {@code x[:, a, c]·y[:, b, c]} reshaped to {@code [N, dim1·dim2, C]}.
     */
    public double[] nodeMatrix() {
        double[][][][] t = tensor();
        int d1 = dim1();
        int d2 = dim2();
        int dO = dimOut();
        double[] g = new double[size() * dO * d1 * d2];
        for (int p = 0; p < size(); p++) {
            for (int o = 0; o < dO; o++) {
                for (int a = 0; a < d1; a++) {
                    for (int b = 0; b < d2; b++) {
                        g[(p * dO + o) * d1 * d2 + a * d2 + b] = t[p][a][b][o];
                    }
                }
            }
        }
        return g;
    }
}
