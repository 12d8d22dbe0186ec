package io.moiety.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.moiety.data.Frame;
import io.moiety.metrics.ErrorAccumulator;
import io.moiety.model.EnergyModel;
import io.moiety.model.ModelConfig;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end training runs with tiny networks on a 6-atom analytic test molecule, for every model
 * type: overfitting, checkpoint round trip, exact resume after a crash, seed reproducibility.
 */
class TrainingRunTest {

    @TempDir
    Path dir;

    /** Model types under test: schnet, painn and tp once it is registered. */
    static List<String> modelTypes() {
        List<String> types = new java.util.ArrayList<>(List.of("schnet", "painn"));
        if (io.moiety.model.Models.factories().containsKey("tp")) {
            types.add("tp");
        }
        return types;
    }

    /** A tiny config of each model type (written to a temp file). */
    static Path tinyConfig(Path dir, String type) throws Exception {
        String arch = switch (type) {
            case "schnet" -> "features: 16\nfilters: 16\ninteractions: 2\nrbf: 12\n";
            case "painn" -> "features: 16\ninteractions: 2\nrbf: 12\n";
            case "tp" -> "channels: 8\nlmax: 2\ncorrelation: 2\nlayers: 2\nnum_bessel: 6\nradial_hidden: 16\n"
                    + "radial_layers: 2\nreadout_hidden: 8\navg_num_neighbors: 5\n";
            default -> "";
        };
        Path p = dir.resolve(type + "-tiny.yaml");
        Files.writeString(p, "type: " + type + "\ncutoff: 4.0\ndtype: float32\n" + arch
                + "training:\n  energy_weight: 1\n  forces_weight: 10\n  batch_size: 5\n  lr: 0.005\n");
        return p;
    }

    private static TrainRequest request(Path config, Path run, long seed, int epochs, List<Frame> train,
                                        List<Frame> valid, String... more) throws java.io.IOException {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("training.max_epochs", Integer.toString(epochs));
        for (String kv : more) {
            String[] s = kv.split("=", 2);
            o.put(s[0], s[1]);
        }
        return request(config, o, seed, train, valid, run, null);
    }

    /** A request for the config file with dotted-key overrides; resuming it uses the overridden limits. */
    static TrainRequest request(Path config, Map<String, String> overrides, long seed, List<Frame> train,
                                List<Frame> valid, Path run, Path initFrom) throws java.io.IOException {
        ModelConfig c = ModelConfig.load(config).withOverrides(overrides);
        return new TrainRequest(Training.modelNameOf(config.toString()), c, seed, "cpu", train, valid, run, false,
                initFrom, TrainRequest.Limits.of(c));
    }

    private static double forceStd(List<Frame> frames) {
        double s = 0;
        double s2 = 0;
        long n = 0;
        for (Frame f : frames) {
            for (double v : f.forces()) {
                s += v;
                s2 += v * v;
                n++;
            }
        }
        return Math.sqrt(s2 / n - (s / n) * (s / n));
    }

    /**
     * Overfits 10 frames in 200 full-batch steps: the loss falls by more than 1000×, the force MAE
     * ends below 3 % of the force standard deviation (≈ 40 meV/Å of 1.3 eV/Å) and the energy MAE
     * below 2 meV/atom.
     */
    @ParameterizedTest
    @MethodSource("io.moiety.train.TrainingRunTest#modelTypes")
    void overfitsTenFrames(String type) throws Exception {
        List<Frame> train = ToyMolecules.frames(10, 0.15, 11);
        Path cfg = tinyConfig(dir, type);
        try (Potential p = Training.train(request(cfg, dir.resolve("run"), 1, 200, train, List.of(),
                "training.batch_size=10", "training.scheduler=cosine", "training.lr=0.02",
                "training.min_lr=0.0001", "training.ema_decay=0", "training.warmup_epochs=5",
                "training.early_stopping_patience=0", "training.energy_weight=100"))) {
            ErrorAccumulator s = ToyMolecules.errors(train, p.predict(train));
            double std = forceStd(train);
            System.out.printf("%s overfit: force MAE %.4f eV/Å (std %.3f), energy MAE %.5f eV/atom%n", type,
                    s.forceMae(), std, s.energyMaePerAtom());
            assertTrue(s.forceMae() < 0.03 * std, type + ": force MAE " + s.forceMae() + " eV/Å vs 3% of std "
                    + 0.03 * std);
            assertTrue(s.energyMaePerAtom() < 2e-3, type + ": energy MAE " + s.energyMaePerAtom() + " eV/atom");
        }
        List<String> csv = Files.readAllLines(dir.resolve("run/metrics.csv"));
        assertEquals(EpochResult.CSV_HEADER, csv.get(0));
        assertEquals(201, csv.size());
        double first = Double.parseDouble(csv.get(1).split(",")[2]);
        double lastLoss = Double.parseDouble(csv.get(200).split(",")[2]);
        assertTrue(lastLoss < first / 1000, "loss " + first + " -> " + lastLoss);
    }

