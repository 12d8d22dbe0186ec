package io.moiety.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmarked product step trains (the loss falls on a fixed batch) and keeps native memory flat. */
class TrainStepBenchTest {

    @Test
    void productStepLowersTheLossAndFreesItsArrays() {
        TrainStepBench.TrainState s = new TrainStepBench.TrainState();
        s.model = "schnet-small";
        s.device = "cpu";
        s.threads = 1;
        s.atoms = 20;
        s.setup();
        try {
            double first = s.loop.step(s.batch, s.learningRate).loss();
            int arrays = s.energyModel.manager().getManagedArrays().size();
            double last = first;
            for (int i = 0; i < 30; i++) {
                last = s.loop.step(s.batch, s.learningRate).loss();
            }
            assertTrue(Double.isFinite(first) && last < 0.9 * first, "loss " + first + " → " + last);
            assertEquals(arrays, s.energyModel.manager().getManagedArrays().size(), "arrays left behind by a step");
        } finally {
            s.tearDown();
        }
    }
}
