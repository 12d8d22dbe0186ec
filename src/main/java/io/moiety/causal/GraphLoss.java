package io.moiety.causal;

import java.util.Arrays;

/**
 * Distances between two weighted graphs over the same variables in the same order, each given
 * by its matrix {@code b[i][j]} = weight of the edge {@code j → i}.
 */
public final class GraphLoss {
    private GraphLoss() {}

    /**
     * Laplacian spectral distance: the Euclidean distance between the eigenvalues of
     * {@code L = D − B} (with {@code D} the diagonal of the row sums of {@code B}) of the two
     * graphs, each sorted in decreasing order (by real part, then imaginary part).
     *
     * <p>{@code L} is not symmetric. When the support of {@code B} (off the diagonal) is acyclic,
     * {@code L} is triangular under a topological order, so its eigenvalues are exactly its
     * diagonal, {@code Σ_j b[i][j] − b[i][i]}, and the distance is that between the sorted row
     * sums; that is computed directly. Otherwise the eigenvalues are those of the general
     * (possibly complex) spectrum, and complex differences enter by their modulus.
     */
    public static double laplacianSpectral(double[][] b1, double[][] b2) {
        checkSameSize(b1, b2);
        double[][] e1 = laplacianEigenvalues(b1);
        double[][] e2 = laplacianEigenvalues(b2);
        double s = 0;
        for (int i = 0; i < e1.length; i++) {
            double dr = e1[i][0] - e2[i][0];
            double di = e1[i][1] - e2[i][1];
            s += dr * dr + di * di;
        }
        return Math.sqrt(s);
    }

    /**
     * Eigenvalues of {@code L = D − B} as {@code [re, im]} pairs, sorted decreasing by real part
     * then imaginary part.
     */
    public static double[][] laplacianEigenvalues(double[][] b) {
        int p = b.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            double rowSum = 0;
            for (int j = 0; j < p; j++) {
                rowSum += b[i][j];
                l[i][j] = -b[i][j];
            }
            l[i][i] += rowSum;
        }
        double[][] eig;
        if (isAcyclic(b)) {
            eig = new double[p][];
            for (int i = 0; i < p; i++) {
                eig[i] = new double[] {l[i][i], 0};
            }
        } else {
            eig = Eigenvalues.of(l);
        }
        Arrays.sort(eig, (a, c) -> a[0] != c[0] ? Double.compare(c[0], a[0]) : Double.compare(c[1], a[1]));
        return eig;
    }

    /** Frobenius norm of {@code b1 − b2}: compares edge weights node by node. */
    public static double frobenius(double[][] b1, double[][] b2) {
        checkSameSize(b1, b2);
        double s = 0;
        for (int i = 0; i < b1.length; i++) {
            for (int j = 0; j < b1.length; j++) {
                double d = b1[i][j] - b2[i][j];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    /**
     * Structural Hamming distance between the graphs whose edges are the entries with
     * {@code |b| > threshold}: the number of variable pairs {@code {i, j}} whose connection
     * differs (an edge added, removed, or reversed counts once).
     */
    public static int structuralHamming(double[][] b1, double[][] b2, double threshold) {
        checkSameSize(b1, b2);
        int d = 0;
        for (int i = 0; i < b1.length; i++) {
            for (int j = i + 1; j < b1.length; j++) {
                boolean same = (Math.abs(b1[i][j]) > threshold) == (Math.abs(b2[i][j]) > threshold)
                        && (Math.abs(b1[j][i]) > threshold) == (Math.abs(b2[j][i]) > threshold);
                if (!same) {
                    d++;
                }
            }
        }
        return d;
    }

    /** Whether the directed graph of the nonzero off-diagonal entries of {@code b} has no cycle. */
    static boolean isAcyclic(double[][] b) {
        int p = b.length;
        int[] indegree = new int[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                if (i != j && b[i][j] != 0) {
                    indegree[i]++;
                }
            }
        }
        int[] queue = new int[p];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < p; i++) {
            if (indegree[i] == 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int j = queue[head++];
            for (int i = 0; i < p; i++) {
                if (i != j && b[i][j] != 0 && --indegree[i] == 0) {
                    queue[tail++] = i;
                }
            }
        }
        return tail == p;
    }

    private static void checkSameSize(double[][] b1, double[][] b2) {
        if (b1.length != b2.length) {
            throw new IllegalArgumentException("graphs over " + b1.length + " and " + b2.length + " variables");
        }
        for (int i = 0; i < b1.length; i++) {
            if (b1[i].length != b1.length || b2[i].length != b2.length) {
                throw new IllegalArgumentException("weight matrices must be square");
            }
        }
    }
}
