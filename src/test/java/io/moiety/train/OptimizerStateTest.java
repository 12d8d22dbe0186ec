package io.moiety.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.moiety.model.EnergyHead;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adam/AdamW, EMA and checkpoint files on a small quadratic problem. */
class OptimizerStateTest {

    @TempDir
    Path dir;

    private static Map<String, NDArray> params(NDManager m) {
        Map<String, NDArray> p = new LinkedHashMap<>();
        p.put("a", m.create(new float[] {1f, -2f, 3f}));
        p.put("b", m.create(new float[] {0.5f}));
        p.values().forEach(x -> x.setRequiresGradient(true));
        return p;
    }

    /** One step on loss = Σ (p − c)² with c = (0.3, 0.3, 0.3) and (−1). */
    private static void step(Map<String, NDArray> p, AdamOptimizer opt, ExponentialMovingAverage ema, NDManager root) {
        try (NDManager s = root.newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray la = p.get("a").sub(s.create(new float[] {0.3f, 0.3f, 0.3f})).square().sum();
                NDArray lb = p.get("b").sub(s.create(new float[] {-1f})).square().sum();
                NDArray loss = la.add(lb);
                loss.attach(s);
                la.attach(s);
                lb.attach(s);
                gc.backward(loss);
            }
            for (Map.Entry<String, NDArray> e : p.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(s);
                opt.update(e.getKey(), e.getValue(), g);
            }
            ema.update(p);
        }
    }

    private static float[] values(Map<String, NDArray> p) {
        float[] a = p.get("a").toFloatArray();
        return new float[] {a[0], a[1], a[2], p.get("b").toFloatArray()[0]};
    }

    @Test
    void adamConvergesAndResumesExactlyFromACheckpoint() throws Exception {
        for (String kind : List.of("adam", "adamw")) {
            TrainingConfig cfg = TrainingConfig.parse(Map.of("optimizer", kind, "lr", 0.05));
            float[] straight;
            float[] straightEma;
            try (NDManager root = NDManager.newBaseManager()) {
                Map<String, NDArray> p = params(root);
                try (AdamOptimizer opt = new AdamOptimizer(cfg, root);
                     ExponentialMovingAverage ema = new ExponentialMovingAverage(0.9, p, root)) {
                    for (int i = 0; i < 400; i++) {
                        step(p, opt, ema, root);
                    }
                    straight = values(p);
                    straightEma = values(ema.averages());
                }
            }
            float expectB = kind.equals("adam") ? -1f : -0.99f;
            assertEquals(expectB, straight[3], 0.02, kind + " converges");
            assertEquals(0.3f, straight[0], 0.02, kind + " converges");

            // 150 steps, checkpoint, fresh objects, restore, 250 more.
            Path file = dir.resolve(kind + ".ckpt");
            try (NDManager root = NDManager.newBaseManager()) {
                Map<String, NDArray> p = params(root);
                try (AdamOptimizer opt = new AdamOptimizer(cfg, root);
                     ExponentialMovingAverage ema = new ExponentialMovingAverage(0.9, p, root)) {
                    for (int i = 0; i < 150; i++) {
                        step(p, opt, ema, root);
                    }
                    Map<String, Map<String, NDArray>> arrays = new LinkedHashMap<>();
                    arrays.put(CheckpointFile.WEIGHTS, p);
                    arrays.put(CheckpointFile.EMA, ema.averages());
                    arrays.put(CheckpointFile.OPTIMIZER, Weights.toMap(opt.moments()));
                    CheckpointState st = new CheckpointState(1, "training", "quad", "", cfg.toMap(), 1, 1, 150,
                            false, "", new EnergyHead(Map.of(1, -13.6), 0.1, 1.2, "least-squares"),
                            LearningRateSchedule.State.initial(), opt.stepCounts(), ema.updates(), 1,
                            Double.POSITIVE_INFINITY,
                            List.of(new EpochResult(1, 1e-3, 0.5, Double.NaN, 1, 2, 3, 4)), null);
                    CheckpointFile.write(file, st, arrays);
                }
            }
            try (NDManager root = NDManager.newBaseManager()) {
                Map<String, NDArray> p = params(root);
                CheckpointFile.Loaded ck = CheckpointFile.read(file, root);
                assertEquals(150, ck.state().globalStep());
                assertEquals(Double.POSITIVE_INFINITY, ck.state().bestValidLoss());
                assertTrue(Double.isNaN(ck.state().history().get(0).validLoss()));
                assertEquals(-13.6, ck.state().head().referenceEnergies().get(1));
                Weights.assign(p, ck.weights());
                try (AdamOptimizer opt = new AdamOptimizer(cfg, root);
                     ExponentialMovingAverage ema = new ExponentialMovingAverage(0.9, p, root)) {
                    opt.restore(Weights.toList(ck.arrays().get(CheckpointFile.OPTIMIZER)), ck.state().optimizerSteps());
                    ema.restore(ck.arrays().get(CheckpointFile.EMA), ck.state().emaUpdates());
                    assertTrue(p.get("a").hasGradient(), "restored parameter still requires grad");
                    for (int i = 150; i < 400; i++) {
                        step(p, opt, ema, root);
                    }
                    assertArrayEquals(straight, values(p), kind + ": resumed weights equal uninterrupted ones");
                    assertArrayEquals(straightEma, values(ema.averages()), kind + ": resumed EMA equals uninterrupted");
                }
            }
        }
    }

    @Test
    void emaLagsBehindTheParameters() {
        try (NDManager root = NDManager.newBaseManager()) {
            Map<String, NDArray> p = new LinkedHashMap<>();
            p.put("x", root.create(new double[] {0.0}));
            try (ExponentialMovingAverage ema = new ExponentialMovingAverage(0.5, p, root)) {
                Weights.assign(p.get("x"), root.create(new double[] {1.0}));
                ema.update(p); // d = min(0.5, 2/11)
                double d = 2.0 / 11.0;
                assertEquals(1 - d, ema.averages().get("x").toDoubleArray()[0], 1e-12);
                ema.update(p); // d = min(0.5, 3/12)
                assertEquals(1 - d * 0.25, ema.averages().get("x").toDoubleArray()[0], 1e-12);
            }
        }
    }

    @Test
    void momentsListIsNamed() {
        try (NDManager root = NDManager.newBaseManager()) {
            Map<String, NDArray> p = params(root);
            try (AdamOptimizer opt = new AdamOptimizer(TrainingConfig.defaults(), root);
                 ExponentialMovingAverage ema = new ExponentialMovingAverage(0.9, p, root)) {
                step(p, opt, ema, root);
                NDList m = opt.moments();
                assertEquals(4, m.size());
                assertEquals("m/a", m.get(0).getName());
                assertEquals(Map.of("a", 1, "b", 1), opt.stepCounts());
            }
        }
    }
}
