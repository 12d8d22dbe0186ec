package io.moiety.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.moiety.data.Frame;
import io.moiety.model.EnergyModel;
import io.moiety.model.ModelConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression test for the heap corruption when resuming an interrupted training: the arrays a
 * checkpoint is decoded into live in memory owned by the reading code (DJL backs them with a Java
 * direct buffer that is freed once the temporary manager is closed and the buffer is collected).
 * The restored optimiser moments and EMA averages must be copies that own their memory: the fused
 * Adam update and the EMA update write into them in place for the rest of the run.
 */
class ResumeOwnershipTest {

    @TempDir
    Path dir;

    @Test
    void resumedStateDoesNotShareMemoryWithTheCheckpointReadBuffers() throws Exception {
        List<Frame> train = ToyMolecules.frames(6, 0.1, 5);
        List<Frame> valid = ToyMolecules.frames(3, 0.1, 6);
        Path cfg = TrainingRunTest.tinyConfig(dir, "schnet");
        Map<String, String> o = new LinkedHashMap<>();
        o.put("training.max_epochs", "4");
        o.put("training.batch_size", "3");
        o.put("training.warmup_epochs", "1");
        o.put("training.plateau_patience", "0");

        Path straight = dir.resolve("straight");
        Training.train(TrainingRunTest.request(cfg, o, 9, train, valid, straight, null)).close();

        TrainingListener crash = new TrainingListener() {
            @Override
            public void onEpochEnd(TrainingView loop, EpochResult result) {
                if (result.epoch() == 2) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        Path killed = dir.resolve("killed");
        assertThrows(IllegalStateException.class, () -> Training.train(
                TrainingRunTest.request(cfg, o, 9, train, valid, killed, null), List.of(crash)));

        // Resume the killed run as Training does (checkpoint read into a temporary manager), then
        // overwrite the decoded arrays: that is what happens to their memory once the temporary
        // manager is closed, its buffers are collected and malloc hands the memory out again.
        Path last = killed.resolve(CheckpointListener.LAST);
        CheckpointState state = CheckpointFile.readState(last);
        assertEquals(2, state.epoch());
        ModelConfig config = ModelConfig.parse(state.modelConfigYaml(), last + "!config");
        TrainingConfig tc = TrainingConfig.parse(config.training());
        try (EnergyModel model = EnergyModel.create(config, Device.cpu(), 9)) {
            model.setHead(state.head());
            TrainingLoop.RunInfo info = new TrainingLoop.RunInfo(state.modelName(), config.toYaml(), 9,
                    state.head(), state.metadata());
            try (TrainingLoop loop = new TrainingLoop(model, tc, info, train, valid, List.of(), model.manager())) {
                try (NDManager tmp = model.manager().newSubManager()) {
                    CheckpointFile.Loaded ck = CheckpointFile.read(last, tmp);
                    assertTrue(ck.arrays().containsKey(CheckpointFile.OPTIMIZER));
                    assertTrue(ck.arrays().containsKey(CheckpointFile.EMA));
                    loop.restore(ck);
                    Weights.noGrad(() -> {
                        ck.arrays().values().forEach(g -> g.values().forEach(a -> a.muli(Float.NaN)));
                        return null;
                    });
                }
                loop.run();
                assertEquals(4, loop.history().size());
                assertTrue(loop.history().stream().allMatch(r -> Double.isFinite(r.trainLoss())),
                        "finite training loss after resume: " + loop.history());
                Map<String, Map<String, NDArray>> snap = CheckpointListener.trainingArrays(loop);
                try (NDManager m = NDManager.newBaseManager()) {
                    CheckpointFile.Loaded ref = CheckpointFile.read(straight.resolve(CheckpointListener.LAST), m);
                    for (String group : List.of(CheckpointFile.WEIGHTS, CheckpointFile.EMA, CheckpointFile.OPTIMIZER)) {
                        Map<String, NDArray> want = ref.arrays().get(group);
                        Map<String, NDArray> got = snap.get(group);
                        assertEquals(want.keySet(), got.keySet(), group);
                        for (String k : want.keySet()) {
                            assertTrue(Arrays.equals(want.get(k).toFloatArray(), got.get(k).toFloatArray()),
                                    group + "/" + k + ": resumed run differs from the uninterrupted one");
                        }
                    }
                }
            }
        }
    }
}