    /**
     * One straight run and one run killed after epoch 2 and resumed, both from seed 9: the resumed run
     * ends with bit-identical weights, EMA weights and metrics rows (which also shows that the same
     * seed and data give the same weights); the checkpoint reloads into a potential predicting
     * exactly what the trained one predicts; another seed initialises differently; a resume with a
     * different seed is refused.
     */
    @ParameterizedTest
    @MethodSource("io.moiety.train.TrainingRunTest#modelTypes")
    void resumeRoundTripAndSeeds(String type) throws Exception {
        List<Frame> train = ToyMolecules.frames(6, 0.1, 5);
        List<Frame> valid = ToyMolecules.frames(3, 0.1, 6);
        Path cfg = tinyConfig(dir, type);
        String[] extra = {"training.batch_size=3", "training.warmup_epochs=1", "training.plateau_patience=0"};
        Path straight = dir.resolve("straight");
        List<Prediction> before;
        try (Potential p = Training.train(request(cfg, straight, 9, 4, train, valid, extra))) {
            assertEquals(type + "-tiny", p.name());
            assertTrue(p.predictsForces());
            before = p.predict(valid);
        }
        try (Potential q = Training.load(straight, "cpu")) {
            List<Prediction> after = q.predict(valid);
            for (int i = 0; i < valid.size(); i++) {
                assertEquals(before.get(i).energy(), after.get(i).energy(), 0.0, "round trip energy");
                assertArrayEquals(before.get(i).forces(), after.get(i).forces(), 0.0, "round trip forces");
            }
        }
        CheckpointState last = CheckpointFile.readState(straight.resolve(CheckpointListener.LAST));
        assertEquals(4, last.epoch());
        assertEquals(8, last.globalStep());
        assertTrue(last.finished());
        assertEquals(64, last.metadata().trainHash().length());

        TrainingListener crash = new TrainingListener() {
            @Override
            public void onEpochEnd(TrainingView loop, EpochResult result) {
                if (result.epoch() == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        Path run = dir.resolve("crashed");
        assertThrows(IllegalStateException.class,
                () -> Training.train(request(cfg, run, 9, 4, train, valid, extra), List.of(crash)));
        assertEquals(2, CheckpointFile.readState(run.resolve(CheckpointListener.LAST)).epoch());
        Training.train(request(cfg, run, 9, 4, train, valid, extra)).close();
        assertSameWeights(straight.resolve("last.ckpt"), run.resolve("last.ckpt"), true);
        assertEquals(Files.readAllLines(straight.resolve("metrics.csv")).stream().map(l -> l.replaceAll(",[^,]*$", "")).toList(),
                Files.readAllLines(run.resolve("metrics.csv")).stream().map(l -> l.replaceAll(",[^,]*$", "")).toList(),
                "same metrics apart from wall time");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Training.train(request(cfg, run, 10, 4, train, valid, extra)).close());
        assertTrue(e.getMessage().contains("seed"), e.getMessage());

        try (EnergyModel a = EnergyModel.create(ModelConfig.load(cfg), Device.cpu(), 9);
             EnergyModel b = EnergyModel.create(ModelConfig.load(cfg), Device.cpu(), 9);
             EnergyModel c = EnergyModel.create(ModelConfig.load(cfg), Device.cpu(), 10)) {
            Map<String, NDArray> pa = a.parameters();
            Map<String, NDArray> pb = b.parameters();
            Map<String, NDArray> pc = c.parameters();
            boolean sameB = true;
            boolean sameC = true;
            for (String k : pa.keySet()) {
                sameB &= java.util.Arrays.equals(pa.get(k).toFloatArray(), pb.get(k).toFloatArray());
                sameC &= java.util.Arrays.equals(pa.get(k).toFloatArray(), pc.get(k).toFloatArray());
            }
            assertTrue(sameB, "same seed, same initial weights");
            assertFalse(sameC, "other seed, other initial weights");
        }
    }

    /**
     * A checkpoint written before a training key existed (here {@code loss}, added later) resumes:
     * the missing key compares as its default, not as a changed setting; a real change is refused.
     */
    @org.junit.jupiter.api.Test
    void aCheckpointWithoutANewerTrainingKeyStillResumes() throws Exception {
        List<Frame> train = ToyMolecules.frames(6, 0.1, 5);
        List<Frame> valid = ToyMolecules.frames(3, 0.1, 6);
        Path cfg = tinyConfig(dir, "schnet");
        Path run = dir.resolve("older");
        Training.train(request(cfg, run, 9, 1, train, valid)).close();
        Path last = run.resolve(CheckpointListener.LAST);
        try (NDManager m = NDManager.newBaseManager()) {
            CheckpointFile.Loaded old = CheckpointFile.read(last, m);
            CheckpointState s = old.state();
            Map<String, Object> training = new LinkedHashMap<>(s.training());
            assertEquals("mse", training.remove("loss"));
            CheckpointFile.write(last, new CheckpointState(s.formatVersion(), s.kind(), s.modelName(),
                    s.modelConfigYaml(), training, s.seed(), s.epoch(), s.globalStep(), s.finished(), s.stopReason(),
                    s.head(), s.schedule(), s.optimizerSteps(), s.emaUpdates(), s.bestEpoch(),
                    s.bestValidLoss(), s.history(), s.metadata()), old.arrays());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Training.train(request(cfg, run, 9, 2, train, valid, "training.loss=mae")).close());
        assertTrue(e.getMessage().contains("loss=mae (checkpoint: mse)"), e.getMessage());
        Training.train(request(cfg, run, 9, 2, train, valid)).close();
        assertEquals(2, CheckpointFile.readState(last).epoch());
    }

    /**
     * A warm start ({@code initFrom}) begins where the source run's best model ended: with a learning
     * rate of 1e-12 its first validation force MAE equals the source's best one, while a run from
     * scratch with the same settings is far off; the new run records the checkpoint and its hash, and
     * a checkpoint of another architecture is refused with an error naming it.
     */
    @org.junit.jupiter.api.Test
    void warmStartBeginsFromTheCheckpoint() throws Exception {
        List<Frame> train = ToyMolecules.frames(10, 0.15, 11);
        List<Frame> valid = ToyMolecules.frames(5, 0.15, 12);
        Path cfg = tinyConfig(dir, "schnet");
        Path source = dir.resolve("source");
        Training.train(request(cfg, source, 3, 6, train, valid, "training.lr=0.01")).close();
        CheckpointState src = CheckpointFile.readState(source.resolve(CheckpointListener.BEST));
        double srcMae = src.history().get(src.bestEpoch() - 1).validForceMae();

        String[] frozen = {"training.lr=1e-12", "training.min_lr=1e-13", "training.scheduler=constant",
            "training.warmup_epochs=0"};
        Path warm = dir.resolve("warm");
        Map<String, String> frozenOverrides = new LinkedHashMap<>(Map.of("training.max_epochs", "1"));
        for (String kv : frozen) {
            frozenOverrides.put(kv.split("=", 2)[0], kv.split("=", 2)[1]);
        }
        Training.train(request(cfg, frozenOverrides, 5, train, valid, warm, source)).close();
        CheckpointState w = CheckpointFile.readState(warm.resolve(CheckpointListener.LAST));
        double warmMae = w.history().get(0).validForceMae();
        assertEquals(srcMae, warmMae, 1e-5 * srcMae, "warm start's first validation MAE vs the source's best");
        assertTrue(w.metadata().initializedFrom().contains("best.ckpt sha256:"), w.metadata().initializedFrom());
        assertEquals("", src.metadata().initializedFrom());

        Path scratch = dir.resolve("scratch");
        Training.train(request(cfg, scratch, 5, 1, train, valid, frozen)).close();
        double scratchMae = CheckpointFile.readState(scratch.resolve(CheckpointListener.LAST)).history().get(0)
                .validForceMae();
        assertTrue(scratchMae > 2 * srcMae, "scratch " + scratchMae + " vs trained " + srcMae);

        Map<String, String> wider = new LinkedHashMap<>(frozenOverrides);
        wider.put("features", "24");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Training.train(
                request(cfg, wider, 5, train, valid, dir.resolve("other"), source)));
        assertTrue(e.getMessage().contains("--init-from") && e.getMessage().contains("best.ckpt"), e.getMessage());
    }

    /**
     * {@code avg_num_neighbors: auto} (tp) is measured on the training frames when a run starts, saved
     * in the checkpoint as that number, kept on resume with the same 'auto' config, and a config
     * still saying 'auto' cannot build a model outside training.
     */
    @org.junit.jupiter.api.Test
    void autoNeighbourCountIsMeasuredOnTheTrainingSet() throws Exception {
        List<Frame> train = ToyMolecules.frames(6, 0.15, 21);
        List<Frame> valid = ToyMolecules.frames(3, 0.15, 22);
        Path cfg = tinyConfig(dir, "tp");
        Path run = dir.resolve("auto");
        // a 2 Å cutoff: fewer neighbours than all 5 others of the 6-atom molecule (the config's value)
        String[] auto = {"avg_num_neighbors=auto", "cutoff=2.0"};
        Training.train(request(cfg, run, 1, 1, train, valid, auto)).close();
        double expected = io.moiety.model.graph.NeighbourList.meanNeighbours(
                train.stream().map(Frame::structure).toList(), 2.0);
        ModelConfig saved = ModelConfig.parse(
                CheckpointFile.readState(run.resolve(CheckpointListener.LAST)).modelConfigYaml(), "checkpoint");
        assertEquals(expected, saved.number("avg_num_neighbors", Double.NaN), 1e-4);
        assertTrue(expected > 1 && expected < 4.5, "toy molecule neighbours within 2 Å: " + expected);

        Training.train(request(cfg, run, 1, 2, train, valid, auto)).close();
        CheckpointState resumed = CheckpointFile.readState(run.resolve(CheckpointListener.LAST));
        assertEquals(2, resumed.epoch());
        assertEquals(saved.architecture(), ModelConfig.parse(resumed.modelConfigYaml(), "resumed").architecture());

        ModelConfig unresolved = ModelConfig.load(cfg).withOverride("avg_num_neighbors", "auto");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnergyModel.create(unresolved, Device.cpu(), 1).close());
        assertTrue(e.getMessage().contains("avg_num_neighbors") && e.getMessage().contains("auto"), e.getMessage());
    }

