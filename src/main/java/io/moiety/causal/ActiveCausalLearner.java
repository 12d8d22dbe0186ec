package io.moiety.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Active causal learning (Fox and Ghosh 2024): grow a training subset batch by batch so that
 * the causal graph fitted on the subset approaches the graph of all molecules as fast as
 * possible, measured by the {@link GraphLoss#laplacianSpectral Laplacian spectral distance}.
 *
 * <p>A run starts from one random molecule. In each iteration the {@link Strategy#ACTIVE active}
 * strategy draws a batch of random, not yet chosen molecules from every pool (sub-space),
 * fits DirectLiNGAM (target as sink) on the subset plus each batch, and keeps the batch whose
 * graph is closest to the global one; the {@link Strategy#RANDOM random} baseline adds a batch
 * from one pool chosen at random. Every run has its own seeded generator, derived from the
 * settings' seed and the repeat number, so results do not depend on how many runs go in
 * parallel, and both strategies of a repeat start from the same molecule.
 *
 * <p>Variables are taken as given (standardise them once, on all molecules, before). A variable
 * that is constant within a candidate subset carries no information there: it is left out of
 * that fit and its row and column of B are zero. Each step also records the R² on a held-out
 * set of an ordinary least-squares regressor of the target on the other variables, fitted on
 * the subset.
 */
public final class ActiveCausalLearner {
    /** Batch size, iterations per run, repeats per strategy and the seed of all draws. */
    public record Settings(int batch, int iterations, int repeats, long seed) {
        public Settings {
            if (batch < 1 || iterations < 1 || repeats < 1) {
                throw new IllegalArgumentException("batch, iterations and repeats must be ≥ 1, got "
                        + batch + ", " + iterations + ", " + repeats);
            }
        }
    }

    /** How the next batch is chosen. */
    public enum Strategy {
        /** The batch, among one per pool, that brings the graph closest to the global one. */
        ACTIVE,
        /** A batch from a pool chosen at random. */
        RANDOM;

        /** Lower-case name, as written to files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One iteration of a run: subset size after it, graph loss and held-out R² of the subset,
     * and the pool the batch came from.
     */
    public record Step(Strategy strategy, int repeat, int iteration, int size, double graphLoss, double r2, int pool) {}

    /** The steps of one run and the final subset (row indices into the learning data). */
    public record Run(Strategy strategy, int repeat, List<Step> steps, int[] subset) {
        public Run {
            steps = List.copyOf(steps);
            subset = subset.clone();
        }

        @Override
        public int[] subset() {
            return subset.clone();
        }
    }

    private final double[][] x;
    private final List<String> names;
    private final int target;
    private final int[] pools;
    private final int poolCount;
    private final double[][] heldOut;
    private final Settings settings;
    private final CausalGraph global;

    /**
     * @param x       learning data, rows = molecules, columns = {@code names}
     * @param target  column of the target (a sink in every fit, the regressor's output)
     * @param pools   pool of each row, 0 … k−1
     * @param heldOut rows never selected, same columns, for the R² side metric
     */
    public ActiveCausalLearner(double[][] x, List<String> names, int target, int[] pools, double[][] heldOut, Settings settings) {
        if (pools.length != x.length) {
            throw new IllegalArgumentException(x.length + " rows but " + pools.length + " pool labels");
        }
        this.x = x;
        this.names = List.copyOf(names);
        this.target = target;
        this.pools = pools.clone();
        this.poolCount = Arrays.stream(pools).max().orElse(-1) + 1;
        this.heldOut = heldOut;
        this.settings = settings;
        this.global = new DirectLingam(Set.of(target)).fit(x, this.names);
    }

    /** The graph of all learning molecules, the reference of the graph loss. */
    public CausalGraph globalGraph() {
        return global;
    }

    /** Number of pools. */
    public int pools() {
        return poolCount;
    }

    /** One run of {@code strategy} with repeat number {@code repeat} (0-based). */
    public Run run(Strategy strategy, int repeat) {
        SplittableRandom start = new SplittableRandom(settings.seed() * 1_000_003L + repeat);
        SplittableRandom draws = new SplittableRandom(settings.seed() * 1_000_003L + repeat + (strategy == Strategy.ACTIVE ? 500_009L : 700_001L));
        List<List<Integer>> available = new ArrayList<>();
        for (int k = 0; k < poolCount; k++) {
            available.add(new ArrayList<>());
        }
        for (int r = 0; r < x.length; r++) {
            available.get(pools[r]).add(r);
        }
        List<Integer> subset = new ArrayList<>();
        int first = start.nextInt(x.length);
        subset.add(first);
        available.get(pools[first]).remove(Integer.valueOf(first));
        List<Step> steps = new ArrayList<>();
        for (int it = 1; it <= settings.iterations(); it++) {
            int chosenPool = -1;
            List<Integer> chosenBatch = null;
            double chosenLoss = Double.POSITIVE_INFINITY;
            if (strategy == Strategy.ACTIVE) {
                for (int k = 0; k < poolCount; k++) {
                    List<Integer> batch = draw(available.get(k), draws);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    double loss = loss(concat(subset, batch));
                    if (chosenBatch == null || loss < chosenLoss) {
                        chosenPool = k;
                        chosenBatch = batch;
                        chosenLoss = loss;
                    }
                }
            } else {
                List<Integer> nonEmpty = new ArrayList<>();
                for (int k = 0; k < poolCount; k++) {
                    if (!available.get(k).isEmpty()) {
                        nonEmpty.add(k);
                    }
                }
                if (!nonEmpty.isEmpty()) {
                    chosenPool = nonEmpty.get(draws.nextInt(nonEmpty.size()));
                    chosenBatch = draw(available.get(chosenPool), draws);
                    chosenLoss = loss(concat(subset, chosenBatch));
                }
            }
            if (chosenBatch == null) {
                break;
            }
            subset.addAll(chosenBatch);
            available.get(chosenPool).removeAll(chosenBatch);
            steps.add(new Step(strategy, repeat, it, subset.size(), chosenLoss, heldOutR2(subset), chosenPool));
        }
        return new Run(strategy, repeat, steps, subset.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Up to {@code batch} distinct random elements of {@code from} (which is left unchanged). */
    private List<Integer> draw(List<Integer> from, SplittableRandom rng) {
        int m = Math.min(settings.batch(), from.size());
        Integer[] a = from.toArray(new Integer[0]);
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(a.length - i);
            Integer t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return new ArrayList<>(Arrays.asList(a).subList(0, m));
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private double loss(List<Integer> rows) {
        return GraphLoss.laplacianSpectral(fit(rows), global.b());
    }

    /**
     * B of DirectLiNGAM on the given rows, with the target as sink; variables constant on these
     * rows are left out (zero rows and columns).
     */
    public double[][] fit(List<Integer> rows) {
        int p = names.size();
        double[][] sub = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            sub[r] = x[rows.get(r)];
        }
        List<Integer> varying = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double first = sub[0][j];
            for (double[] row : sub) {
                if (row[j] != first) {
                    varying.add(j);
                    break;
                }
            }
        }
        double[][] b = new double[p][p];
        if (varying.size() < 2 || !varying.contains(target) || sub.length <= varying.size()) {
            return b;
        }
        double[][] reduced = new double[sub.length][varying.size()];
        List<String> reducedNames = new ArrayList<>();
        for (int k = 0; k < varying.size(); k++) {
            reducedNames.add(names.get(varying.get(k)));
            for (int r = 0; r < sub.length; r++) {
                reduced[r][k] = sub[r][varying.get(k)];
            }
        }
        double[][] rb = new DirectLingam(Set.of(varying.indexOf(target))).fit(reduced, reducedNames).b();
        for (int i = 0; i < varying.size(); i++) {
            for (int j = 0; j < varying.size(); j++) {
                b[varying.get(i)][varying.get(j)] = rb[i][j];
            }
        }
        return b;
    }

    /** R² on the held-out rows of least squares of the target on all other columns, fitted on {@code rows}. */
    private double heldOutR2(List<Integer> rows) {
        int p = names.size();
        int[] inputs = new int[p - 1];
        for (int j = 0, k = 0; j < p; j++) {
            if (j != target) {
                inputs[k++] = j;
            }
        }
        double[][] sub = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            sub[r] = x[rows.get(r)];
            y[r] = sub[r][target];
        }
        LinearPredictor model = LinearRegression.fit(sub, y, inputs);
        double[] observed = new double[heldOut.length];
        for (int r = 0; r < heldOut.length; r++) {
            observed[r] = heldOut[r][target];
        }
        return RSquared.of(observed, model.predict(heldOut));
    }
}
