package io.moiety.props;

import io.moiety.descriptors.PropertyTable;

/**
 * PLS1 regression ({@link Pls1}) on the descriptors alone ("LR" in the paper) or on the ILR design
 * ({@link IlrDesign}, "ILR"). Both use 8 components in the paper.
 */
public final class PlsRegression implements PropertyModel {
    private final String name;
    private final IlrDesign design;
    private final int components;

    private PlsRegression(String name, IlrDesign design, int components) {
        this.name = name;
        this.design = design;
        this.components = components;
    }

    /** ILR: PLS on the interaction design. */
    public static PlsRegression ilr(IlrDesign design, int components) {
        return new PlsRegression("ilr", design, components);
    }

    /** LR: PLS on the raw descriptors. */
    public static PlsRegression lr(int components) {
        return new PlsRegression("lr", null, components);
    }

    @Override
    public String name() {
        return name;
    }

    /** The ILR design, or null for LR. */
    public IlrDesign design() {
        return design;
    }

    double[][] rows(PropertyTable t) {
        return design == null ? t.descriptors() : design.rows(t);
    }

    @Override
    public FittedPls fit(PropertyTable train, long seed) {
        return new FittedPls(Pls1.fit(rows(train), train.target(), components));
    }

    /** A fitted PLS model with its regression vector (over the design columns). */
    public final class FittedPls implements Fitted {
        private final Pls1 pls;

        FittedPls(Pls1 pls) {
            this.pls = pls;
        }

        @Override
        public double[] predict(PropertyTable molecules) {
            double[][] x = rows(molecules);
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = pls.predict(x[i]);
            }
            return out;
        }
    }
}
