package io.moiety.props;

import io.moiety.descriptors.PropertyTable;

/**
 * ILR plus an RBF kernel ridge correction of its training residuals ("ilr+krr"): the linear,
 * interpretable ILR carries the trend (and the extrapolation), the kernel model learns what ILR
 * leaves near the training molecules and decays to zero away from them, so far outside the
 * training data the prediction falls back to plain ILR. The correction uses the standardised
 * descriptors (ddof = 0) and standardised residuals, with (α, γ) by 5-fold cross-validation.
 */
public final class IlrWithResidualKernel implements PropertyModel {
    private final PlsRegression ilr;

    public IlrWithResidualKernel(PlsRegression ilr) {
        this.ilr = ilr;
    }

    @Override
    public String name() {
        return "ilr+krr";
    }

    @Override
    public Fitted fit(PropertyTable train, long seed) {
        Fitted base = ilr.fit(train, seed);
        double[] fitted = base.predict(train);
        double[] residual = new double[train.size()];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = train.target()[i] - fitted[i];
        }
        Fitted correction = KernelRidgeRegression.crossValidated("residual")
                .fit(train.withTarget(residual), seed);
        return molecules -> {
            double[] a = base.predict(molecules);
            double[] b = correction.predict(molecules);
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        };
    }
}
