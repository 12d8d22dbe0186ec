package io.moiety.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.moiety.data.Frame;
import io.moiety.metrics.ErrorAccumulator;
import io.moiety.model.EnergyHead;
import io.moiety.model.EnergyModel;
import io.moiety.model.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config parsing, schedules, batching, early stopping, metrics and normalisation (no network). */
class TrainingPartsTest {

    @TempDir
    Path dir;

    @Test
    void configParsesStringsAndRejectsUnknownKeysWithTheValidOnes() {
        TrainingConfig c = TrainingConfig.parse(Map.of("lr", "5e-4", "batch_size", 4, "optimizer", "AdamW"));
        assertEquals(5e-4, c.learningRate());
        assertEquals(4, c.batchSize());
        assertEquals("adamw", c.optimizer());
        assertEquals(0.01, c.weightDecay(), "AdamW default decay");
        assertEquals(0.0, TrainingConfig.defaults().weightDecay(), "Adam default decay");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.parse(Map.of("learnig_rate", 1)));
        assertTrue(e.getMessage().contains("learnig_rate") && e.getMessage().contains("max_epochs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.parse(Map.of("batch_size", "2.5")));
        assertTrue(e.getMessage().contains("training.batch_size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.parse(Map.of("scheduler", "step")));
        assertTrue(e.getMessage().contains("plateau, cosine or constant"), e.getMessage());
        assertEquals(c, TrainingConfig.parse(c.toMap()), "toMap round-trips");
        assertEquals(7, c.with(Map.of("max_epochs", 7)).maxEpochs());
    }

    @Test
    void warmupIsLinearThenCosineEndsAtMinimum() {
        LearningRateSchedule s = new LearningRateSchedule("cosine", 1e-2, 1e-4, 10, 110, 0.5, 3);
        assertEquals(1e-3, s.rate(0), 1e-15);
        assertEquals(1e-2, s.rate(9), 1e-15);
        assertEquals(1e-2, s.rate(10), 1e-15);
        assertEquals(0.5 * (1e-2 + 1e-4), s.rate(60), 1e-12);
        assertEquals(1e-4, s.rate(110), 1e-15);
        for (long k = 11; k < 110; k++) {
            assertTrue(s.rate(k) <= s.rate(k - 1), "cosine decreases");
        }
    }

    @Test
    void plateauHalvesAfterPatienceAndStateRoundTrips() {
        LearningRateSchedule s = new LearningRateSchedule("plateau", 1e-3, 1e-5, 0, 100, 0.5, 2);
        s.onValidation(1.0, true);
        s.onValidation(0.9, true);
        s.onValidation(0.95, true);
        s.onValidation(0.95, true);
        assertEquals(1e-3, s.rate(50), 1e-15, "patience 2 not exceeded yet");
        s.onValidation(0.95, true);
        assertEquals(5e-4, s.rate(50), 1e-15);
        LearningRateSchedule t = new LearningRateSchedule("plateau", 1e-3, 1e-5, 0, 100, 0.5, 2);
        t.restore(s.state());
        assertEquals(s.rate(50), t.rate(50));
        for (int i = 0; i < 40; i++) {
            s.onValidation(0.95, true);
        }
        assertEquals(1e-5, s.rate(50), 1e-15, "never below min_lr");
    }

    @Test
    void batchesAreAPermutationFixedBySeedAndEpoch() {
        List<int[]> a = EpochBatches.shuffled(23, 5, 42, 3);
        assertEquals(5, a.size());
        assertEquals(3, a.get(4).length);
        int[] all = a.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        int[] expect = new int[23];
        Arrays.setAll(expect, i -> i);
        assertArrayEquals(expect, all);
        List<int[]> again = EpochBatches.shuffled(23, 5, 42, 3);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), again.get(i));
        }
        assertFalse(Arrays.equals(a.get(0), EpochBatches.shuffled(23, 5, 42, 4).get(0)), "next epoch reshuffles");
        assertFalse(Arrays.equals(a.get(0), EpochBatches.shuffled(23, 5, 43, 3).get(0)), "other seed reshuffles");
        assertEquals(5, EpochBatches.count(23, 5));
    }

    @Test
    void earlyStoppingCountsEpochsSinceTheBest() {
        EarlyStopping es = new EarlyStopping(2);
        List<EpochResult> h = new ArrayList<>();
        double[] losses = {3, 2, 2.5, 2.1, 1.0};
        boolean[] stop = new boolean[losses.length];
        for (int i = 0; i < losses.length; i++) {
            h.add(new EpochResult(i + 1, 1e-3, 1, losses[i], 0, 0, 0, i));
            stop[i] = es.stopReason(view(h)) != null;
        }
        assertArrayEquals(new boolean[] {false, false, false, true, false}, stop);
        EarlyStopping resumed = new EarlyStopping(2);
        assertEquals("early stopping: no validation improvement for 2 epochs", resumed.stopReason(view(h.subList(0, 4))),
                "decided from the history");
        assertNull(new EarlyStopping(0).stopReason(view(h.subList(0, 4))));
        assertNull(new TimeLimit(0.05).stopReason(view(h.subList(0, 3))), "2 s of 3 s");
        assertEquals("time limit of 0.05000 min reached", new TimeLimit(0.05).stopReason(view(h)), "4 s of 3 s");
    }

