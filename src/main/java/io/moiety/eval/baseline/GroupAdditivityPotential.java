package io.moiety.eval.baseline;

import io.moiety.data.Frame;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import io.moiety.train.prior.EnergyPrior;
import io.moiety.train.prior.GroupAdditivityFeatures;
import io.moiety.train.prior.PriorKind;
import io.moiety.train.prior.PriorPotential;
import java.util.List;
import java.util.Map;

/**
 * Baseline in the spirit of interactive linear regression: on top of per-element reference
 * energies, the residual energy (eV) is
 * <pre>
 *   ΔE = Σ_t n_t c_t  +  Σ_g [g] (b_g + d_g · n_C)  +  Σ_{t,g} n_t [g] c_{t,g}
 * </pre>
 * over the {@link GroupAdditivityFeatures}, fitted as an {@link EnergyPrior} (the same model a
 * network learns the residual of with {@code training.prior: group-additivity}). Types and groups
 * never seen in training get no term. Energy only: no forces.
 */
public final class GroupAdditivityPotential implements Potential {
    /** Name used in suites and tables. */
    public static final String NAME = "group-additivity";

    private final PriorPotential fitted;

    private GroupAdditivityPotential(EnergyPrior prior) {
        this.fitted = PriorPotential.alone(NAME, prior);
    }

    /** Fits to the training frames; the validation frames (may be empty) pick the ridge strength. */
    public static GroupAdditivityPotential fit(List<Frame> train, List<Frame> validation) {
        return new GroupAdditivityPotential(EnergyPrior.fit(PriorKind.GROUP_ADDITIVITY, train, validation, null, null));
    }

    /** Fitted coefficient (eV) per feature name, e.g. {@code env:C(C,H,H,H)} or {@code group:alcohol×nC}. */
    public Map<String, Double> coefficients() {
        return fitted.prior().coefficients();
    }

    /** The chosen ridge strength λ (on the normal equations). */
    public double ridge() { return fitted.prior().ridge(); }

    /** The fitted model. */
    public EnergyPrior prior() { return fitted.prior(); }

    @Override public String name() { return NAME; }

    @Override public boolean predictsForces() { return false; }

    @Override
    public List<Prediction> predict(List<Frame> frames) {
        return fitted.predict(frames);
    }
}
