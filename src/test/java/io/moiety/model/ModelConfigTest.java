package io.moiety.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {

    @Test
    void shippedConfigsLoadAndBuild() throws IOException {
        for (String name : new String[] {"schnet-small", "schnet-paper", "painn-small", "painn-paper"}) {
            ModelConfig c = ModelConfig.load(name);
            assertEquals(4, ((Number) c.training().get("energy_weight")).intValue(), name);
            assertEquals(100, ((Number) c.training().get("forces_weight")).intValue(), name);
            assertTrue(Models.create(c).block().getChildren().size() > 2, name);
        }
        ModelConfig s = ModelConfig.load("schnet-paper");
        assertEquals(1024, s.integer("features"));
        assertEquals(5, s.integer("interactions"));
        assertEquals(6.0, s.cutoff());
        ModelConfig p = ModelConfig.load("painn-paper");
        assertEquals(512, p.integer("features"));
        assertEquals(6, p.integer("interactions"));
        assertEquals(12.0, p.cutoff());
    }

    @Test
    void overridesAndYamlRoundTrip() {
        ModelConfig c = Molecules.tiny("schnet", false)
                .withOverrides(Map.of("features", "16", "dtype", "float32", "training.max_epochs", "5"));
        assertEquals(16, c.integer("features"));
        assertEquals(DataType.FLOAT32, c.dataType());
        assertEquals(5, c.training().get("max_epochs"));
        ModelConfig back = ModelConfig.parse(c.toYaml(), "round-trip");
        assertEquals(c.architecture(), back.architecture());
        assertEquals(c.training(), back.training());
        assertEquals(c.cutoff(), back.cutoff());
    }

    /**
     * {@code auto} values: listed by {@code autoKeys}, taken from a saved config by
     * {@code withAutoFrom} (dropped where the saved config uses the default), and refused for a type
     * that cannot measure them.
     */
    @Test
    void autoKeysComeFromTheSavedConfigOrTheData() {
        ModelConfig auto = Molecules.tiny("schnet", false).withOverride("rbf", "auto");
        assertEquals(java.util.List.of("rbf"), auto.autoKeys());
        ModelConfig saved = auto.withOverride("rbf", "7");
        assertEquals(saved.architecture(), auto.withAutoFrom(saved).architecture());
        ModelConfig withoutKey = Molecules.tiny("schnet", false);
        assertEquals(withoutKey.architecture(), auto.withAutoFrom(withoutKey).architecture());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Models.resolveAuto(auto, java.util.List.of()));
        assertTrue(e.getMessage().contains("rbf") && e.getMessage().contains("schnet"), e.getMessage());
        assertEquals(withoutKey, Models.resolveAuto(withoutKey, java.util.List.of()));
    }

    /**
     * A key the model type does not read is an error listing the valid keys, whether it is in the
     * file, a top-level typo or an override; the typed config of each type reads its own keys.
     */
    @Test
    void unknownKeysAreRejectedWithTheValidOnes() {
        for (String type : new String[] {"schnet", "painn"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Molecules.tiny(type, false).withOverride("feature", "128"));
            assertTrue(e.getMessage().contains("[feature]") && e.getMessage().contains("valid keys: cutoff, ")
                    && e.getMessage().contains("features, ") && e.getMessage().contains("interactions, rbf") && e.getMessage().contains("feature=128"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse(
                "type: schnet\ncutoff: 5\nfeatures: 8\ninteractions: 2\nfilter: 32\n", "typo.yaml"));
        assertTrue(e.getMessage().startsWith("typo.yaml") && e.getMessage().contains("[filter]")
                && e.getMessage().contains("filters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Molecules.tiny("schnet", false).withOverride("trainig.lr", "0.1"));
        assertTrue(e.getMessage().contains("[trainig]") && e.getMessage().contains("training"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Molecules.tiny("schnet", true));
        assertTrue(e.getMessage().contains("[direct_forces]"), "schnet has no direct-force head: " + e.getMessage());
        assertEquals(new io.moiety.model.painn.PaiNNConfig(8, 2, 6, true),
                io.moiety.model.painn.PaiNNConfig.of(Molecules.tiny("painn", true)));
        assertEquals(new io.moiety.model.schnet.SchNetConfig(8, 2, 6, 8),
                io.moiety.model.schnet.SchNetConfig.of(Molecules.tiny("schnet", false)));
        assertEquals(16, Molecules.tiny("schnet", false).with("training.max_epochs", 16).training().get("max_epochs"));
    }

    /** The YAML written into checkpoints keeps the file's key order (the same text on every run). */
    @Test
    void yamlKeepsTheFileOrder() {
        ModelConfig c = ModelConfig.parse("type: schnet\ncutoff: 5.0\ninteractions: 2\nfeatures: 8\nrbf: 10\n"
                + "filters: 8\ntraining:\n  lr: 0.01\n  batch_size: 5\n", "a.yaml");
        String y = c.toYaml();
        int[] at = {y.indexOf("interactions:"), y.indexOf("features:"), y.indexOf("rbf:"), y.indexOf("filters:")};
        assertTrue(at[0] >= 0 && at[0] < at[1] && at[1] < at[2] && at[2] < at[3], y);
        assertEquals(y, ModelConfig.parse(y, "again").toYaml());
    }

    /** The content hash ignores file, key order, comments and formatting, and sees every value. */
    @Test
    void sha256IsTheContent() {
        ModelConfig a = ModelConfig.parse("type: schnet\ncutoff: 5.0\nfeatures: 8\ninteractions: 2\n"
                + "training:\n  lr: 0.01\n  batch_size: 5\n", "a.yaml");
        ModelConfig b = ModelConfig.parse("# same network\ninteractions: 2   # two\nfeatures: 8\ntype: schnet\n"
                + "training: {batch_size: 5, lr: 0.01}\ncutoff: 5.0\ndtype: float32\n", "b.yaml");
        assertEquals(a.sha256(), b.sha256());
        assertEquals(64, a.sha256().length());
        assertTrue(!a.sha256().equals(a.withOverride("features", "9").sha256()), "architecture value");
        assertTrue(!a.sha256().equals(a.withOverride("training.lr", "0.02").sha256()), "training value");
        assertTrue(!a.sha256().equals(a.withOverride("cutoff", "4.5").sha256()), "cutoff");
    }

    @Test
    void errorsNameFileAndField(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "type: schnet\ncutoff: -1\nfeatures: 8\ninteractions: 2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.load(f));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("cutoff"), e.getMessage());
        Files.writeString(f, "type: schnet\ncutoff: 5\ninteractions: 2\n");
        ModelConfig noFeatures = ModelConfig.load(f);
        e = assertThrows(IllegalArgumentException.class, () -> Models.create(noFeatures));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("features"), e.getMessage());
        Files.writeString(f, "type: transformer\ncutoff: 5\n");
        ModelConfig unknown = ModelConfig.load(f);
        e = assertThrows(IllegalArgumentException.class, () -> Models.create(unknown));
        assertTrue(e.getMessage().contains("type") && e.getMessage().contains("schnet"), e.getMessage());
        Files.writeString(f, "type: schnet\ncutoff: 5\ndtype: float16\n");
        e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.load(f));
        assertTrue(e.getMessage().contains("dtype"), e.getMessage());
        assertThrows(IOException.class, () -> ModelConfig.load("no-such-model"));
    }

    @Test
    void devicesSelectCpuAndRejectNonsense() {
        assertEquals(ai.djl.Device.cpu(), Devices.select("cpu"));
        ai.djl.Device auto = Devices.select("auto");
        assertTrue(auto.isGpu() == (ai.djl.engine.Engine.getInstance().getGpuCount() > 0));
        if (ai.djl.engine.Engine.getInstance().getGpuCount() == 0) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Devices.select("gpu"));
            assertTrue(e.getMessage().contains("PYTORCH_LIBRARY_PATH"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Devices.select("tpu"));
    }
}
