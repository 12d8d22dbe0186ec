package io.moiety.jmh;

import io.moiety.chem.Structure;
import io.moiety.model.EnergyModel;
import io.moiety.model.ModelConfig;
import io.moiety.model.graph.AllPairs;
import io.moiety.model.graph.BinnedNeighbourList;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.graph.NeighbourList;
import io.moiety.model.nn.GradMode;
import io.moiety.model.Devices;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per atom (this thread, one intra-op thread) of neighbour lists and of energy + forces
 * against N: the same questions as {@code NeighbourListBench} and {@code EnergyForcesBench}, in a
 * measure that other jobs on a loaded machine cannot inflate (JMH reports wall time). Prints a
 * Markdown table with the slope of log t vs log N between the two largest sizes.
 *
 * <pre>java -cp jmh/target/benchmarks.jar io.moiety.jmh.CpuScaling [schnet-small,painn-small [10000 [models-only]]]</pre>
 * (second argument: largest N for the models; third: skip the neighbour lists)
 */
public final class CpuScaling {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int[] SIZES = {20, 100, 1000, 10000};

    private CpuScaling() {}

    public static void main(String[] args) throws IOException {
        String[] models = (args.length > 0 ? args[0] : "schnet-small,painn-small").split(",");
        int maxAtoms = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        boolean lists = args.length < 3;
        int[] modelSizes = java.util.Arrays.stream(SIZES).filter(n -> n <= maxAtoms).toArray();
        ModelState.pinThreads(1);
        System.out.println("| what | N → CPU µs/atom | slope (largest two N) |");
        System.out.println("|---|---|---:|");
        for (String kind : lists ? new String[] {"cluster", "box"} : new String[0]) {
            row("cell list, " + kind, n -> new BinnedNeighbourList().build(BenchSystems.system(kind, n), 5.0).size(), SIZES);
            row("all pairs, " + kind, n -> new AllPairs().build(BenchSystems.system(kind, n), 5.0).size(),
                    kind.equals("box") ? new int[] {20, 100, 1000} : SIZES);
        }
        for (String name : models) {
            try (EnergyModel m = EnergyModel.create(ModelConfig.load(name), Devices.select("cpu"), 1)) {
                row("energy + forces, " + name, n -> {
                    List<Structure> in = List.of(BenchSystems.hexaneCluster(n, 42));
                    try (GradMode g = GradMode.enabled(); GraphBatch b = m.batch(in, true)) {
                        EnergyModel.Output o = m.forward(b, null, false, true);
                        return o.forces().toFloatArray().length;
                    }
                }, modelSizes);
            }
        }
    }

    private interface Op {
        int run(int atoms);
    }

    private static void row(String label, Op op, int[] sizes) {
        StringBuilder sb = new StringBuilder();
        double[] perAtom = new double[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            int n = sizes[k];
            int reps = Math.max(1, 20000 / n);
            op.run(n); // warm-up (JIT, allocator)
            long c0 = CPU.getCurrentThreadCpuTime();
            for (int r = 0; r < reps; r++) {
                op.run(n);
            }
            perAtom[k] = (CPU.getCurrentThreadCpuTime() - c0) / 1e3 / reps / n;
            sb.append(String.format(Locale.ROOT, "%d: %.3g; ", n, perAtom[k]));
        }
        int a = sizes.length - 2;
        int b = sizes.length - 1;
        double slope = 1 + Math.log(perAtom[b] / perAtom[a]) / Math.log((double) sizes[b] / sizes[a]);
        System.out.printf(Locale.ROOT, "| %s | %s | %.2f |%n", label, sb.toString().trim(), slope);
    }
}
