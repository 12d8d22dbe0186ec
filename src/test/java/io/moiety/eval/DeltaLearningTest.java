package io.moiety.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.eval.baseline.GroupAdditivityPotential;
import io.moiety.model.EnergyHead;
import io.moiety.model.ModelConfig;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import io.moiety.model.ReferenceEnergies;
import io.moiety.task.TaskSplit;
import io.moiety.train.CheckpointFile;
import io.moiety.train.CheckpointState;
import io.moiety.train.EnergyHeadFit;
import io.moiety.train.TrainRequest;
import io.moiety.train.Training;
import io.moiety.train.TrainingConfig;
import io.moiety.train.prior.EnergyPrior;
import io.moiety.train.prior.PriorKind;
import io.moiety.train.prior.PriorPotential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Δ-learning: a network learning the residual over a fitted chemistry prior ({@code training.prior}). */
class DeltaLearningTest {

    @TempDir
    Path dir;

    private static final TaskSplit TASK = SyntheticChains.task("chains", 10);

    private static List<Frame> frames(List<MoleculeRecord> molecules) {
        return Training.frames(molecules);
    }

    /** A network stand-in: zero energy and fixed forces (1, 2, 3 eV/Å on every atom). */
    private record ZeroNetwork() implements Potential {
        @Override public String name() { return "zero"; }

        @Override public boolean predictsForces() { return true; }

        @Override
        public List<Prediction> predict(List<Frame> frames) {
            List<Prediction> out = new ArrayList<>();
            for (Frame f : frames) {
                double[] fr = new double[3 * f.size()];
                for (int i = 0; i < fr.length; i++) {
                    fr[i] = 1 + i % 3;
                }
                out.add(new Prediction(0.0, fr));
            }
            return out;
        }
    }

    @Test
    void aZeroNetworkPlusThePriorIsExactlyTheBaselineAndKeepsTheNetworksForces() {
        List<Frame> train = frames(TASK.train());
        List<Frame> val = frames(TASK.validation());
        List<Frame> test = new ArrayList<>(frames(TASK.idTest()));
        test.addAll(frames(TASK.ood()));
        GroupAdditivityPotential baseline = GroupAdditivityPotential.fit(train, val);
        EnergyPrior prior = EnergyPrior.fit(PriorKind.GROUP_ADDITIVITY, train, val, null, null);
        assertEquals(baseline.prior(), prior);
        List<Prediction> expected = baseline.predict(test);
        ZeroNetwork zero = new ZeroNetwork();
        List<Prediction> network = zero.predict(test);
        List<Prediction> delta = PriorPotential.of(zero, prior).predict(test);
        for (int i = 0; i < test.size(); i++) {
            assertEquals(expected.get(i).energy(), delta.get(i).energy(), 0.0, "frame " + i);
            assertArrayEquals(network.get(i).forces(), delta.get(i).forces(), 0.0, "forces of frame " + i);
        }
        // and the baseline itself is close to the labels here (the synthetic energies are additive plus small strain)
        assertTrue(Math.abs(expected.get(0).energy() - test.get(0).energy()) < 0.5);
    }

    @Test
    void residualsAreTheEnergyMinusThePriorWithForcesUntouched() {
        List<Frame> train = frames(TASK.train());
        EnergyPrior prior = EnergyPrior.fit(PriorKind.BOND_INCREMENT, train, List.of(), null, null);
        assertTrue(prior.coefficients().containsKey("bond:C4-H1"), prior.coefficients().toString());
        List<Frame> res = prior.residuals(train);
        double maxResidual = 0;
        for (int i = 0; i < train.size(); i++) {
            Frame f = train.get(i);
            assertEquals(f.energy() - prior.energy(f.structure()), res.get(i).energy(), 0.0);
            assertSame(f.forces(), res.get(i).forces());
            maxResidual = Math.max(maxResidual, Math.abs(res.get(i).energy()));
        }
        // the prior removes the large per-atom energies (hundreds of eV): what is left is strain and mixing
        assertTrue(maxResidual < 2, "largest residual " + maxResidual + " eV");
    }

