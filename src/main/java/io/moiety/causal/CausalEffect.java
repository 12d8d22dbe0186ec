package io.moiety.causal;

import io.moiety.props.Standardization;

/**
 * Interventional effects in a fitted linear causal graph, and their effect on a linear
 * prediction (Blöbaum and Shimizu, "Estimation of interventional effects of features on
 * prediction", IEEE MLSP 2017; the quantities of lingam's {@code CausalEffect}).
 *
 * <p>The graph is the structural model {@code x_i = Σ_j b[i][j] x_j + e_i}. An intervention
 * {@code do(x_j = v)} replaces the equation of {@code x_j} by the constant {@code v} and
 * propagates down the causal order; variables that are not descendants of {@code x_j} keep their
 * values.
 */
public final class CausalEffect {
    private final double[][] b;
    private final int[] order;

    public CausalEffect(CausalGraph g) {
        this.b = g.b();
        this.order = g.order();
    }

    /**
     * One sample after {@code do(x_j = value)}: its noise terms {@code e = x − B x} are kept, so
     * non-descendants of {@code j} are unchanged and each descendant moves by the total effect
     * of {@code j} on it times {@code value − row[j]}.
     */
    public double[] intervene(double[] row, int j, double value) {
        return propagate(noiseOf(row), j, value);
    }

    /**
     * The expected variable vector under {@code do(x_j = value)}, with the noise means
     * {@code E e = E x − B E x} estimated from the rows of {@code x}.
     */
    public double[] expectationUnder(double[][] x, int j, double value) {
        return propagate(noiseMeans(x), j, value);
    }

    /**
     * Effect of each variable on the prediction: for variable {@code i},
     * {@code |E[ŷ | do(x_i = μ_i)] − E[ŷ | do(x_i = μ_i + σ_i)]|} with {@code μ_i, σ_i} the
     * mean and population standard deviation of column {@code i} of {@code x}. (lingam also
     * reports the same with {@code μ_i − σ_i}; for a linear predictor the two are equal.)
     */
    public double[] effectsOnPrediction(double[][] x, LinearPredictor p) {
        int vars = b.length;
        Standardization.checkMatrix(x);
        double[] noise = noiseMeans(x);
        double[] effects = new double[vars];
        for (int i = 0; i < vars; i++) {
            double[] c = DenseAlgebra.column(x, i);
            double mean = DenseAlgebra.mean(c);
            double sd = DenseAlgebra.sd(c);
            double atMean = p.predict(propagate(noise, i, mean));
            double atPlus = p.predict(propagate(noise, i, mean + sd));
            effects[i] = Math.abs(atMean - atPlus);
        }
        return effects;
    }

    /**
     * The value {@code v} of {@code do(x_feature = v)} for which the expected prediction
     * {@code E[ŷ | do(x_feature = v)]} equals {@code desired}. The expected prediction is affine
     * in {@code v}; an error is raised when the feature has no effect on the prediction.
     */
    public double optimalIntervention(double[][] x, LinearPredictor p, int feature, double desired) {
        double[] noise = noiseMeans(x);
        double at0 = p.predict(propagate(noise, feature, 0));
        double at1 = p.predict(propagate(noise, feature, 1));
        return solveAffine(at0, at1, desired, feature);
    }

    /**
     * The value {@code v} of {@code do(x_feature = v)} that brings the prediction for this one
     * sample (its noise terms kept, as in {@link #intervene}) to {@code desired}.
     */
    public double optimalIntervention(double[] row, LinearPredictor p, int feature, double desired) {
        double at0 = p.predict(intervene(row, feature, 0));
        double at1 = p.predict(intervene(row, feature, 1));
        return solveAffine(at0, at1, desired, feature);
    }

    private static double solveAffine(double at0, double at1, double desired, int feature) {
        double slope = at1 - at0;
        if (Math.abs(slope) <= 1e-12 * Math.max(1, Math.abs(at0))) {
            throw new IllegalArgumentException("variable " + feature + " has no causal effect on the prediction");
        }
        return (desired - at0) / slope;
    }

    private double[] noiseMeans(double[][] x) {
        int p = b.length;
        if (Standardization.checkMatrix(x) != p) {
            throw new IllegalArgumentException("data has " + x[0].length + " columns, graph has " + p + " variables");
        }
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = DenseAlgebra.mean(DenseAlgebra.column(x, j));
        }
        return noiseOf(mean);
    }

    /** The noise terms {@code e = v − B v} of a variable vector. */
    private double[] noiseOf(double[] v) {
        int p = b.length;
        double[] noise = new double[p];
        for (int i = 0; i < p; i++) {
            double s = v[i];
            for (int k = 0; k < p; k++) {
                s -= b[i][k] * v[k];
            }
            noise[i] = s;
        }
        return noise;
    }

    private double[] propagate(double[] noise, int j, double value) {
        int p = b.length;
        if (j < 0 || j >= p) {
            throw new IllegalArgumentException("variable " + j + " is not in 0.." + (p - 1));
        }
        double[] x = new double[p];
        for (int i : order) {
            if (i == j) {
                x[i] = value;
            } else {
                double s = noise[i];
                for (int k = 0; k < p; k++) {
                    s += b[i][k] * x[k];
                }
                x[i] = s;
            }
        }
        return x;
    }
}
