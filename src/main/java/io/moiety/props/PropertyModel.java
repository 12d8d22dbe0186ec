package io.moiety.props;

import io.moiety.descriptors.PropertyTable;

/**
 * A regression model of a molecular property: fitted on some molecules of a {@link PropertyTable},
 * it predicts the property (in the target's units) for others. Fitting is deterministic for a seed.
 */
public interface PropertyModel {

    /** Short name used on the command line and in reports (e.g. {@code ilr}). */
    String name();

    /** Fits on every molecule of {@code train}. */
    Fitted fit(PropertyTable train, long seed);

    /** A fitted model. */
    interface Fitted {
        /** Predictions for every molecule of {@code molecules}, in table order. */
        double[] predict(PropertyTable molecules);
    }
}
