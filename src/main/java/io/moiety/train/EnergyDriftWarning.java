package io.moiety.train;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns once per run when the validation energy drifts away while the forces improve: a loss that
 * weighs forces far above energy ({@code forces_weight ≫ energy_weight}) fixes only the slope of the
 * energy surface, and its level per atom, which no force sees, can wander far from the labels
 * before the small energy term pulls it back. On a short schedule it never does. The warning names
 * the epochs and errors and the weights to change; the run itself is not altered. Runs whose loss
 * weighs the energy at least as much as the forces are not watched: there a rise of the energy error
 * is noise of the optimiser (a lucky low epoch at a high learning rate), not this drift.
 */
public final class EnergyDriftWarning implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(EnergyDriftWarning.class);

    /** Growth of the validation energy MAE over its lowest value that counts as a drift. */
    static final double GROWTH = 4;
    /** Smallest validation energy MAE per atom that counts as a drift (eV/atom): below it, noise. */
    static final double FLOOR_EV_PER_ATOM = 0.01;

    private final String name;
    private final double energyWeight;
    private final double forcesWeight;
    private boolean warned;

    /**
     * @param name         the run's name in the message
     * @param energyWeight the loss weight on the per-atom energy term
     * @param forcesWeight the loss weight on the force term
     */
    public EnergyDriftWarning(String name, double energyWeight, double forcesWeight) {
        this.name = name;
        this.energyWeight = energyWeight;
        this.forcesWeight = forcesWeight;
    }

    @Override
    public void onEpochEnd(TrainingView loop, EpochResult result) {
        if (!warned) {
            check(loop.history(), energyWeight, forcesWeight).ifPresent(d -> {
                warned = true;
                LOG.warn("{}: {}", name, d.describe(energyWeight, forcesWeight));
            });
        }
    }

    /** The drift in {@code history} under these loss weights: none unless the forces weigh more than the energy. */
    static Optional<Drift> check(List<EpochResult> history, double energyWeight, double forcesWeight) {
        return forcesWeight > energyWeight ? drift(history) : Optional.empty();
    }

    /**
     * The drift in {@code history}, if its last two validated epochs have it: validation energy MAE
     * per atom at least {@link #GROWTH} times its lowest value before them and at least
     * {@link #FLOOR_EV_PER_ATOM} in both, while the force MAE of the last is below its value at that
     * lowest-energy epoch. A single high epoch is a spike, not a drift.
     */
    static Optional<Drift> drift(List<EpochResult> history) {
        List<EpochResult> validated = history.stream().filter(EpochResult::validated).toList();
        if (validated.size() < 3 || !history.get(history.size() - 1).validated()) {
            return Optional.empty();
        }
        EpochResult last = validated.get(validated.size() - 1);
        EpochResult previous = validated.get(validated.size() - 2);
        EpochResult best = validated.subList(0, validated.size() - 2).stream()
                .min(Comparator.comparingDouble(EpochResult::validEnergyMaePerAtom)).orElseThrow();
        boolean grew = grown(previous, best) && grown(last, best);
        boolean forcesBetter = last.validForceMae() < best.validForceMae();
        return grew && forcesBetter ? Optional.of(new Drift(best, last)) : Optional.empty();
    }

    private static boolean grown(EpochResult e, EpochResult best) {
        return e.validEnergyMaePerAtom() >= GROWTH * best.validEnergyMaePerAtom()
                && e.validEnergyMaePerAtom() >= FLOOR_EV_PER_ATOM;
    }

    /**
     * A drift between two epochs.
     *
     * @param from the epoch with the lowest validation energy error before {@code to}
     * @param to   the epoch where the energy error had grown while the force error fell
     */
    record Drift(EpochResult from, EpochResult to) {

        /** The warning: what moved, by how much, and which weights to change. */
        String describe(double energyWeight, double forcesWeight) {
            return String.format(Locale.ROOT, "the validation energy MAE rose from %.4g eV/atom (epoch %d) to %.4g eV/atom"
                    + " (epoch %d, %.3g eV per molecule) while the force MAE fell from %.4g to %.4g eV/Å: the energy"
                    + " per atom drifts under a loss that weighs forces %s energy (forces_weight %s, energy_weight %s)."
                    + " Raise training.energy_weight (benchmarks/compositional.md trains the equivariant model with"
                    + " energy_weight 1000, forces_weight 100 on short schedules) or train longer",
                    from.validEnergyMaePerAtom(), from.epoch(), to.validEnergyMaePerAtom(), to.epoch(),
                    to.validEnergyMae(), from.validForceMae(), to.validForceMae(),
                    energyWeight > 0 ? num(forcesWeight / energyWeight) + "×" : "infinitely above",
                    num(forcesWeight), num(energyWeight));
        }

        private static String num(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
        }
    }
}