    @Test
    void isolatedAtomEnergiesAnchorThePriorsElementPartInsteadOfReplacingIt() {
        List<Frame> train = frames(TASK.train());
        List<Frame> val = frames(TASK.validation());
        EnergyPrior fitted = EnergyPrior.fit(PriorKind.GROUP_ADDITIVITY, train, val, null, null);
        // "isolated-atom" energies far from the fitted references: +5 eV per C, −3 per H, +7 per O
        Map<Integer, Double> far = new TreeMap<>();
        fitted.elementEnergies().forEach((z, e) -> far.put(z, e + (z == 6 ? 5.0 : z == 1 ? -3.0 : 7.0)));
        ReferenceEnergies isolated = ReferenceEnergies.of(far);
        EnergyPrior prior = EnergyPrior.fit(PriorKind.GROUP_ADDITIVITY, train, val, isolated, "test atoms");
        assertEquals("anchored at test atoms", prior.elementSource());
        assertEquals(ReferenceEnergies.anchored(train, isolated).asMap(), prior.elementEnergies());
        // the chains' compositions determine C, H and O, so the anchored references are the fitted ones
        // and the feature coefficients stay residual-sized instead of carrying the 5-7 eV per atom
        prior.elementEnergies().forEach((z, e) -> assertEquals(fitted.elementEnergies().get(z), e, 1e-6, "Z=" + z));
        double largest = prior.coefficients().values().stream().mapToDouble(Math::abs).max().orElse(0);
        assertTrue(largest < 1, "largest coefficient " + largest + " eV");
    }

    @Test
    void theTrainingSectionNamesItsPriorAndRejectsOthers() {
        assertEquals(PriorKind.NONE, TrainingConfig.defaults().priorKind());
        assertEquals(PriorKind.GROUP_ADDITIVITY, TrainingConfig.parse(Map.of("prior", "group-additivity")).priorKind());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.parse(Map.of("prior", "benson")));
        assertTrue(e.getMessage().contains("training.prior") && e.getMessage().contains("bond-increment"), e.getMessage());
    }

    @Test
    void aTrainedDeltaModelPredictsTheSameAfterReloadingItsCheckpoint() throws Exception {
        Path cfg = dir.resolve("painn-tiny.yaml");
        Files.writeString(cfg, "type: painn\ncutoff: 4.0\ndtype: float32\nfeatures: 8\ninteractions: 1\nrbf: 8\n"
                + "training:\n  batch_size: 10\n  max_epochs: 2\n  prior: group-additivity\n");
        List<Frame> train = frames(TASK.train());
        List<Frame> val = frames(TASK.validation());
        List<Frame> test = frames(TASK.ood());
        ModelConfig config = ModelConfig.load(cfg);
        Path run = dir.resolve("run");
        List<Prediction> before;
        try (Potential p = Training.train(new TrainRequest("painn-tiny", config, 3, "cpu", train, val, run, false, null,
                TrainRequest.Limits.of(config)))) {
            assertTrue(p instanceof PriorPotential, p.getClass().getName());
            before = p.predict(test);
        }
        CheckpointState state = CheckpointFile.readState(run.resolve("best.ckpt"));
        EnergyPrior prior = EnergyPrior.fit(PriorKind.GROUP_ADDITIVITY, train, val, null, null);
        assertEquals(prior, state.prior(), "the checkpoint holds the prior fitted on the training frames");
        // the network's energy head was fitted on the residuals E − E_prior, not on the energies
        EnergyHead onResiduals = EnergyHeadFit.fit(prior.residuals(train), null);
        assertEquals(onResiduals.shift(), state.head().shift(), 1e-12);
        assertEquals(onResiduals.referenceEnergies(), state.head().referenceEnergies());
        try (Potential p = Training.load(run, "cpu")) {
            List<Prediction> after = p.predict(test);
            for (int i = 0; i < test.size(); i++) {
                assertEquals(before.get(i).energy(), after.get(i).energy(), 1e-9, "frame " + i);
                assertArrayEquals(before.get(i).forces(), after.get(i).forces(), 1e-9);
            }
        }
    }

    @Test
    void aRunWithoutAPriorRecordsNone() throws Exception {
        Path cfg = dir.resolve("painn-tiny.yaml");
        Files.writeString(cfg, "type: painn\ncutoff: 4.0\ndtype: float32\nfeatures: 8\ninteractions: 1\nrbf: 8\n"
                + "training:\n  batch_size: 10\n  max_epochs: 1\n");
        ModelConfig config = ModelConfig.load(cfg);
        Path run = dir.resolve("plain");
        try (Potential p = Training.train(new TrainRequest("painn-tiny", config, 3, "cpu", frames(TASK.train()),
                frames(TASK.validation()), run, false, null, TrainRequest.Limits.of(config)))) {
            assertTrue(!(p instanceof PriorPotential));
        }
        CheckpointState state = CheckpointFile.readState(run.resolve("best.ckpt"));
        assertNull(state.prior());
        assertNotNull(state.head());
    }
}
