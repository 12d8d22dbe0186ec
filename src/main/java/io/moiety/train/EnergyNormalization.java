package io.moiety.train;

import io.moiety.chem.Element;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.model.EnergyHead;
import io.moiety.model.Normalisation;
import io.moiety.model.ReferenceEnergies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpointed form of a model's {@link EnergyHead}: per-element reference energies (eV;
 * least squares on the training energies, or isolated-atom energies from a file) and the per-atom
 * shift (eV/atom) and scale (RMS training force component, eV/Å) of the remaining energy.
 *
 * @param referenceEnergies element Z → reference energy (eV)
 * @param shift             mean per-atom energy left after the references (eV/atom)
 * @param scale             factor on the network's normalised per-atom outputs
 * @param source            {@code least-squares}, or {@code isolated atoms from } and the file they were read from
 */
public record EnergyNormalization(Map<Integer, Double> referenceEnergies, double shift, double scale,
                                  String source) {
    private static final Logger LOG = LoggerFactory.getLogger(EnergyNormalization.class);

    public EnergyNormalization {
        referenceEnergies = Map.copyOf(new TreeMap<>(referenceEnergies));
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("energy scale must be positive and finite, got " + scale);
        }
    }

    /** {@link #source} of references fitted on the training energies. */
    public static final String LEAST_SQUARES = "least-squares";
    private static final String ISOLATED = "isolated atoms from ";
    private static final String ANCHORED = "least squares anchored at the isolated atoms from ";

    /**
     * Fits the statistics on training frames.
     *
     * @param train         training frames with energies (and forces for the scale)
     * @param isolatedAtoms file of single-atom frames giving the reference energies, or null to fit
     *                      them by least squares on {@code train}
     */
    public static EnergyNormalization fit(List<Frame> train, Path isolatedAtoms) throws IOException {
        return isolatedAtoms != null ? fit(train, isolatedFromFile(train, isolatedAtoms), ISOLATED + isolatedAtoms)
                : fit(train, leastSquares(train), LEAST_SQUARES);
    }

    /**
     * Fits the statistics on training frames with the reference energies {@code training.e0} and
     * {@code training.isolated_atoms} ask for: the file's isolated-atom energies when the file is set;
     * else those stored with the data ({@code fromData}) for {@code isolated}, or for {@code auto} when
     * they cover every training element; else least squares. {@code isolated} without energies for
     * every training element is an error naming the data file.
     */
    public static EnergyNormalization fit(List<Frame> train, TrainingConfig tc, IsolatedAtoms fromData) throws IOException {
        boolean anchored = tc.e0().equals(TrainingConfig.E0_ANCHORED);
        if (tc.isolatedAtoms() != null) {
            ReferenceEnergies iso = isolatedFromFile(train, tc.isolatedAtoms());
            return anchored ? anchored(train, iso, tc.isolatedAtoms().toString())
                    : fit(train, iso, ISOLATED + tc.isolatedAtoms());
        }
        if (tc.e0().equals(TrainingConfig.E0_LEAST_SQUARES)) {
            return fit(train, leastSquares(train), LEAST_SQUARES);
        }
        List<Integer> missing = fromData.missing(elements(train));
        if (!fromData.isEmpty() && missing.isEmpty()) {
            String origin = fromData.origin().isEmpty() ? "the training data" : fromData.origin();
            return anchored ? anchored(train, ReferenceEnergies.fromIsolatedAtoms(fromData), origin)
                    : fit(train, ReferenceEnergies.fromIsolatedAtoms(fromData), ISOLATED + origin);
        }
        String what = fromData.isEmpty() ? "no isolated-atom energies"
                : "no isolated-atom energy for " + missing.stream().map(z -> Element.ofZ(z).symbol()).toList();
        String data = fromData.origin().isEmpty() ? "the training data" : fromData.origin();
        if (tc.e0().equals(TrainingConfig.E0_ISOLATED) || anchored) {
            throw new IllegalArgumentException("training.e0 is " + tc.e0() + ", but " + data + " has " + what + "; add them with "
                    + "`moiety generate --add-isolated-atoms " + (fromData.origin().isEmpty() ? "FILE" : fromData.origin())
                    + "`, name a file with training.isolated_atoms, or set training.e0: least-squares");
        }
        if (!fromData.isEmpty()) {
            LOG.warn("{} has {}: reference energies fitted by least squares instead (training.e0: auto)", data, what);
        }
        return fit(train, leastSquares(train), LEAST_SQUARES);
    }

    /** The file's isolated-atom energies, checked to cover every training element. */
    private static ReferenceEnergies isolatedFromFile(List<Frame> train, Path isolatedAtoms) throws IOException {
        ReferenceEnergies refs = ReferenceEnergies.fromIsolatedAtoms(isolatedAtoms);
        for (int z : elements(train)) {
            if (!refs.asMap().containsKey(z)) {
                throw new IllegalArgumentException(isolatedAtoms + ": no isolated-atom energy for element Z="
                        + z + " (present in the training data)");
            }
        }
        return refs;
    }

    /** Isolated-atom energies corrected by least squares along the directions the training compositions determine. */
    private static EnergyNormalization anchored(List<Frame> train, ReferenceEnergies isolated, String origin) {
        return fit(train, ReferenceEnergies.anchored(train, isolated), ANCHORED + origin);
    }

    private static ReferenceEnergies leastSquares(List<Frame> train) {
        return ReferenceEnergies.fit(train, 0.0); // ND4J on its own thread: see LeastSquares
    }

    private static EnergyNormalization fit(List<Frame> train, ReferenceEnergies refs, String source) {
        Normalisation n = Normalisation.fit(train, refs);
        return new EnergyNormalization(refs.asMap(), n.shift(), n.scale(), source);
    }

    private static Set<Integer> elements(List<Frame> frames) {
        Set<Integer> z = new TreeSet<>();
        for (Frame f : frames) {
            for (int zi : f.structure().atomicNumbers()) {
                z.add(zi);
            }
        }
        return z;
    }

    /** Whether the reference energies are isolated-atom energies (not fitted). */
    public boolean fromIsolatedAtoms() {
        return source.startsWith(ISOLATED);
    }

    /** {@code "E0 from isolated atoms from FILE: H -10.707 eV, C -48.847 eV"}: for logs and reports. */
    public String describeReferences() {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(referenceEnergies).forEach((z, e) -> parts.add(Element.ofZ(z).symbol() + " "
                + String.format(Locale.ROOT, "%.6f", e) + " eV"));
        return "E0 (" + source + "): " + String.join(", ", parts);
    }

    /** The model head these statistics describe. */
    public EnergyHead toHead() {
        return new EnergyHead(ReferenceEnergies.of(referenceEnergies), new Normalisation(shift, scale));
    }
}
