package io.moiety.causal;

/**
 * A fitted linear model of one target: {@code y = intercept + Σ_k coefficients[k] · row[inputs[k]]},
 * where {@code row} is a full variable vector (all columns of the data, the target's own column
 * among them but not used) and {@code inputs} are the column indices the model reads.
 */
public record LinearPredictor(int[] inputs, double[] coefficients, double intercept) {

    public LinearPredictor {
        if (inputs.length != coefficients.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + coefficients.length + " coefficients");
        }
        inputs = inputs.clone();
        coefficients = coefficients.clone();
    }

    /** A copy of the input column indices. */
    @Override
    public int[] inputs() {
        return inputs.clone();
    }

    /** A copy of the coefficients, one per input. */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The prediction for one full variable vector. */
    public double predict(double[] row) {
        double y = intercept;
        for (int k = 0; k < inputs.length; k++) {
            y += coefficients[k] * row[inputs[k]];
        }
        return y;
    }

    /** Predictions for every row. */
    public double[] predict(double[][] rows) {
        double[] y = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            y[r] = predict(rows[r]);
        }
        return y;
    }

    /** Coefficient of column {@code column} (0 if the model does not read it). */
    public double coefficientOf(int column) {
        double c = 0;
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k] == column) {
                c += coefficients[k];
            }
        }
        return c;
    }
}
