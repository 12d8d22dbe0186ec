package io.moiety.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.model.EnergyHead;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint's JSON state stays readable across versions of the code that writes it. */
class CheckpointStateFormatTest {

    /**
     * The state of a {@code last.ckpt} as Moiety wrote it before the energy head became one record
     * (main at 9750897: {@code normalization} held a {@code train.EnergyNormalization}), trimmed to
     * one epoch of history and two optimiser entries.
     */
    private static final String FORMAT_1_STATE = """
            {
              "formatVersion" : 1,
              "kind" : "training",
              "modelName" : "schnet-small",
              "modelConfigYaml" : "---\\ntype: \\"schnet\\"\\ncutoff: 5.0\\ndtype: \\"float32\\"\\nrbf: 25\\n",
              "training" : { "optimizer" : "adam", "lr" : 0.002, "valid_batch_size" : 32, "max_epochs" : 15 },
              "seed" : 1,
              "epoch" : 15,
              "globalStep" : 1425,
              "finished" : true,
              "stopReason" : "reached max_epochs=15",
              "normalization" : {
                "referenceEnergies" : {
                  "6" : -57.93428555090194,
                  "1" : -14.010626877921275,
                  "8" : -109.74268481504762
                },
                "shift" : 0.016081672815000697,
                "scale" : 0.9297042123980552,
                "source" : "least-squares"
              },
              "schedule" : { "plateauScale" : 1.0, "bestLoss" : 1.5555241162518434, "badEpochs" : 0 },
              "optimizerSteps" : { "05out1_weight" : 1425, "05out1_bias" : 1425 },
              "emaUpdates" : 1425,
              "bestEpoch" : 15,
              "bestValidLoss" : 1.5555241162518434,
              "history" : [ {
                "epoch" : 1,
                "learningRate" : 0.002,
                "trainLoss" : 38.470431799637645,
                "validLoss" : 15.03993007714856,
                "validEnergyMaePerAtom" : 0.05273104865621474,
                "validEnergyMae" : 0.6591211159178172,
                "validForceMae" : 0.23405388783879919,
                "wallSeconds" : 3.40270136
              } ],
              "metadata" : {
                "moietyVersion" : "0.1.0-SNAPSHOT",
                "djlVersion" : "0.36.0",
                "engine" : "PyTorch 2.7.1",
                "javaVersion" : "17.0.15",
                "device" : "cpu()",
                "trainHash" : "2453ece6e49d7a56b643c5ab07a0c72382cba8b683e4c83d54e6588cf361103b",
                "validHash" : "c923a58dbdbd9d5760e2020029162e673248cc726d075d0b34a3f4aac829e27e",
                "trainFrames" : 760,
                "validFrames" : 57,
                "created" : "2026-12-02T03:06:45.827266128Z",
                "initializedFrom" : ""
              }
            }
            """;

    @TempDir
    Path dir;

    /** A checkpoint written in the former format loads, its {@code normalization} becoming the model's head. */
    @Test
    void aCheckpointWithTheFormerNormalizationLoads() throws Exception {
        Path file = dir.resolve("last.ckpt");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("checkpoint.json"));
            zip.write(FORMAT_1_STATE.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        CheckpointState s = CheckpointFile.readState(file);
        EnergyHead head = s.head();
        assertEquals(Map.of(1, -14.010626877921275, 6, -57.93428555090194, 8, -109.74268481504762),
                head.referenceEnergies());
        assertEquals(0.016081672815000697, head.shift());
        assertEquals(0.9297042123980552, head.scale());
        assertEquals(EnergyHead.LEAST_SQUARES, head.source());
        assertFalse(head.fromIsolatedAtoms());
        assertEquals(-14.010626877921275 * 2 - 109.74268481504762, head.references().total(new int[] {1, 1, 8}));
        assertEquals(15, s.epoch());
        assertEquals(1425, s.optimizerSteps().get("05out1_bias"));
        assertEquals(1, s.history().size());
        assertNull(s.prior());
    }

    /** The head is written under its former property name, so that older Moiety versions read new checkpoints. */
    @Test
    void theHeadIsWrittenAsNormalization() throws Exception {
        Path file = dir.resolve("model.ckpt");
        EnergyHead head = new EnergyHead(Map.of(8, -2040.0, 1, -13.6), 0.25, 1.5, EnergyHead.ISOLATED + "atoms.xyz");
        CheckpointState st = new CheckpointState(1, "model", "m", "", Map.of(), 3, 1, 10, true, "", head,
                LearningRateSchedule.State.initial(), Map.of(), 0, 1, 1.0,
                List.of(new EpochResult(1, 1e-3, 0.5, 0.5, 1, 2, 3, 4)), null);
        CheckpointFile.write(file, st, Map.of());
        String json;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            zip.getNextEntry();
            json = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.contains("\"normalization\" : {"), json);
        assertFalse(json.contains("\"head\""), json);
        CheckpointState back = CheckpointFile.readState(file);
        assertEquals(head, back.head());
        assertTrue(back.head().fromIsolatedAtoms());
    }
}