    @Test
    void epochWithoutValidationFramesShowsNoValidationErrors() {
        EpochResult none = new EpochResult(1, 1e-3, 0.5, 0.5, Double.NaN, Double.NaN, Double.NaN, 1.0);
        assertFalse(none.validated());
        assertEquals("no validation frames", none.validationSummary());
        assertEquals("", ProgressListener.validationText(none));
        EpochResult some = new EpochResult(1, 1e-3, 0.5, 0.4, 0.001234, 0.01, 0.05, 1.0);
        assertTrue(some.validated());
        assertEquals("val energy MAE 1.234 meV/atom, force MAE 50.000 meV/Å", some.validationSummary());
        assertEquals(" | val E 1.23 meV/at F 50.0 meV/Å", ProgressListener.validationText(some));
    }

    @Test
    void metricsCsvIsRewrittenFromHistory() throws Exception {
        Path f = dir.resolve("metrics.csv");
        MetricsCsvLogger log = new MetricsCsvLogger(f);
        List<EpochResult> h = List.of(new EpochResult(1, 1e-3, 0.5, 0.25, 0.001, 0.009, 0.05, 1.5),
                new EpochResult(2, 1e-3, 0.4, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 3));
        log.onEpochEnd(view(h), h.get(1));
        List<String> lines = Files.readAllLines(f);
        assertEquals(3, lines.size());
        assertEquals(EpochResult.CSV_HEADER, lines.get(0));
        assertEquals("1,0.00100000,0.500000,0.250000,0.00100000,0.00900000,0.0500000,1.50", lines.get(1));
        assertEquals("2,0.00100000,0.400000,,,,,3.00", lines.get(2));
        log.onTrainingStart(view(h.subList(0, 1)));
        assertEquals(2, Files.readAllLines(f).size(), "a resumed run rewrites exactly its history");
    }

    @Test
    void errorStatsAndLossFormula() {
        List<Frame> frames = ToyMolecules.frames(2, 0.1, 1);
        List<Prediction> p = new ArrayList<>();
        for (Frame f : frames) {
            double[] fc = f.forces().clone();
            fc[0] += 0.3;
            p.add(new Prediction(f.energy() + 0.6, fc));
        }
        ErrorAccumulator s = ToyMolecules.errors(frames, p);
        assertEquals(0.6, s.energyMae(), 1e-9);
        assertEquals(0.1, s.energyMaePerAtom(), 1e-9);
        assertEquals(0.3 / 18, s.forceMae(), 1e-9);
        assertEquals(2 * 0.01 + 10 * 0.09 / 18, new EnergyForceLoss(false, 2, 10).of(s), 1e-9);
        assertEquals(2 * 0.1 + 10 * 0.3 / 18, new EnergyForceLoss(true, 2, 10).of(s), 1e-9);
    }

