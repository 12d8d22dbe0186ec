package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import io.moiety.model.Devices;
import io.moiety.model.Prediction;
import io.moiety.model.external.ExternalOptions;
import io.moiety.model.external.TorchScriptPotential;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code moiety predict --potential torchscript:FILE} writes what the deployed potential predicts. */
class ExternalPredictCommandTest {
    @TempDir
    Path dir;

    @Test
    void predictWithADeployedModel() throws Exception {
        Path model = Path.of(getClass().getResource("/io/moiety/model/external/tiny_nequip_deployed.pth").toURI());
        Structure methanol = Structure.molecule(new int[] {6, 8, 1, 1, 1, 1}, new double[] {-0.0465, 0.6609, 0, -0.0465,
                -0.7566, 0, -1.0860, 0.9756, 0, 0.4366, 1.0813, 0.8898, 0.4366, 1.0813, -0.8898, 0.8572, -1.0872, 0});
        List<Frame> frames = List.of(Frame.of(methanol, -2100.0, null),
                Frame.of(methanol.withPositions(shifted(methanol.positions(), 0.05)), -2100.5, null));
        Path data = dir.resolve("methanol.xyz");
        DatasetFiles.write(data, List.of(new MoleculeRecord("methanol", "CO", "CH4O", 0, 1, "toy", "test", frames)),
                WriteOptions.defaults());
        Path out = dir.resolve("pred.xyz");
        CliRun r = CliRun.of("predict", "--potential", "torchscript:" + model, "--convention", "nequip", "--data",
                data.toString(), "--out", out.toString(), "--device", "cpu");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("energy MAE"), r.out());
        List<Prediction> direct;
        try (TorchScriptPotential p = TorchScriptPotential.load("p", model, ExternalOptions.defaults(), Devices.select("cpu"))) {
            direct = p.predict(frames);
        }
        try (Dataset d = DatasetFiles.open(out)) {
            List<Frame> got = d.readAll().get(0).frames();
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(direct.get(i).energy(), got.get(i).energy(), 1e-6);
                assertArrayEquals(direct.get(i).forces(), got.get(i).forces(), 1e-6);
                assertEquals("torchscript:" + model, got.get(i).info().get("model"));
            }
        }
        CliRun wrong = CliRun.of("predict", "--potential", "torchscript:" + model, "--convention", "mace", "--data",
                data.toString(), "--out", dir.resolve("p2.xyz").toString(), "--device", "cpu");
        assertNotEquals(0, wrong.code());
        assertTrue(wrong.err().contains("try --convention nequip"), wrong.err());
        assertTrue(CliRun.of("predict", "--help").out().contains("--potential"));
    }

    private static double[] shifted(double[] x, double d) {
        double[] y = x.clone();
        y[0] += d;
        return y;
    }
}
