package io.moiety.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Designed interventions (Fox and Ghosh 2024, after Blöbaum and Shimizu 2017): on a training
 * subset, fit DirectLiNGAM (target as sink) and a least-squares predictor of the target from the
 * features; rank the features by their interventional effect on the prediction; for each of the
 * training molecules with the lowest target, find the value of the intervened feature that
 * brings the predicted target to the desired value (the molecule's other noise terms kept) and
 * propagate it down the graph; map each intervened vector to its nearest real molecules, by
 * Euclidean distance over the standardised features, in the held-out set that no model saw.
 *
 * <p>Two baselines pick as many distinct held-out molecules as the design proposes: at random
 * (seeded), and the ones the same predictor rates highest. Everything is in the study's
 * standardised units; {@link Candidate} converts values back.
 */
public final class InterventionDesign {
    /**
     * @param target     desired target value (raw units, e.g. 5 D)
     * @param molecules  training molecules to intervene on (the lowest-target ones)
     * @param neighbours nearest held-out molecules per intervened vector
     * @param feature    the feature to intervene on, or null for the one with the largest effect
     * @param seed       seed of the random baseline
     */
    public record Settings(double target, int molecules, int neighbours, String feature, long seed) {
        public Settings {
            if (molecules < 1 || neighbours < 1) {
                throw new IllegalArgumentException("molecules and neighbours must be ≥ 1, got " + molecules + ", " + neighbours);
            }
        }
    }

    /**
     * One proposed molecule.
     *
     * @param original          row of the intervened training molecule in the study's table
     * @param interventionValue value of the intervened feature (raw units)
     * @param intervenedTarget  predicted target of the intervened vector (raw units)
     * @param candidate         row of the proposed real molecule in the study's table
     * @param rank              1 for the nearest neighbour
     * @param distance          Euclidean distance in standardised feature space
     * @param predictedTarget   the predictor's target for the proposed molecule (raw units)
     */
    public record Candidate(int original, double interventionValue, double intervenedTarget, int candidate, int rank,
                            double distance, double predictedTarget) {}

    /**
     * @param graph      DirectLiNGAM graph of the training subset (standardised units)
     * @param predictor  least-squares predictor of the target (standardised units)
     * @param ranking    features by decreasing effect on the prediction
     * @param effects    the effects, same order (standardised target units per standard deviation of the feature)
     * @param feature    the intervened feature
     * @param candidates the proposals, by original then rank
     * @param random     table rows of the random baseline
     * @param regressor  table rows of the regressor baseline
     */
    public record Result(CausalGraph graph, LinearPredictor predictor, List<String> ranking, double[] effects, String feature,
                         List<Candidate> candidates, int[] random, int[] regressor) {
        /** Distinct table rows of the proposed molecules, in order of first appearance. */
        public int[] proposed() {
            Set<Integer> s = new LinkedHashSet<>();
            for (Candidate c : candidates) {
                s.add(c.candidate());
            }
            return s.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private InterventionDesign() {}

    /** Designs from the training subset {@code subset} (indices into the study's learning rows). */
    public static Result design(CausalStudy study, int[] subset, Settings s) {
        List<String> vars = study.variables();
        int t = study.targetIndex();
        double[][] xs = CausalStudy.rowsOf(study.x(), subset);
        CausalGraph g = new DirectLingam(Set.of(t)).fit(xs, vars);
        int[] features = new int[vars.size() - 1];
        for (int j = 0, k = 0; j < vars.size(); j++) {
            if (j != t) {
                features[k++] = j;
            }
        }
        double[] y = new double[xs.length];
        for (int r = 0; r < xs.length; r++) {
            y[r] = xs[r][t];
        }
        LinearPredictor p = LinearRegression.fit(xs, y, features);
        CausalEffect ce = new CausalEffect(g);
        double[] all = ce.effectsOnPrediction(xs, p);
        List<Integer> order = new ArrayList<>();
        for (int j : features) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -all[j]).thenComparing(j -> j));
        List<String> ranking = new ArrayList<>();
        double[] effects = new double[order.size()];
        for (int k = 0; k < order.size(); k++) {
            ranking.add(vars.get(order.get(k)));
            effects[k] = all[order.get(k)];
        }
        int j = s.feature() == null ? order.get(0) : vars.indexOf(s.feature());
        if (j < 0 || j == t) {
            throw new IllegalArgumentException("feature '" + s.feature() + "' is not one of the kept features: " + String.join(", ", ranking));
        }
        double[] mean = study.scaling().means();
        double[] scale = study.scaling().scales();
        double desired = (s.target() - mean[t]) / scale[t];

        Integer[] bySubsetTarget = IntStream.range(0, subset.length).boxed().toArray(Integer[]::new);
        Arrays.sort(bySubsetTarget, Comparator.comparingDouble((Integer k) -> xs[k][t]).thenComparing(k -> k));
        double[][] held = study.xHeldOut();
        List<Candidate> candidates = new ArrayList<>();
        for (int m = 0; m < Math.min(s.molecules(), subset.length); m++) {
            int k = bySubsetTarget[m];
            double[] row = xs[k];
            double v;
            try {
                v = ce.optimalIntervention(row, p, j, desired);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature '" + vars.get(j) + "' has no causal effect on the predicted "
                        + vars.get(t) + " in the fitted graph; choose another with --feature (" + String.join(", ", ranking) + ")", e);
            }
            double[] moved = ce.intervene(row, j, v);
            double predicted = p.predict(moved) * scale[t] + mean[t];
            Integer[] near = nearest(held, moved, features, s.neighbours());
            for (int r = 0; r < near.length; r++) {
                int h = near[r];
                candidates.add(new Candidate(study.learning()[subset[k]], v * scale[j] + mean[j], predicted, study.heldOut()[h], r + 1,
                        distance(held[h], moved, features), p.predict(held[h]) * scale[t] + mean[t]));
            }
        }
        int count = (int) candidates.stream().mapToInt(Candidate::candidate).distinct().count();
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, held.length).boxed().toList());
        Collections.shuffle(shuffled, new Random(s.seed()));
        int[] random = shuffled.subList(0, Math.min(count, held.length)).stream().mapToInt(h -> study.heldOut()[h]).toArray();
        Integer[] byPrediction = IntStream.range(0, held.length).boxed().toArray(Integer[]::new);
        double[] pred = p.predict(held);
        Arrays.sort(byPrediction, Comparator.comparingDouble((Integer h) -> -pred[h]).thenComparing(h -> h));
        int[] regressor = Arrays.stream(byPrediction).limit(count).mapToInt(h -> study.heldOut()[h]).toArray();
        return new Result(g, p, ranking, effects, vars.get(j), candidates, random, regressor);
    }

    private static Integer[] nearest(double[][] rows, double[] point, int[] features, int k) {
        Integer[] idx = new Integer[rows.length];
        double[] d = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            idx[r] = r;
            d[r] = distance(rows[r], point, features);
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer r) -> d[r]).thenComparing(r -> r));
        return Arrays.copyOf(idx, Math.min(k, rows.length));
    }

    private static double distance(double[] a, double[] b, int[] features) {
        double s = 0;
        for (int j : features) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }
}
