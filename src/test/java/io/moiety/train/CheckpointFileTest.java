package io.moiety.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.moiety.model.EnergyHead;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint writing on a GPU. */
class CheckpointFileTest {

    @TempDir
    Path dir;

    /**
     * Writing GPU arrays leaves no host copies behind in their managers (DJL's encoder alone would
     * leave one per array per checkpoint), and the file holds their values. Needs a GPU: on the CPU
     * nothing is copied, so the test is skipped there.
     */
    @Test
    void writingGpuArraysLeavesNoHostCopies() throws Exception {
        Assumptions.assumeTrue(Engine.getInstance().getGpuCount() > 0, "needs a GPU");
        Path file = dir.resolve("gpu.ckpt");
        try (NDManager gpu = NDManager.newBaseManager(Device.gpu())) {
            Map<String, NDArray> w = new LinkedHashMap<>();
            w.put("a", gpu.arange(12f).reshape(new Shape(3, 4)));
            w.put("b", gpu.ones(new Shape(5)));
            int before = gpu.getManagedArrays().size();
            CheckpointState st = new CheckpointState(1, "model", "gpu", "", Map.of(), 1, 1, 1, true, "",
                    new EnergyHead(Map.of(1, -13.6), 0.1, 1.2, "least-squares"),
                    LearningRateSchedule.State.initial(), Map.of(), 0, 1, 1.0,
                    List.of(new EpochResult(1, 1e-3, 0.5, 0.5, 1, 2, 3, 4)), null);
            for (int i = 0; i < 5; i++) {
                CheckpointFile.write(file, st, Map.of(CheckpointFile.WEIGHTS, w));
            }
            assertEquals(before, gpu.getManagedArrays().size(), "arrays left in the GPU arrays' manager");
            try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
                Map<String, NDArray> back = CheckpointFile.read(file, cpu).weights();
                assertArrayEquals(w.get("a").toFloatArray(), back.get("a").toFloatArray());
                assertArrayEquals(w.get("b").toFloatArray(), back.get("b").toFloatArray());
            }
        }
    }

    /** A checkpoint cut short (interrupted copy) is an error naming the file and saying it is truncated. */
    @Test
    void truncatedCheckpointSaysSoWithItsFile() throws Exception {
        Path file = dir.resolve("cut.ckpt");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        StringBuilder json = new StringBuilder("{\"x\": [");
        for (int i = 0; i < 20000; i++) {
            json.append(rng.nextDouble()).append(',');
        }
        json.append("0]}");
        try (var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("checkpoint.json"));
            zip.write(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] all = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> CheckpointFile.readState(file));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(file + ": truncated checkpoint"), e.getMessage());
    }
}