    static void assertSameWeights(Path a, Path b, boolean same) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> wa = CheckpointFile.read(a, m).arrays().get(CheckpointFile.EMA);
            Map<String, NDArray> wb = CheckpointFile.read(b, m).arrays().get(CheckpointFile.EMA);
            Map<String, NDArray> ra = CheckpointFile.read(a, m).weights();
            Map<String, NDArray> rb = CheckpointFile.read(b, m).weights();
            assertEquals(ra.keySet(), rb.keySet());
            boolean equal = true;
            for (String k : ra.keySet()) {
                equal &= java.util.Arrays.equals(ra.get(k).toFloatArray(), rb.get(k).toFloatArray());
                if (wa != null && wb != null) {
                    equal &= java.util.Arrays.equals(wa.get(k).toFloatArray(), wb.get(k).toFloatArray());
                }
            }
            if (same) {
                assertTrue(equal, a + " and " + b + " should hold identical weights");
            } else {
                assertFalse(equal, a + " and " + b + " should differ");
            }
        }
    }

    /**
     * Two trainings in two threads of one JVM (bench runs cells in parallel) both finish and give
     * exactly the weights each gives alone: gradients are not mixed between threads.
     */
    @Test
    void twoThreadsTrainAtOnceAndMatchTheirSerialRuns() throws Exception {
        List<Frame> train = ToyMolecules.frames(6, 0.1, 5);
        List<Frame> valid = ToyMolecules.frames(3, 0.1, 6);
        Path cfg = tinyConfig(dir, "schnet");
        double[][] alone = new double[2][];
        for (int k = 0; k < 2; k++) {
            try (Potential p = Training.train(request(cfg, dir.resolve("alone-" + k), 20 + k, 3, train, valid))) {
                alone[k] = p.predict(valid).get(0).forces();
            }
        }
        double[][] together = new double[2][];
        Throwable[] failures = new Throwable[2];
        Thread[] threads = new Thread[2];
        for (int k = 0; k < 2; k++) {
            int kk = k;
            threads[k] = new Thread(() -> {
                try (Potential p = Training.train(request(cfg, dir.resolve("together-" + kk), 20 + kk, 3, train, valid))) {
                    together[kk] = p.predict(valid).get(0).forces();
                } catch (Throwable t) {
                    failures[kk] = t;
                }
            });
            threads[k].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int k = 0; k < 2; k++) {
            assertNull(failures[k], () -> "thread failed: " + failures[0] + " / " + failures[1]);
            assertArrayEquals(alone[k], together[k], 0.0, "run " + k);
        }
    }
}
