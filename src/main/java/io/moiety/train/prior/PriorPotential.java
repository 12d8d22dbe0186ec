package io.moiety.train.prior;

import io.moiety.chem.Element;
import io.moiety.data.Frame;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Δ-learning potential: a network trained on the residual over a chemistry prior, with the
 * prior added back, {@code E = E_network + E_prior} (eV). Forces are the network's (the prior has
 * none). Also a fitted prior alone, when {@code network} is null (a linear baseline). Closing it
 * closes the network.
 */
public final class PriorPotential implements Potential {
    private final String name;
    private final Potential network;
    private final EnergyPrior prior;

    private PriorPotential(String name, Potential network, EnergyPrior prior) {
        this.name = name;
        this.network = network;
        this.prior = prior;
    }

    /** {@code network} plus {@code prior}, named like the network. */
    public static PriorPotential of(Potential network, EnergyPrior prior) {
        return new PriorPotential(network.name(), network, prior);
    }

    /** The prior alone, named {@code name} (predicts energies only). */
    public static PriorPotential alone(String name, EnergyPrior prior) {
        return new PriorPotential(name, null, prior);
    }

    /** The prior. */
    public EnergyPrior prior() { return prior; }

    @Override public String name() { return name; }

    @Override public boolean predictsForces() { return network != null && network.predictsForces(); }

    /** The prior's element references (its source and values) and, after a semicolon, the network's. */
    @Override
    public String referenceEnergies() {
        StringBuilder sb = new StringBuilder("E0 of the " + prior.kind() + " prior (" + prior.elementSource() + "):");
        prior.elementEnergies().forEach((z, e) -> sb.append(String.format(Locale.ROOT, " %s %.6f eV,",
                Element.ofZ(z).symbol(), e)));
        sb.setLength(sb.length() - 1);
        String net = network == null ? "" : network.referenceEnergies();
        return net.isEmpty() ? sb.toString() : sb + "; network on the residual: " + net;
    }

    @Override
    public List<Prediction> predict(List<Frame> frames) {
        List<Prediction> base = network == null ? null : network.predict(frames);
        List<Prediction> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            double e = prior.energy(frames.get(i).structure());
            out.add(base == null ? new Prediction(e, null)
                    : new Prediction(base.get(i).energy() + e, base.get(i).forces()));
        }
        return out;
    }

    @Override
    public void close() {
        if (network != null) {
            network.close();
        }
    }
}
