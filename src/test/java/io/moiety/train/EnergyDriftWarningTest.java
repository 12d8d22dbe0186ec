package io.moiety.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The energy-drift check on epoch histories with a known answer. */
class EnergyDriftWarningTest {

    /** Epochs with the given validation energy MAE per atom (eV/atom) and force MAE (eV/Å); 20 atoms a molecule. */
    private static List<EpochResult> history(double[] energyPerAtom, double[] force) {
        List<EpochResult> h = new ArrayList<>();
        for (int i = 0; i < energyPerAtom.length; i++) {
            h.add(new EpochResult(i + 1, 1e-3, 1, 1, energyPerAtom[i], 20 * energyPerAtom[i], force[i], i));
        }
        return h;
    }

    /** The first epoch of each prefix at which the check reports a drift (1-based), or 0. */
    private static int firstDriftEpoch(List<EpochResult> h) {
        for (int n = 1; n <= h.size(); n++) {
            if (EnergyDriftWarning.drift(h.subList(0, n)).isPresent()) {
                return n;
            }
        }
        return 0;
    }

    @Test
    void forceDominatedRunWhoseEnergyLevelWandersIsCaughtAtTheEpochItPassesTheThreshold() {
        // tp-small, duplication, loss weights 1:1000, the first five epochs of the 2026-12-02 headline run
        List<EpochResult> h = history(new double[] {0.0697, 0.376, 0.749, 0.760, 0.776},
                new double[] {0.647, 0.567, 0.454, 0.340, 0.297});
        assertEquals(3, firstDriftEpoch(h), "0.376 and 0.749 ≥ 4 × 0.0697 while the force MAE fell");
        EnergyDriftWarning.Drift d = EnergyDriftWarning.drift(h).orElseThrow();
        assertEquals(1, d.from().epoch());
        assertEquals(5, d.to().epoch());
        String text = d.describe(1, 1000);
        assertTrue(text.contains("epoch 1") && text.contains("epoch 5") && text.contains("1000×")
                && text.contains("forces_weight 1000, energy_weight 1") && text.contains("training.energy_weight"), text);
    }

    @Test
    void aSingleHighEpochIsASpikeNotADrift() {
        List<EpochResult> spike = history(new double[] {0.02, 0.15, 0.02, 0.015}, new double[] {0.6, 0.5, 0.4, 0.3});
        assertEquals(0, firstDriftEpoch(spike));
    }

    @Test
    void onlyLossesThatWeighForcesAboveEnergyAreWatched() {
        // tp-small, chain extension, loss weights 1000:100, lr 1e-2, the first six epochs of a 2026-12-02
        // run: epoch 3 is a lucky low, and the energy error stays above four times it while the forces fall
        List<EpochResult> h = history(new double[] {0.0570, 0.0534, 0.00729, 0.0745, 0.0309, 0.0204},
                new double[] {0.616, 0.514, 0.451, 0.390, 0.301, 0.237});
        assertTrue(EnergyDriftWarning.drift(h.subList(0, 5)).isPresent(), "the pattern alone is there");
        for (int n = 1; n <= h.size(); n++) {
            assertFalse(EnergyDriftWarning.check(h.subList(0, n), 1000, 100).isPresent(), "energy-dominated, epoch " + n);
            assertFalse(EnergyDriftWarning.check(h.subList(0, n), 100, 100).isPresent(), "equal weights, epoch " + n);
        }
        assertTrue(EnergyDriftWarning.check(h.subList(0, 5), 1, 1000).isPresent());
    }

    @Test
    void convergingRunsAndRunsThatGetWorseEverywhereAreNotDrifts() {
        List<EpochResult> converging = history(new double[] {0.05, 0.03, 0.02, 0.01, 0.008},
                new double[] {0.6, 0.4, 0.3, 0.2, 0.15});
        assertEquals(0, firstDriftEpoch(converging));
        // energy and forces both grow: divergence, not the force-dominated drift this check names
        List<EpochResult> diverging = history(new double[] {0.02, 0.1, 0.5, 0.9}, new double[] {0.3, 0.5, 0.9, 1.2});
        assertEquals(0, firstDriftEpoch(diverging));
        // a fourfold rise that stays below 10 meV/atom is left alone: at that level it is noise
        List<EpochResult> small = history(new double[] {0.001, 0.005, 0.009, 0.009}, new double[] {0.3, 0.2, 0.1, 0.05});
        assertEquals(0, firstDriftEpoch(small));
        // growth just under the factor
        List<EpochResult> under = history(new double[] {0.01, 0.039, 0.039}, new double[] {0.3, 0.2, 0.1});
        assertEquals(0, firstDriftEpoch(under));
    }

    @Test
    void epochsWithoutValidationAreSkippedAndShortHistoriesGiveNothing() {
        assertFalse(EnergyDriftWarning.drift(List.of()).isPresent());
        List<EpochResult> one = history(new double[] {0.5}, new double[] {0.1});
        assertFalse(EnergyDriftWarning.drift(one).isPresent());
        List<EpochResult> h = new ArrayList<>();
        h.add(new EpochResult(1, 1e-3, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0));
        h.add(new EpochResult(2, 1e-3, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1));
        h.add(new EpochResult(3, 1e-3, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 2));
        assertEquals(Optional.empty(), EnergyDriftWarning.drift(h));
    }
}
