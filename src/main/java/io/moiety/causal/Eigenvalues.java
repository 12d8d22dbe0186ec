package io.moiety.causal;

/** Eigenvalues of a general real square matrix, as {@code [re, im]} pairs. */
final class Eigenvalues {
    private Eigenvalues() {}

    static double[][] of(double[][] a) {
        throw new UnsupportedOperationException("eigenvalues of a cyclic graph's Laplacian are not implemented yet");
    }
}
