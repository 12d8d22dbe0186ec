package io.moiety.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A weighted directed acyclic graph over named variables: {@code b[i][j]} is the direct effect of
 * variable {@code j} on variable {@code i} (a unit change of {@code x_j} changes {@code x_i} by
 * {@code b[i][j]}, in the units of the data the graph was fitted on); {@code order} is a causal
 * order, causes first, so {@code b[order[k]][order[l]] == 0} whenever {@code l >= k}.
 *
 * <p>The arrays are copied in and out, so a graph cannot be changed after construction.
 */
public record CausalGraph(List<String> names, double[][] b, int[] order) {

    public CausalGraph {
        names = List.copyOf(names);
        int p = names.size();
        if (b.length != p) {
            throw new IllegalArgumentException(p + " names but b has " + b.length + " rows");
        }
        b = copy(b);
        for (int i = 0; i < p; i++) {
            if (b[i].length != p) {
                throw new IllegalArgumentException("b row " + i + " has " + b[i].length + " entries, expected " + p);
            }
        }
        order = order.clone();
        if (order.length != p) {
            throw new IllegalArgumentException("order has " + order.length + " entries, expected " + p);
        }
        boolean[] seen = new boolean[p];
        for (int v : order) {
            if (v < 0 || v >= p || seen[v]) {
                throw new IllegalArgumentException("order " + Arrays.toString(order) + " is not a permutation of 0.." + (p - 1));
            }
            seen[v] = true;
        }
        for (int k = 0; k < p; k++) {
            for (int l = k; l < p; l++) {
                if (b[order[k]][order[l]] != 0) {
                    throw new IllegalArgumentException("b[" + order[k] + "][" + order[l] + "] = " + b[order[k]][order[l]]
                            + " but " + names.get(order[l]) + " does not precede " + names.get(order[k]) + " in the causal order");
                }
            }
        }
    }

    /** Number of variables. */
    public int size() {
        return names.size();
    }

    /** Index of the variable called {@code name}. */
    public int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no variable '" + name + "'; variables: " + String.join(", ", names));
        }
        return i;
    }

    /** A copy of the weight matrix. */
    @Override
    public double[][] b() {
        return copy(b);
    }

    /** A copy of the causal order. */
    @Override
    public int[] order() {
        return order.clone();
    }

    /** Direct effect of {@code cause} on {@code effect}: {@code b[effect][cause]}. */
    public double effect(int cause, int effect) {
        return b[effect][cause];
    }

    /** Variables with a nonzero direct effect on {@code i}, in increasing index order. */
    public List<Integer> parents(int i) {
        List<Integer> parents = new ArrayList<>();
        for (int j = 0; j < size(); j++) {
            if (b[i][j] != 0) {
                parents.add(j);
            }
        }
        return parents;
    }

    /**
     * Mean direct effect of each variable on all variables: the column means of {@code b}
     * (signed, averaged over all {@code p} rows including the zeros). The published feature
     * selection ranks variables by the magnitude of this.
     */
    public double[] meanOutgoingEffects() {
        int p = size();
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                s += b[i][j];
            }
            mean[j] = s / p;
        }
        return mean;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
