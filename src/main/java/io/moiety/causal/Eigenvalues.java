package io.moiety.causal;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues of a general real square matrix, as {@code [re, im]} pairs (unsorted), from EJML's
 * general eigen decomposition (Hessenberg reduction and shifted QR iterations).
 */
final class Eigenvalues {

    private Eigenvalues() {}

    /** @param a a square matrix, unchanged */
    static double[][] of(double[][] a) {
        int n = a.length;
        EigenDecomposition_F64<DMatrixRMaj> decomposition = DecompositionFactory_DDRM.eig(n, false);
        if (!decomposition.decompose(new DMatrixRMaj(a))) {
            throw new IllegalStateException("the eigenvalues of a " + n + " × " + n + " matrix did not converge");
        }
        double[][] eig = new double[n][];
        for (int i = 0; i < n; i++) {
            Complex_F64 c = decomposition.getEigenvalue(i);
            eig[i] = new double[] {c.real, c.imaginary};
        }
        return eig;
    }
}
