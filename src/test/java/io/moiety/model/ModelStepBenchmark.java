package io.moiety.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.moiety.chem.Structure;
import io.moiety.model.graph.AllPairs;
import io.moiety.model.graph.BinnedNeighbourList;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.Constants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Not a unit test: measures training-step time, inference throughput and process memory over
 * many steps, and neighbour-list scaling. Usage (see benchmarks/models.md):
 * {@code java -cp ... io.moiety.model.ModelStepBenchmark CONFIG STEPS BATCH}
 */
public final class ModelStepBenchmark {
    private ModelStepBenchmark() {}

    static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        String cfgName = args.length > 0 ? args[0] : "schnet-small";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        if (cfgName.equals("neighbours")) {
            neighbours();
            return;
        }
        ModelConfig cfg = ModelConfig.load(cfgName);
        List<Structure> pool = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            pool.add(Molecules.ethanol(100 + i));
        }
        try (EnergyModel m = EnergyModel.create(cfg, Device.cpu(), 1)) {
            long params = 0;
            for (var p : m.block().getParameters()) {
                params += p.getValue().getArray().size();
            }
            System.out.printf("%s: %d parameters, dtype %s, threads %d%n", cfgName, params, cfg.dtype(),
                    ai.djl.pytorch.jni.JniUtils.getNumThreads());
            double[] ms = new double[steps];
            for (int s = 0; s < steps; s++) {
                List<Structure> b = new ArrayList<>();
                for (int k = 0; k < batch; k++) {
                    b.add(pool.get((s * batch + k) % pool.size()));
                }
                long t0 = System.nanoTime();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector();
                     GraphBatch g = m.batch(b, true)) {
                    EnergyModel.Output o = m.forward(g, null, true, true);
                    Constants c = g.constants();
                    NDArray loss = o.relativeEnergies().square().mean().mul(c.scalar(4.0))
                            .add(o.forces().square().mean().mul(c.scalar(100.0)));
                    gc.backward(loss);
                }
                ms[s] = (System.nanoTime() - t0) / 1e6;
                if (s % 100 == 0 || s == steps - 1) {
                    System.out.printf("step %d: %.1f ms, RSS %d MB, arrays in model manager %d, heap used %d MB%n", s, ms[s],
                            rssKb() / 1024, m.manager().getManagedArrays().size(),
                            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
                }
            }
            double[] tail = Arrays.copyOfRange(ms, Math.min(10, steps - 1), steps);
            Arrays.sort(tail);
            System.out.printf("train step (batch %d ethanol, energy+force loss, fwd+bwd): median %.1f ms%n", batch, tail[tail.length / 2]);
            List<Structure> many = new ArrayList<>();
            for (int i = 0; i < 512; i++) {
                many.add(pool.get(i % pool.size()));
            }
            m.predict(many.subList(0, 64), 32);
            long t0 = System.nanoTime();
            m.predict(many, 32);
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("inference (energy+forces, batch 32): %.0f structures/s, RSS %d MB%n", many.size() / sec, rssKb() / 1024);
        }
    }

    static void neighbours() {
        Random r = new Random(1);
        for (int n : new int[] {20, 100, 1000, 10000}) {
            double box = Math.cbrt(n / 0.1); // 0.1 atoms/Å³, liquid-like
            int[] z = new int[n];
            Arrays.fill(z, 6);
            double[] x = new double[3 * n];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextDouble() * box;
            }
            Structure mol = Structure.molecule(z, x);
            Structure per = new Structure(z, x, 0, 1, new double[] {box, 0, 0, 0, box, 0, 0, 0, box});
            for (Structure s : new Structure[] {mol, per}) {
                String kind = s.periodic() ? "periodic" : "molecule";
                double cell = time(() -> new BinnedNeighbourList().build(s, 5.0).size());
                double all = n <= 2000 ? time(() -> new AllPairs().build(s, 5.0).size()) : Double.NaN;
                System.out.printf("N=%d %s: cell list %.2f ms, all pairs %s ms, edges %d%n", n, kind, cell,
                        Double.isNaN(all) ? "-" : String.format("%.2f", all), new BinnedNeighbourList().build(s, 5.0).size());
            }
        }
    }

    static double time(java.util.function.IntSupplier f) {
        for (int i = 0; i < 3; i++) {
            f.getAsInt();
        }
        int reps = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 300_000_000L || reps < 3) {
            f.getAsInt();
            reps++;
        }
        return (System.nanoTime() - t0) / 1e6 / reps;
    }
}
