package io.moiety.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.moiety.chem.Structure;
import io.moiety.model.EnergyModel;
import io.moiety.model.ModelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarked training step really trains, zeroes gradients and keeps native memory flat. */
class PeerTrainStepTest {

    @Test
    void stepLowersTheLossZeroesGradientsAndFreesItsArrays() throws Exception {
        ModelConfig config = ModelConfig.load("schnet-small").withOverride("features", "16")
                .withOverride("filters", "16").withOverride("interactions", "2");
        List<Structure> batch = BenchSystems.alkaneBatch(4, 3);
        try (EnergyModel model = EnergyModel.create(config, Device.cpu(), 5);
             PeerTrainStep step = new PeerTrainStep(model, batch, 4.0, 100.0, 11)) {
            double first = step.run();
            int arrays = model.manager().getManagedArrays().size();
            double last = first;
            for (int i = 0; i < 60; i++) {
                last = step.run();
            }
            assertTrue(Double.isFinite(first) && last < 0.9 * first, "loss " + first + " → " + last);
            assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays left behind by a step");
            for (Pair<String, Parameter> p : model.block().getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                assertEquals(0.0, g.abs().sum().getFloat(), 0.0, "gradient of " + p.getKey() + " not zeroed");
                g.close();
            }
            for (long t : step.phases) {
                assertTrue(t >= 0);
            }
        }
    }
}
