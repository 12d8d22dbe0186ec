package io.moiety.eval.baseline;

import io.moiety.chem.Element;
import io.moiety.data.Frame;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import io.moiety.model.ReferenceEnergies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Baseline: the energy of a configuration is the sum of one fitted reference energy (eV) per
 * element, {@code E = Σ_Z n_Z e_Z}, least squares over the training frames. Geometry is ignored,
 * so it predicts no forces. Elements never seen in training contribute 0 eV.
 */
public final class ElementReferencePotential implements Potential {
    /** Name used in suites and tables. */
    public static final String NAME = "element-reference";

    private final ReferenceEnergies fitted;
    private final Map<Integer, Double> references;

    private ElementReferencePotential(ReferenceEnergies fitted) {
        this.fitted = fitted;
        this.references = Collections.unmodifiableMap(new TreeMap<>(fitted.asMap()));
    }

    /** Fits the reference energies to the training frames' total energies (minimum-norm least squares). */
    public static ElementReferencePotential fit(List<Frame> train) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training frames to fit element reference energies");
        }
        return new ElementReferencePotential(ReferenceEnergies.fitMinimumNorm(train));
    }

    /** Reference energy (eV) per atomic number. */
    public Map<Integer, Double> references() { return references; }

    /** Sum of reference energies of the atoms (eV). */
    public double energy(int[] atomicNumbers) {
        return fitted.total(atomicNumbers);
    }

    @Override public String name() { return NAME; }

    @Override public boolean predictsForces() { return false; }

    @Override
    public List<Prediction> predict(List<Frame> frames) {
        List<Prediction> out = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            out.add(new Prediction(energy(f.structure().atomicNumbers()), null));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(NAME).append('{');
        references.forEach((z, e) -> sb.append(Element.ofZ(z).symbol()).append('=').append(String.format("%.4f", e)).append(' '));
        return sb.append('}').toString();
    }
}
