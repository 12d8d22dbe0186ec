package io.moiety.causal;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-iteration mean and standard deviation over repeats of one strategy's subset size,
 * graph loss and held-out R², and how often each pool was chosen.
 *
 * @param strategy  the strategy
 * @param size      mean subset size per iteration (1-based iteration i at index i − 1)
 * @param loss      mean graph loss
 * @param lossSd    population standard deviation of the graph loss over repeats
 * @param r2        mean held-out R²
 * @param r2Sd      its standard deviation
 * @param poolCount {@code poolCount[i][k]}: repeats whose batch at iteration i + 1 came from pool k
 */
public record LearningCurves(ActiveCausalLearner.Strategy strategy, double[] size, double[] loss, double[] lossSd,
                             double[] r2, double[] r2Sd, int[][] poolCount) {

    /** Curves of {@code strategy} from the runs (others are ignored); iterations beyond the shortest run are dropped. */
    public static LearningCurves of(List<ActiveCausalLearner.Run> runs, ActiveCausalLearner.Strategy strategy, int pools) {
        List<ActiveCausalLearner.Run> mine = new ArrayList<>();
        int len = Integer.MAX_VALUE;
        for (ActiveCausalLearner.Run r : runs) {
            if (r.strategy() == strategy) {
                mine.add(r);
                len = Math.min(len, r.steps().size());
            }
        }
        if (mine.isEmpty()) {
            throw new IllegalArgumentException("no runs of strategy " + strategy.label());
        }
        double[] size = new double[len], loss = new double[len], lossSd = new double[len], r2 = new double[len], r2Sd = new double[len];
        int[][] count = new int[len][pools];
        for (int i = 0; i < len; i++) {
            double[] s = new double[mine.size()], l = new double[mine.size()], q = new double[mine.size()];
            for (int k = 0; k < mine.size(); k++) {
                ActiveCausalLearner.Step st = mine.get(k).steps().get(i);
                s[k] = st.size();
                l[k] = st.graphLoss();
                q[k] = st.r2();
                count[i][st.pool()]++;
            }
            size[i] = DenseAlgebra.mean(s);
            loss[i] = DenseAlgebra.mean(l);
            lossSd[i] = DenseAlgebra.sd(l);
            r2[i] = DenseAlgebra.mean(q);
            r2Sd[i] = DenseAlgebra.sd(q);
        }
        return new LearningCurves(strategy, size, loss, lossSd, r2, r2Sd, count);
    }

    /** Number of iterations. */
    public int length() {
        return size.length;
    }

    /**
     * The first mean subset size from which the mean graph loss stays within
     * {@code fraction} (e.g. 0.1) of its value at the last iteration.
     */
    public double sizeWithin(double fraction) {
        double last = loss[loss.length - 1];
        int first = loss.length - 1;
        for (int i = loss.length - 1; i >= 0; i--) {
            if (Math.abs(loss[i] - last) <= fraction * Math.abs(last)) {
                first = i;
            } else {
                break;
            }
        }
        return size[first];
    }
}
