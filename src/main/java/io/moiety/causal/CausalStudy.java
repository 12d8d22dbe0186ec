package io.moiety.causal;

import io.moiety.descriptors.MoleculeTable;
import io.moiety.props.Standardization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The data preparation of Fox and Ghosh's study on a molecule table: a seeded held-out set
 * (never selected, never fitted; the reference set of the designs), causal feature selection on
 * the learning molecules, the learning variables (the kept features plus the target) standardised
 * on the learning molecules, and the pools from a seeded Gaussian mixture on three descriptors.
 *
 * @param table      the molecules
 * @param selection  the feature selection (on the learning molecules, sink = polarisability)
 * @param variables  kept features, then the target
 * @param learning   rows of {@code table} available to the learner
 * @param heldOut    rows of {@code table} held out
 * @param scaling    standardisation of {@code variables}, fitted on the learning rows
 * @param x          standardised {@code variables} of the learning rows
 * @param xHeldOut   standardised {@code variables} of the held-out rows
 * @param pools      pool of each learning row
 * @param mixture    the Gaussian mixture that made the pools
 */
public record CausalStudy(MoleculeTable table, FeatureSelection selection, List<String> variables, int[] learning, int[] heldOut,
                          Standardization scaling, double[][] x, double[][] xHeldOut, int[] pools, GaussianMixture.Fit mixture) {

    /**
     * How to prepare: the sink of the feature selection, the target, how many features to keep,
     * the pool descriptors and count, the held-out fraction and the seed.
     */
    public record Settings(String sink, String target, int keep, List<String> poolVariables, int pools,
                           double heldOutFraction, long seed) {
        public Settings {
            poolVariables = List.copyOf(poolVariables);
            if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
                throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + heldOutFraction);
            }
            if (pools < 1) {
                throw new IllegalArgumentException("pools must be ≥ 1, got " + pools);
            }
        }
    }

    /** Prepares the study; descriptors constant over the learning molecules are dropped with a warning. */
    public static CausalStudy prepare(MoleculeTable table, Settings s, Consumer<String> warnings) {
        int n = table.size();
        List<Integer> rows = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(rows, new Random(s.seed()));
        int nHeld = (int) Math.round(s.heldOutFraction() * n);
        int[] heldOut = rows.subList(0, nHeld).stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] learning = rows.subList(nHeld, n).stream().mapToInt(Integer::intValue).sorted().toArray();
        List<String> candidates = new ArrayList<>();
        for (String c : table.columns()) {
            if (c.equals(s.target())) {
                continue;
            }
            double[] v = column(table, c, learning);
            boolean constant = true;
            for (double d : v) {
                constant &= d == v[0];
            }
            if (constant) {
                warnings.accept("column '" + c + "' is constant (" + v[0] + ") over the learning molecules: left out");
            } else {
                candidates.add(c);
            }
        }
        FeatureSelection selection = FeatureSelection.select(rowsOf(table.select(candidates), learning), candidates, s.sink(), s.keep());
        List<String> variables = new ArrayList<>(selection.kept());
        variables.add(s.target());
        double[][] all = table.select(variables);
        double[][] learn = rowsOf(all, learning);
        Standardization scaling = Standardization.fit(learn, 0, variables);
        double[][] poolData = Standardization.fit(rowsOf(table.select(s.poolVariables()), learning), 0, s.poolVariables())
                .apply(rowsOf(table.select(s.poolVariables()), learning));
        GaussianMixture.Fit gmm = GaussianMixture.fit(poolData, s.pools(), s.seed());
        return new CausalStudy(table, selection, variables, learning, heldOut, scaling, scaling.apply(learn),
                scaling.apply(rowsOf(all, heldOut)), gmm.labels(), gmm);
    }

    /** Index of the target among {@link #variables()}. */
    public int targetIndex() {
        return variables.size() - 1;
    }

    static double[][] rowsOf(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = x[rows[k]];
        }
        return out;
    }

    private static double[] column(MoleculeTable t, String name, int[] rows) {
        int c = t.index(name);
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = t.values()[rows[k]][c];
        }
        return out;
    }
}
