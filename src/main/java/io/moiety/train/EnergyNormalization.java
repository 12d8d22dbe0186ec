package io.moiety.train;

import io.moiety.data.Frame;
import io.moiety.model.EnergyHead;
import io.moiety.model.Normalisation;
import io.moiety.model.ReferenceEnergies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checkpointed form of a model's {@link EnergyHead}: per-element reference energies (eV;
 * least squares on the training energies, or isolated-atom energies from a file) and the per-atom
 * shift (eV/atom) and scale (RMS training force component, eV/Å) of the remaining energy.
 *
 * @param referenceEnergies element Z → reference energy (eV)
 * @param shift             mean per-atom energy left after the references (eV/atom)
 * @param scale             factor on the network's normalised per-atom outputs
 * @param source            {@code least-squares} or the isolated-atoms file
 */
public record EnergyNormalization(Map<Integer, Double> referenceEnergies, double shift, double scale,
                                  String source) {

    public EnergyNormalization {
        referenceEnergies = Map.copyOf(new TreeMap<>(referenceEnergies));
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("energy scale must be positive and finite, got " + scale);
        }
    }

    /**
     * Fits the statistics on training frames.
     *
     * @param train         training frames with energies (and forces for the scale)
     * @param isolatedAtoms file of single-atom frames giving the reference energies, or null to fit
     *                      them by least squares on {@code train}
     */
    public static EnergyNormalization fit(List<Frame> train, Path isolatedAtoms) throws IOException {
        ReferenceEnergies refs;
        String source;
        if (isolatedAtoms != null) {
            refs = ReferenceEnergies.fromIsolatedAtoms(isolatedAtoms);
            source = isolatedAtoms.toString();
            for (Frame f : train) {
                for (int z : f.structure().atomicNumbers()) {
                    if (!refs.asMap().containsKey(z)) {
                        throw new IllegalArgumentException(isolatedAtoms + ": no isolated-atom energy for element Z="
                                + z + " (present in the training data)");
                    }
                }
            }
        } else {
            refs = ReferenceEnergies.fit(train, 0.0); // ND4J on its own thread: see LeastSquares
            source = "least-squares";
        }
        Normalisation n = Normalisation.fit(train, refs);
        return new EnergyNormalization(refs.asMap(), n.shift(), n.scale(), source);
    }

    /** The model head these statistics describe. */
    public EnergyHead toHead() {
        return new EnergyHead(ReferenceEnergies.of(referenceEnergies), new Normalisation(shift, scale));
    }
}
