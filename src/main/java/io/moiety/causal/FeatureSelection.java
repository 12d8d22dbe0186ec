package io.moiety.causal;

import io.moiety.props.Standardization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Causal feature selection (Fox and Ghosh 2024): DirectLiNGAM on all standardised candidate
 * variables with one variable (the polarisability) as a sink, variables ranked by the magnitude
 * of their mean outgoing direct effect (the column means of B, zeros included), the best
 * {@code keep} kept.
 *
 * @param graph   the fitted graph over the standardised variables
 * @param ranking the non-sink variables, strongest mean outgoing effect first
 * @param effects {@code |mean outgoing effect|} of each variable of {@code ranking}, same order
 * @param kept    the first {@code keep} of {@code ranking}
 */
public record FeatureSelection(CausalGraph graph, List<String> ranking, double[] effects, List<String> kept) {
    public FeatureSelection {
        ranking = List.copyOf(ranking);
        effects = effects.clone();
        kept = List.copyOf(kept);
    }

    /**
     * Selects {@code keep} of the columns {@code names} of {@code x} (raw units; standardised
     * here with the population standard deviation) with column {@code sink} as the sink.
     */
    public static FeatureSelection select(double[][] x, List<String> names, String sink, int keep) {
        int s = names.indexOf(sink);
        if (s < 0) {
            throw new IllegalArgumentException("sink '" + sink + "' is not a column; columns: " + String.join(", ", names));
        }
        if (keep < 1 || keep > names.size() - 1) {
            throw new IllegalArgumentException("keep must be 1.." + (names.size() - 1) + ", got " + keep);
        }
        double[][] z = Standardization.fit(x, 0, names).apply(x);
        CausalGraph g = new DirectLingam(Set.of(s)).fit(z, names);
        double[] mean = g.meanOutgoingEffects();
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (j != s) {
                idx.add(j);
            }
        }
        idx.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(mean[j])).thenComparing(j -> j));
        List<String> ranking = new ArrayList<>();
        double[] effects = new double[idx.size()];
        for (int k = 0; k < idx.size(); k++) {
            ranking.add(names.get(idx.get(k)));
            effects[k] = Math.abs(mean[idx.get(k)]);
        }
        return new FeatureSelection(g, ranking, effects, ranking.subList(0, keep));
    }
}
