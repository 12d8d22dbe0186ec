package io.moiety.train;

import io.moiety.chem.Element;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.model.EnergyHead;
import io.moiety.model.ReferenceEnergies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a model's {@link EnergyHead} for training: the reference energies {@code training.e0}
 * and {@code training.isolated_atoms} ask for (least squares on the training energies, isolated-atom
 * energies from a file or the data, or least squares anchored at them), then the head's shift and
 * scale on the training frames.
 */
public final class EnergyHeadFit {
    private static final Logger LOG = LoggerFactory.getLogger(EnergyHeadFit.class);
    private static final String ANCHORED = "least squares anchored at the isolated atoms from ";

    private EnergyHeadFit() {}

    /**
     * The head of training frames: references from a file or by least squares, then shift and scale.
     *
     * @param train         training frames with energies (and forces for the scale)
     * @param isolatedAtoms file of single-atom frames giving the reference energies, or null to fit
     *                      them by least squares on {@code train}
     */
    public static EnergyHead fit(List<Frame> train, Path isolatedAtoms) throws IOException {
        return isolatedAtoms != null
                ? EnergyHead.fit(train, isolatedFromFile(train, isolatedAtoms), EnergyHead.ISOLATED + isolatedAtoms)
                : EnergyHead.fit(train, leastSquares(train), EnergyHead.LEAST_SQUARES);
    }

    /**
     * The head of training frames with the reference energies {@code training.e0} and
     * {@code training.isolated_atoms} ask for: the isolated-atom energies of {@link #isolated} as they
     * are ({@code isolated}, {@code auto}) or anchored ({@code anchored}), else least squares.
     */
    public static EnergyHead fit(List<Frame> train, TrainingConfig tc, IsolatedAtoms fromData) throws IOException {
        Optional<Isolated> iso = isolated(train, tc, fromData);
        if (iso.isEmpty()) {
            return EnergyHead.fit(train, leastSquares(train), EnergyHead.LEAST_SQUARES);
        }
        Isolated i = iso.get();
        return tc.e0().equals(TrainingConfig.E0_ANCHORED) ? anchored(train, i.energies(), i.origin())
                : EnergyHead.fit(train, i.energies(), i.source());
    }

    /**
     * The isolated-atom energies {@code training.e0} and {@code training.isolated_atoms} rest on, or
     * empty for least squares: the file's when the file is set; else those stored with the data
     * ({@code fromData}) for {@code isolated} and {@code anchored}, or for {@code auto} when they cover
     * every training element. {@code isolated} or {@code anchored} without energies for every
     * training element is an error naming the data file.
     */
    public static Optional<Isolated> isolated(List<Frame> train, TrainingConfig tc, IsolatedAtoms fromData)
            throws IOException {
        if (tc.isolatedAtoms() != null) {
            return Optional.of(new Isolated(isolatedFromFile(train, tc.isolatedAtoms()), tc.isolatedAtoms().toString()));
        }
        if (tc.e0().equals(TrainingConfig.E0_LEAST_SQUARES)) {
            return Optional.empty();
        }
        List<Integer> missing = fromData.missing(elements(train));
        String data = fromData.origin().isEmpty() ? "the training data" : fromData.origin();
        if (!fromData.isEmpty() && missing.isEmpty()) {
            return Optional.of(new Isolated(ReferenceEnergies.fromIsolatedAtoms(fromData), data));
        }
        String what = fromData.isEmpty() ? "no isolated-atom energies"
                : "no isolated-atom energy for " + missing.stream().map(z -> Element.ofZ(z).symbol()).toList();
        if (tc.e0().equals(TrainingConfig.E0_ISOLATED) || tc.e0().equals(TrainingConfig.E0_ANCHORED)) {
            throw new IllegalArgumentException("training.e0 is " + tc.e0() + ", but " + data + " has " + what + "; add them with "
                    + "`moiety generate --add-isolated-atoms " + (fromData.origin().isEmpty() ? "FILE" : fromData.origin())
                    + "`, name a file with training.isolated_atoms, or set training.e0: least-squares");
        }
        if (!fromData.isEmpty()) {
            LOG.warn("{} has {}: reference energies fitted by least squares instead (training.e0: auto)", data, what);
        }
        return Optional.empty();
    }

    /**
     * Isolated-atom reference energies and where they come from.
     *
     * @param energies element Z → GFN2-xTB energy of the isolated atom (eV)
     * @param origin   the file or data they were read from
     */
    public record Isolated(ReferenceEnergies energies, String origin) {

        /** The head's {@link EnergyHead#source} for these energies used as they are. */
        public String source() {
            return EnergyHead.ISOLATED + origin;
        }
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
    private static EnergyHead anchored(List<Frame> train, ReferenceEnergies isolated, String origin) {
        return EnergyHead.fit(train, ReferenceEnergies.anchored(train, isolated), ANCHORED + origin);
    }

    private static ReferenceEnergies leastSquares(List<Frame> train) {
        return ReferenceEnergies.fit(train, 0.0); // ND4J on its own thread: see LeastSquares
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
}
