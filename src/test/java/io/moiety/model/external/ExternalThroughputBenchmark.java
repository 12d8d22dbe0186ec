package io.moiety.model.external;

import ai.djl.Device;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a unit test: frames per second of a deployed TorchScript potential through
 * {@link TorchScriptPotential#predict} (neighbour list, input tensors, forward with forces), the
 * Java half of benchmarks/external-potentials.md (the Python half is
 * {@code src/test/python/external_throughput.py}). Usage:
 * {@code java -cp ... io.moiety.model.external.ExternalThroughputBenchmark MODEL XYZ FRAMES BATCH}
 */
public final class ExternalThroughputBenchmark {
    private ExternalThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int count = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        List<Frame> frames = new ArrayList<>();
        try (Dataset d = DatasetFiles.open(Path.of(args[1]))) {
            for (MoleculeRecord m : d.readAll()) {
                frames.addAll(m.frames());
            }
        }
        frames = frames.subList(0, Math.min(count, frames.size()));
        ExternalOptions options = new ExternalOptions(null, Double.NaN, List.of(), null, batch);
        try (TorchScriptPotential p = TorchScriptPotential.load("bench", model, options, Device.cpu())) {
            System.out.printf(Locale.ROOT, "%s; %d frames of %d atoms, batch %d, threads %s%n", p.info().summary(),
                    frames.size(), frames.get(0).size(), batch, System.getProperty("ai.djl.pytorch.num_threads"));
            p.predict(frames.subList(0, Math.min(3 * batch, frames.size()))); // warm-up
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            double bestWall = 0;
            double bestCpu = 0;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                long c0 = cpu.getCurrentThreadCpuTime();
                p.predict(frames);
                bestWall = Math.max(bestWall, frames.size() / ((System.nanoTime() - t0) / 1e9));
                bestCpu = Math.max(bestCpu, frames.size() / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9));
            }
            System.out.printf(Locale.ROOT, "Moiety predict (neighbour list + tensors + forward): %.1f frames/s wall, "
                    + "%.1f frames per CPU-second of the calling thread (best of 3)%n", bestWall, bestCpu);
        }
    }
}
