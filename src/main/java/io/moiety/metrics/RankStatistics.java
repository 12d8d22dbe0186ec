package io.moiety.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Rank-based statistics of a score: the area under the ROC curve for telling two groups apart
 * (e.g. OOD from ID frames by a committee's uncertainty) and rank (Spearman) and linear (Pearson)
 * correlation (e.g. between uncertainty and error). NaN values are not allowed; callers drop them.
 */
public final class RankStatistics {
    private RankStatistics() {}

    /**
     * ROC-AUC of {@code score} for telling {@code positives} from {@code negatives}, in the
     * Mann–Whitney form: the fraction of (positive, negative) pairs in which the positive scores
     * higher, a tie counting one half. 1 = every positive above every negative, 0.5 = no better than
     * chance. NaN when either group is empty.
     */
    public static double rocAuc(double[] negatives, double[] positives) {
        if (negatives.length == 0 || positives.length == 0) {
            return Double.NaN;
        }
        double[] all = new double[negatives.length + positives.length];
        System.arraycopy(negatives, 0, all, 0, negatives.length);
        System.arraycopy(positives, 0, all, negatives.length, positives.length);
        double[] ranks = ranks(all);
        double positiveRankSum = 0;
        for (int i = negatives.length; i < all.length; i++) {
            positiveRankSum += ranks[i];
        }
        double n1 = positives.length;
        double u = positiveRankSum - n1 * (n1 + 1) / 2;
        return u / (n1 * negatives.length);
    }

    /** Spearman's rank correlation: Pearson's correlation of the average ranks (ties share their mean rank). */
    public static double spearman(double[] x, double[] y) {
        sameLength(x, y);
        return pearson(ranks(x), ranks(y));
    }

    /** Pearson's linear correlation coefficient; NaN with fewer than two points or a constant variable. */
    public static double pearson(double[] x, double[] y) {
        sameLength(x, y);
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    /** 1-based ranks in ascending order; tied values get the mean of the ranks they span. */
    public static double[] ranks(double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                throw new IllegalArgumentException("NaN among the values to rank");
            }
        }
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }

    private static void sameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " values against " + y.length);
        }
    }
}
