package io.moiety.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.moiety.chem.Structure;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.GradMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Float32 models must not round total energies: the per-element reference sum (≈ −4 200 eV for
 * ethanol at DFT level, where one float32 step is 0.49 meV) is added in double on the host.
 */
class EnergyHeadPrecisionTest {

    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn", "tp"})
    void totalEnergyKeepsDoublePrecisionOfReferences(String type) {
        String yaml = type.equals("tp")
                ? "type: tp\ncutoff: 4.0\ndtype: float64\nchannels: 4\nlmax: 2\ncorrelation: 2\nlayers: 2\n"
                : Molecules.tiny(type, false).toYaml();
        ModelConfig config = ModelConfig.parse(yaml.replace("float64", "float32"), "tiny32-" + type);
        assertEquals(DataType.FLOAT32, config.dataType(), "the test needs a float32 model");
        Map<Integer, Double> refs = Map.of(1, -13.604987654321, 6, -1029.123456789012, 8, -2041.987654321098);
        Structure ethanol = Molecules.ethanol(3);
        try (EnergyModel m = EnergyModel.create(config, Device.cpu(), 7)) {
            m.setHead(new EnergyHead(refs, -0.3, 0.7, "test"));
            double predicted = m.predict(List.of(ethanol), 1).get(0).energy();

            double refSum = 0;
            for (int z : ethanol.atomicNumbers()) {
                refSum += refs.get(z);
            }
            double relative;
            try (GradMode g = GradMode.enabled(); GraphBatch b = m.batch(List.of(ethanol), false)) {
                EnergyModel.Output o = m.forward(b, null, false, false);
                relative = o.relativeEnergies().toType(DataType.FLOAT64, false).toDoubleArray()[0];
                assertEquals(refSum, o.referenceEnergies()[0], 1e-9, "reference sum per graph");
            }
            // a float32 total would be off by up to 2.4e-4 eV here
            assertEquals(relative + refSum, predicted, 1e-9, "total = float32 relative energy + double reference sum");
        }
    }
}
