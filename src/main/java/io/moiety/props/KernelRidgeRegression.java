package io.moiety.props;

import io.moiety.descriptors.PropertyTable;
import java.util.List;

/**
 * "NLR": RBF kernel ridge regression on the descriptors, standardised (ddof = 0) with the training
 * set's means and deviations, and on the standardised target. The hyperparameters are either
 * fixed (the paper's α = 0.01033, γ = 0.00961 for hydration free energies) or chosen by 3-fold
 * cross-validation inside the training set over α ∈ {10⁻³ … 1} and γ ∈ {0.003, 0.01, 0.03, 0.1}
 * (γ in units of inverse squared standard deviations, summed over descriptors).
 */
public final class KernelRidgeRegression implements PropertyModel {
    /** The paper's hyperparameters for dGs. */
    public static final double PAPER_ALPHA = 0.01033;
    public static final double PAPER_GAMMA = 0.00961;
    static final List<Double> ALPHAS = List.of(1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0);
    static final List<Double> GAMMAS = List.of(3e-3, 1e-2, 3e-2, 0.1);

    private final String name;
    private final Double alpha;
    private final Double gamma;

    private KernelRidgeRegression(String name, Double alpha, Double gamma) {
        this.name = name;
        this.alpha = alpha;
        this.gamma = gamma;
    }

    /** Fixed hyperparameters. */
    public static KernelRidgeRegression fixed(String name, double alpha, double gamma) {
        return new KernelRidgeRegression(name, alpha, gamma);
    }

    /** Hyperparameters by inner 5-fold cross-validation. */
    public static KernelRidgeRegression crossValidated(String name) {
        return new KernelRidgeRegression(name, null, null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Fitted fit(PropertyTable train, long seed) {
        Standardization xs = Standardization.centring(train.descriptors(), 0);
        Standardization ys = Standardization.ofVector(train.target(), 0);
        double[][] x = xs.apply(train.descriptors());
        double[] y = ys.applyToVector(train.target());
        double a = alpha == null ? Double.NaN : alpha;
        double g = gamma == null ? Double.NaN : gamma;
        if (alpha == null) {
            KernelRidge.Choice c = KernelRidge.select(Kernel::rbf, x, y, ALPHAS, GAMMAS, 3, seed);
            a = c.alpha();
            g = c.gamma();
        }
        KernelRidge krr = KernelRidge.fit(Kernel.rbf(g), x, y, a);
        return molecules -> ys.invertVector(krr.predict(xs.apply(molecules.descriptors())));
    }
}
