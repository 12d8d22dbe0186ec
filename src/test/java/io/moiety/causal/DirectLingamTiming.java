package io.moiety.causal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wall-clock time of one DirectLiNGAM fit (order and adaptive-lasso weights) on synthetic data,
 * for benchmarks/causal.md. Usage, after {@code mvn -q -o test-compile}:
 * {@code java -cp target/classes:target/test-classes io.moiety.causal.DirectLingamTiming [n [p [repeats]]]}
 * (defaults 3000 × 10, 10 timed fits after 3 warm-up fits). Prints the median and range, and
 * whether the order and weights were recovered.
 */
final class DirectLingamTiming {
    private DirectLingamTiming() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        SyntheticLingam model = SyntheticLingam.random(p, 0.3, 1);
        double[][] x = model.sample(n, 2, false);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("x" + j);
        }
        DirectLingam lingam = new DirectLingam();
        CausalGraph g = null;
        for (int w = 0; w < 3; w++) {
            g = lingam.fit(x, names);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ms = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            g = lingam.fit(x, names);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        double[] orderOnly = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            lingam.causalOrder(x);
            orderOnly[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        Arrays.sort(orderOnly);
        double maxError = 0;
        double[][] b = g.b();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double e = Math.abs(b[i][j] - model.b()[i][j]);
                if (e > 0.05) {
                    System.out.printf("b[%d][%d] = %.4f, true %.4f%n", i, j, b[i][j], model.b()[i][j]);
                }
                maxError = Math.max(maxError, e);
            }
        }
        System.out.printf("DirectLiNGAM %d x %d: fit wall median %.1f ms (min %.1f, max %.1f), thread CPU median %.1f ms (min %.1f) over %d fits; order alone wall median %.1f ms%n",
                n, p, ms[repeats / 2], ms[0], ms[repeats - 1], cpu[repeats / 2], cpu[0], repeats, orderOnly[repeats / 2]);
        System.out.printf("order consistent with the true DAG: %b; max |B - B_true| = %.4f%n", model.consistentWith(g.order()), maxError);
    }
}