    @Test
    void trainingLossEqualsTheValidationLossFormulaInBothForms() {
        List<Frame> frames = ToyMolecules.frames(3, 0.1, 4);
        double[] ref = {-10.0, -11.0, -12.5};
        double[] rel = new double[frames.size()];
        List<Prediction> p = new ArrayList<>();
        List<double[]> forces = new ArrayList<>();
        java.util.Random r = new java.util.Random(3);
        int atoms = 0;
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            double energy = f.energy() + 0.05 * (k - 1) - 0.02;
            rel[k] = energy - ref[k];
            double[] fc = f.forces().clone();
            for (int i = 0; i < fc.length; i++) {
                fc[i] += 0.1 * r.nextGaussian();
            }
            forces.add(fc);
            p.add(new Prediction(energy, fc));
            atoms += f.size();
        }
        double[] flat = forces.stream().flatMapToDouble(Arrays::stream).toArray();
        ErrorAccumulator stats = ToyMolecules.errors(frames, p);
        try (NDManager m = NDManager.newBaseManager()) {
            EnergyModel.Output out = new EnergyModel.Output(m.create(rel), ref, m.create(flat, new Shape(atoms, 3)), null, null);
            for (boolean absolute : new boolean[] {false, true}) {
                EnergyForceLoss loss = new EnergyForceLoss(absolute, 3, 70);
                double got = loss.compute(out, LabelledBatch.of(frames), m).getDouble();
                assertEquals(loss.of(stats), got, 1e-9, absolute ? "mae" : "mse");
            }
            assertNotEquals(new EnergyForceLoss(false, 3, 70).of(stats), new EnergyForceLoss(true, 3, 70).of(stats));
        }
    }

    @Test
    void aBatchCarriesItsLabelsInOrder() {
        List<Frame> frames = ToyMolecules.frames(3, 0.1, 5);
        LabelledBatch b = LabelledBatch.of(List.of(frames.get(2), frames.get(0)));
        assertEquals(2, b.size());
        assertEquals(12, b.atoms());
        assertEquals(frames.get(2).structure(), b.structures().get(0));
        assertArrayEquals(new double[] {frames.get(2).energy(), frames.get(0).energy()}, b.energies());
        assertArrayEquals(frames.get(2).forces(), Arrays.copyOfRange(b.forces(), 0, 18));
        assertArrayEquals(frames.get(0).forces(), Arrays.copyOfRange(b.forces(), 18, 36));
        Frame energyOnly = Frame.of(frames.get(1).structure(), frames.get(1).energy(), null);
        assertNull(LabelledBatch.of(List.of(frames.get(0), energyOnly)).forces(), "forces only when every frame has them");
        assertThrows(IllegalArgumentException.class,
                () -> new LabelledBatch(b.structures(), new double[] {1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> new LabelledBatch(b.structures(), b.energies(), new double[5]));
    }

    @Test
    void lossFormIsMseOrMae() {
        assertFalse(TrainingConfig.defaults().absoluteErrors());
        assertTrue(TrainingConfig.parse(Map.of("loss", "MAE")).absoluteErrors());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.parse(Map.of("loss", "huber")));
        assertTrue(e.getMessage().contains("training.loss") && e.getMessage().contains("mse or mae"), e.getMessage());
    }

    @Test
    void referenceEnergiesAndScaleFromTrainingData() throws Exception {
        List<Frame> frames = ToyMolecules.frames(20, 0.1, 2);
        EnergyHead n = EnergyHeadFit.fit(frames, null);
        assertEquals("least-squares", n.source());
        double rms = 0;
        int c = 0;
        for (Frame f : frames) {
            for (double v : f.forces()) {
                rms += v * v;
                c++;
            }
        }
        assertEquals(Math.sqrt(rms / c), n.scale(), 1e-9);
        double mean = frames.stream().mapToDouble(Frame::energy).average().orElseThrow();
        double ref = 0;
        for (int z : ToyMolecules.Z) {
            ref += n.referenceEnergies().get(z);
        }
        assertEquals(mean, ref + 6 * n.shift(), 1e-6, "references + shift reproduce the mean energy");

        Path iso = io.moiety.data.io.SharedData.dir().resolve("data/botnet-ethanol/isolated_atoms.xyz");
        if (Files.exists(iso)) {
            EnergyHead m = EnergyHeadFit.fit(frames, iso);
            assertEquals(-13.568422383046626, m.referenceEnergies().get(1), 1e-12);
            assertNotEquals(0.0, m.shift());
        }
    }

    @Test
    void leastSquaresRecoversExactReferenceEnergies() throws java.io.IOException {
        int[][] comps = {{1, 1}, {6, 1, 1, 1, 1}, {8, 1, 1}, {6, 8}, {8, 8}};
        Map<Integer, Double> truth = Map.of(1, -13.6, 6, -1025.3, 8, -2035.6);
        List<Frame> frames = new ArrayList<>();
        for (int[] z : comps) {
            double e = 0;
            for (int a : z) {
                e += truth.get(a);
            }
            double[] forces = new double[3 * z.length];
            double phase = e;
            java.util.Arrays.setAll(forces, i -> 0.1 * Math.sin(i + phase));
            frames.add(Frame.of(io.moiety.chem.Structure.molecule(z, new double[3 * z.length]), e, forces));
        }
        Map<Integer, Double> fit = EnergyHeadFit.fit(frames, null).referenceEnergies();
        truth.forEach((z, e) -> assertEquals(e, fit.get(z), 1e-6, "Z=" + z));
    }

    @Test
    void modelNameFromConfigPath() {
        assertEquals("schnet-small", Training.modelNameOf("models/schnet-small.yaml"));
        assertEquals("painn-small", Training.modelNameOf("painn-small"));
    }

    /** A view of a loop that has finished the epochs of {@code history} (nothing else is asked). */
    static TrainingView view(List<EpochResult> history) {
        return new TrainingView() {
            @Override public List<EpochResult> history() { return List.copyOf(history); }

            @Override public int maxEpochs() { return 10; }

            @Override public int stepsPerEpoch() { return 1; }

            @Override public CheckpointState state() { throw new UnsupportedOperationException(); }

            @Override public Map<String, NDArray> weights() { throw new UnsupportedOperationException(); }

            @Override public Map<String, NDArray> emaWeights() { throw new UnsupportedOperationException(); }

            @Override public Map<String, NDArray> optimizerMoments() { throw new UnsupportedOperationException(); }
        };
    }
}
