package io.moiety.props;

import io.moiety.descriptors.PropertyTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Generates benchmark splits for a dataset without published ones, following the published rules
 * (the training set is always N_in molecules; every rule is seeded):
 * <ul>
 * <li>interpolation: 5-fold cross-validation over all molecules (shuffled with the seed);
 * <li>property: the central band is the B molecules whose target is closest to the median, with
 *     B = min(⌈1.25·N_in⌉, N_in + ⌊(n − N_in)/2⌋); training = N_in of them drawn at random; test =
 *     every molecule outside the band (both tails);
 * <li>cluster: ECFP4 fingerprints are cut into 10 clusters by k-medoids on the Tanimoto distance
 *     (seeded k-means++ start); a random seed cluster and then the clusters nearest to it (medoid
 *     distance) are taken, molecules nearest to the seed medoid first, until N_in; test = every
 *     cluster without a training molecule;
 * <li>similarity: molecules are ranked by their mean Tanimoto similarity to all others (most central
 *     first); training = N_in drawn at random from the B most central; test = all outside them.
 * </ul>
 * Splits whose test set would be empty (N_in too large for the dataset) are left out.
 */
public final class SplitGenerator {
    static final int CLUSTERS = 10;

    private SplitGenerator() {}

    /** 5-fold cross-validation splits over all molecules. */
    public static List<BenchSplit> interpolation(int n, long seed) {
        int[] fold = Folds.assign(n, 5, seed);
        List<BenchSplit> out = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            out.add(new BenchSplit("interpolation", n, seed, f, Folds.rows(fold, f, false), Folds.rows(fold, f, true)));
        }
        return out;
    }

    /** The extrapolation splits of {@code table} for every N_in and seed. */
    public static List<BenchSplit> extrapolation(PropertyTable table, int[] nIns, long[] seeds) {
        int n = table.size();
        double[][] fp = FingerprintRidge.fingerprints(table);
        double[][] sim = new double[n][n];
        Kernel tanimoto = Kernel.tanimoto();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                sim[i][j] = sim[j][i] = tanimoto.value(fp[i], fp[j]);
            }
        }
        double median = median(table.target());
        Integer[] byTarget = order(n, i -> Math.abs(table.target()[i] - median));
        Integer[] byCentrality = order(n, i -> -Arrays.stream(sim[i]).sum());
        List<BenchSplit> out = new ArrayList<>();
        for (int nIn : nIns) {
            if (nIn >= n) {
                continue;
            }
            int band = Math.min((int) Math.ceil(1.25 * nIn), nIn + (n - nIn) / 2);
            for (long seed : seeds) {
                out.add(bandSplit("property", byTarget, band, nIn, seed));
                BenchSplit c = clusterSplit(sim, nIn, seed);
                if (c != null) {
                    out.add(c);
                }
                out.add(bandSplit("similarity", byCentrality, band, nIn, seed));
            }
        }
        return out;
    }

    private static BenchSplit bandSplit(String kind, Integer[] ranked, int band, int nIn, long seed) {
        int[] inBand = Arrays.stream(ranked, 0, band).mapToInt(Integer::intValue).toArray();
        shuffle(inBand, new Random(seed ^ kind.hashCode()));
        int[] train = Arrays.copyOf(inBand, nIn);
        Arrays.sort(train);
        int[] test = new int[ranked.length - band];
        for (int i = band; i < ranked.length; i++) {
            test[i - band] = ranked[i];
        }
        Arrays.sort(test);
        return new BenchSplit(kind, nIn, seed, 0, train, test);
    }

    private static BenchSplit clusterSplit(double[][] sim, int nIn, long seed) {
        int n = sim.length;
        int[] medoids = kMedoids(sim, Math.min(CLUSTERS, n), seed);
        int[] cluster = assign(sim, medoids);
        Random rnd = new Random(seed ^ 0x5eedL);
        int first = rnd.nextInt(medoids.length);
        int seedMedoid = medoids[first];
        Integer[] clusterOrder = order(medoids.length, c -> c == first ? -1 : 1 - sim[seedMedoid][medoids[c]]);
        int[] rank = new int[medoids.length];
        for (int r = 0; r < clusterOrder.length; r++) {
            rank[clusterOrder[r]] = r;
        }
        Integer[] molecules = order(n, i -> rank[cluster[i]] * 10.0 + (1 - sim[seedMedoid][i]));
        boolean[] used = new boolean[medoids.length];
        int[] train = new int[nIn];
        for (int i = 0; i < nIn; i++) {
            train[i] = molecules[i];
            used[cluster[molecules[i]]] = true;
        }
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!used[cluster[i]]) {
                test.add(i);
            }
        }
        if (test.isEmpty()) {
            return null;
        }
        Arrays.sort(train);
        return new BenchSplit("cluster", nIn, seed, 0, train, test.stream().mapToInt(Integer::intValue).toArray());
    }

    /** k-medoids (alternating assignment and medoid update) on similarity {@code sim}, k-means++ start. */
    static int[] kMedoids(double[][] sim, int k, long seed) {
        int n = sim.length;
        Random rnd = new Random(seed);
        int[] medoids = new int[k];
        medoids[0] = rnd.nextInt(n);
        double[] d = new double[n];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int m = 0; m < c; m++) {
                    best = Math.min(best, 1 - sim[i][medoids[m]]);
                }
                d[i] = best * best;
                total += d[i];
            }
            double r = rnd.nextDouble() * total;
            int pick = 0;
            for (; pick < n - 1 && r > d[pick]; pick++) {
                r -= d[pick];
            }
            medoids[c] = pick;
        }
        for (int iter = 0; iter < 20; iter++) {
            int[] cluster = assign(sim, medoids);
            boolean changed = false;
            for (int c = 0; c < k; c++) {
                int best = medoids[c];
                double bestCost = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (cluster[i] != c) {
                        continue;
                    }
                    double cost = 0;
                    for (int j = 0; j < n; j++) {
                        if (cluster[j] == c) {
                            cost += 1 - sim[i][j];
                        }
                    }
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = i;
                    }
                }
                changed |= best != medoids[c];
                medoids[c] = best;
            }
            if (!changed) {
                break;
            }
        }
        return medoids;
    }

    static int[] assign(double[][] sim, int[] medoids) {
        int[] cluster = new int[sim.length];
        for (int i = 0; i < sim.length; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < medoids.length; c++) {
                if (sim[i][medoids[c]] > best) {
                    best = sim[i][medoids[c]];
                    cluster[i] = c;
                }
            }
        }
        return cluster;
    }

    private static Integer[] order(int n, java.util.function.IntToDoubleFunction key) {
        Integer[] idx = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparingDouble(key::applyAsDouble).thenComparingInt(i -> i));
        return idx;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
