package io.moiety.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.moiety.data.Frame;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End-to-end training runs with tiny networks on a 6-atom analytic test molecule, for every model
 * type: overfitting, checkpoint round trip, exact resume after a crash, seed reproducibility.
 */
class TrainingRunTest {

    @TempDir
    Path dir;

    /** A tiny config of each model type (written to a temp file). */
    static Path tinyConfig(Path dir, String type) throws Exception {
        String arch = switch (type) {
            case "schnet" -> "features: 16\nfilters: 16\ninteractions: 2\nrbf: 12\n";
            case "painn" -> "features: 16\ninteractions: 2\nrbf: 12\n";
            default -> "";
        };
        Path p = dir.resolve(type + "-tiny.yaml");
        Files.writeString(p, "type: " + type + "\ncutoff: 4.0\ndtype: float32\n" + arch
                + "training:\n  energy_weight: 1\n  forces_weight: 10\n  batch_size: 5\n  lr: 0.005\n");
        return p;
    }

    private static TrainRequest request(Path config, Path run, long seed, int epochs, List<Frame> train,
                                        List<Frame> valid, String... more) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("training.max_epochs", Integer.toString(epochs));
        for (String kv : more) {
            String[] s = kv.split("=", 2);
            o.put(s[0], s[1]);
        }
        return new TrainRequest(config, o, seed, "cpu", train, valid, run, false);
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

    /** Overfits 10 frames: force MAE below 1 % of the force standard deviation, energy MAE < 1 meV/atom. */
    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void overfitsTenFrames(String type) throws Exception {
        List<Frame> train = ToyMolecules.frames(10, 0.15, 11);
        Path cfg = tinyConfig(dir, type);
        try (Potential p = Training.train(request(cfg, dir.resolve("run"), 1, 150, train, train,
                "training.batch_size=10", "training.scheduler=cosine", "training.lr=0.01",
                "training.min_lr=0.0001", "training.ema_decay=0", "training.warmup_epochs=5",
                "training.early_stopping_patience=0"))) {
            ErrorStats s = new ErrorStats().addAll(train, p.predict(train));
            double std = forceStd(train);
            assertTrue(s.forceMae() < 0.01 * std, type + ": force MAE " + s.forceMae() + " eV/Å vs 1% of std "
                    + 0.01 * std);
            assertTrue(s.energyMaePerAtom() < 1e-3, type + ": energy MAE " + s.energyMaePerAtom() + " eV/atom");
        }
        List<String> csv = Files.readAllLines(dir.resolve("run/metrics.csv"));
        assertEquals(EpochResult.CSV_HEADER, csv.get(0));
        assertEquals(151, csv.size());
    }

    /** best.ckpt and last.ckpt reload into potentials predicting exactly what the trained one predicts. */
    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void checkpointRoundTripGivesIdenticalPredictions(String type) throws Exception {
        List<Frame> train = ToyMolecules.frames(8, 0.1, 3);
        List<Frame> valid = ToyMolecules.frames(3, 0.1, 4);
        Path run = dir.resolve("run");
        List<Prediction> before;
        try (Potential p = Training.train(request(tinyConfig(dir, type), run, 5, 3, train, valid))) {
            before = p.predict(valid);
            assertEquals(type + "-tiny", p.name());
        }
        try (Potential q = Training.load(run, "cpu")) {
            List<Prediction> after = q.predict(valid);
            for (int i = 0; i < valid.size(); i++) {
                assertEquals(before.get(i).energy(), after.get(i).energy(), 0.0);
                assertArrayEquals(before.get(i).forces(), after.get(i).forces(), 0.0);
            }
        }
        CheckpointState last = CheckpointFile.readState(run.resolve(CheckpointListener.LAST));
        assertEquals(3, last.epoch());
        assertTrue(last.finished());
        assertEquals(64, last.metadata().trainHash().length());
        assertEquals(2 * 3, last.globalStep());
    }

    /** A run killed after epoch 3 and resumed ends with exactly the weights of an uninterrupted run. */
    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void resumeAfterCrashMatchesUninterruptedRun(String type) throws Exception {
        List<Frame> train = ToyMolecules.frames(8, 0.1, 5);
        List<Frame> valid = ToyMolecules.frames(3, 0.1, 6);
        Path cfg = tinyConfig(dir, type);
        String[] extra = {"training.warmup_epochs=2", "training.plateau_patience=0"};
        try (Potential p = Training.train(request(cfg, dir.resolve("straight"), 9, 6, train, valid, extra))) {
            assertTrue(p.predictsForces());
        }
        TrainingListener crash = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult result, List<EpochResult> history) {
                if (result.epoch() == 3) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        Path run = dir.resolve("crashed");
        assertThrows(IllegalStateException.class,
                () -> Training.train(request(cfg, run, 9, 6, train, valid, extra), List.of(crash)));
        assertEquals(3, CheckpointFile.readState(run.resolve(CheckpointListener.LAST)).epoch());
        try (Potential p = Training.train(request(cfg, run, 9, 6, train, valid, extra))) {
            assertTrue(p.predictsForces());
        }
        assertSameWeights(dir.resolve("straight/last.ckpt"), run.resolve("last.ckpt"), true);
        assertEquals(Files.readAllLines(dir.resolve("straight/metrics.csv")).size(),
                Files.readAllLines(run.resolve("metrics.csv")).size());
        // a different seed is refused
        assertThrows(IllegalArgumentException.class,
                () -> Training.train(request(cfg, run, 10, 6, train, valid, extra)).close());
    }

    /** Same seed and data → identical weights; another seed → different weights. */
    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void sameSeedGivesSameWeights(String type) throws Exception {
        List<Frame> train = ToyMolecules.frames(6, 0.1, 7);
        Path cfg = tinyConfig(dir, type);
        for (String run : List.of("a", "b")) {
            Training.train(request(cfg, dir.resolve(run), 3, 2, train, List.of())).close();
        }
        Training.train(request(cfg, dir.resolve("c"), 4, 2, train, List.of())).close();
        assertSameWeights(dir.resolve("a/last.ckpt"), dir.resolve("b/last.ckpt"), true);
        assertSameWeights(dir.resolve("a/last.ckpt"), dir.resolve("c/last.ckpt"), false);
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
}
