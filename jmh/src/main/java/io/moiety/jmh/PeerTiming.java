package io.moiety.jmh;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.moiety.chem.Structure;
import io.moiety.model.Devices;
import io.moiety.model.EnergyModel;
import io.moiety.model.ModelConfig;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.ForceGrad;
import io.moiety.model.nn.GradMode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Moiety's side of the PyTorch comparison (benchmarks/peer/compare.py): times inference
 * (neighbour list + energy + forces) and one training step on the systems of
 * {@link BenchSystems} with the same loop, phases and JSON fields as
 * {@code benchmarks/peer/peer_bench.py}. Prints one JSON object per mode: median wall time
 * {@code ms}, median CPU time of the calling thread {@code cpu_ms} (with one intra-op thread all
 * tensor work runs on it, so it is robust when other jobs load the machine) and mean per-phase CPU times.
 *
 * <pre>java -cp jmh/target/benchmarks.jar io.moiety.jmh.PeerTiming --system alkanes32 --model schnet-small --threads 1</pre>
 */
public final class PeerTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] PHASES = {"graph", "forward", "forces", "backward", "optimizer"};

    private PeerTiming() {}

    /** The named comparison system: {@code alkanes32} (32 molecules C3–C6), {@code hexane1000},
     *  or {@code propane1} (one molecule: almost pure per-operation overhead). */
    static List<Structure> system(String name) {
        return switch (name) {
            case "alkanes32" -> BenchSystems.alkaneBatch(32, 42);
            case "hexane1000" -> List.of(BenchSystems.hexaneCluster(1000, 42));
            case "propane1" -> BenchSystems.alkaneBatch(1, 42);
            default -> throw new IllegalArgumentException("unknown system '" + name + "' (alkanes32, hexane1000, propane1)");
        };
    }

    public static void main(String[] args) throws IOException {
        String systemName = "alkanes32";
        String model = "schnet-small";
        String device = "cpu";
        String modes = "infer,train";
        int threads = 1;
        int warmup = 5;
        int iters = 20;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--system" -> systemName = v;
                case "--model" -> model = v;
                case "--device" -> device = v;
                case "--modes" -> modes = v;
                case "--threads" -> threads = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--iters" -> iters = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--system --model --device --modes --threads --warmup --iters)");
            }
            i++;
        }
        ModelState.pinThreads(threads);
        List<Structure> structures = system(systemName);
        int atoms = structures.stream().mapToInt(Structure::size).sum();
        ModelConfig config = ModelConfig.load(model);
        try (EnergyModel m = EnergyModel.create(config, Devices.select(device), 1);
             ForceGrad forceGrad = ForceGrad.load(m.manager());
             PeerTrainStep train = new PeerTrainStep(m, structures, 4.0, 100.0, 7)) {
            for (String mode : modes.split(",")) {
                long[][] t = new long[PHASES.length + 1][iters];
                long[] cpu = new long[iters];
                int edges = 0;
                for (int it = 0; it < warmup + iters; it++) {
                    long[] ph = new long[PHASES.length];
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    if (mode.equals("train")) {
                        if (!Double.isFinite(train.run())) {
                            throw new IllegalStateException("non-finite loss");
                        }
                        System.arraycopy(train.phases, 0, ph, 0, ph.length);
                    } else if (mode.equals("infer")) {
                        edges = infer(m, forceGrad, structures, ph);
                    } else {
                        throw new IllegalArgumentException("unknown mode '" + mode + "' (infer, train)");
                    }
                    long c1 = THREADS.getCurrentThreadCpuTime();
                    long w1 = System.nanoTime();
                    if (it >= warmup) {
                        cpu[it - warmup] = c1 - c0;
                        for (int k = 0; k < ph.length; k++) {
                            t[k][it - warmup] = ph[k];
                        }
                        t[PHASES.length][it - warmup] = w1 - w0;
                    }
                }
                if (edges == 0) {
                    try (NDManager scratch = m.manager().newSubManager();
                         GraphBatch b = m.batch(structures, scratch, false)) {
                        edges = b.numEdges();
                    }
                }
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(Locale.ROOT, "{\"impl\": \"moiety\", \"model\": \"%s\", \"mode\": \"%s\", "
                                + "\"system\": \"%s\", \"atoms\": %d, \"molecules\": %d, \"edges\": %d, \"threads\": %d, "
                                + "\"device\": \"%s\", \"iters\": %d, \"ms\": %.4f, \"cpu_ms\": %.4f, \"phases_ms\": {",
                        config.type(), mode, systemName, atoms, structures.size(), edges, threads, device, iters,
                        median(t[PHASES.length]) / 1e6, median(cpu) / 1e6));
                for (int k = 0; k < PHASES.length; k++) {
                    sb.append(String.format(Locale.ROOT, "\"%s\": %.4f, ", PHASES[k], mean(t[k]) / 1e6));
                }
                sb.append(String.format(Locale.ROOT, "\"wall_total\": %.4f}}", mean(t[PHASES.length]) / 1e6));
                System.out.println(sb);
            }
        }
    }

    /** One inference call, phases in ns into {@code ph}; returns the edge count. */
    private static int infer(EnergyModel m, ForceGrad forceGrad, List<Structure> structures, long[] ph) {
        try (GradMode g = GradMode.enabled(); NDManager step = m.manager().newSubManager()) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            GraphBatch b = m.batch(structures, step, true);
            long t1 = THREADS.getCurrentThreadCpuTime();
            NDArray e = m.forward(b, null, false, false).relativeEnergies();
            long t2 = THREADS.getCurrentThreadCpuTime();
            NDArray f = forceGrad.forces(e, b.positions(), false);
            float[] ev = e.toFloatArray();
            float[] fv = f.toFloatArray();
            long t3 = THREADS.getCurrentThreadCpuTime();
            if (!Float.isFinite(ev[0]) || !Float.isFinite(fv[0])) {
                throw new IllegalStateException("non-finite prediction");
            }
            ph[0] = t1 - t0;
            ph[1] = t2 - t1;
            ph[2] = t3 - t2;
            return b.numEdges();
        }
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static double mean(long[] v) {
        double sum = 0;
        for (long x : v) {
            sum += x;
        }
        return v.length == 0 ? 0 : sum / v.length;
    }

}
