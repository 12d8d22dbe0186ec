package io.moiety.jmh;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * CPU time per call of single tensor operations through DJL, at the shapes of a 496-atom SchNet
 * batch (E = 6784 edges, N = 496 atoms, F = 64), to tell per-operation overhead from kernel
 * speed; {@code benchmarks/peer/op_micro.py} times the same operations in PyTorch.
 */
public final class OpMicro {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private OpMicro() {}

    public static void main(String[] args) {
        ModelState.pinThreads(1);
        int e = 6784;
        int n = 496;
        int f = 64;
        Random rng = new Random(1);
        long[] src = new long[e];
        for (int i = 0; i < e; i++) {
            src[i] = rng.nextInt(n);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomNormal(new Shape(e, f));
            NDArray b = m.randomNormal(new Shape(e, f));
            NDArray w = m.randomNormal(new Shape(f, f));
            NDArray bias = m.randomNormal(new Shape(f));
            NDArray h = m.randomNormal(new Shape(n, f));
            NDArray idx = m.create(src);
            long[] coo = new long[2 * e];
            for (int i = 0; i < e; i++) {
                coo[i] = src[i];
                coo[e + i] = i;
            }
            NDArray cooIdx = m.create(coo, new Shape(2, e));
            NDArray ones = m.ones(new Shape(e));
            NDArray sparse = JniUtils.createSparseCoo((PtNDArray) cooIdx, (PtNDArray) ones, new Shape(n, e));
            NDArray tiny = m.randomNormal(new Shape(4));
            time("mul [E,F]", m, s -> a.mul(b));
            time("add [E,F]", m, s -> a.add(b));
            time("sigmoid [E,F]", m, s -> a.getNDArrayInternal().sigmoid());
            time("softplus [E,F]", m, s -> a.getNDArrayInternal().softPlus());
            time("linear [E,F]x[F,F]", m, s -> a.getNDArrayInternal().linear(a, w, bias).singletonOrThrow());
            NDArray wt = w.transpose().duplicate();
            time("matMul x·W (contiguous [F,F])", m, s -> a.matMul(wt));
            time("matMul x·Wᵀ + b", m, s -> a.matMul(w.transpose()).add(bias));
            time("gather h[src] [E,F]", m, s -> h.get(idx));
            time("gather via embedding [E,F]", m, s -> JniUtils.embedding((PtNDArray) idx, (PtNDArray) h, false));
            time("sparse segment sum [N,E]x[E,F]", m, s -> sparse.matMul(a));
            time("mul tiny [4] (overhead)", m, s -> tiny.mul(tiny));
            time("sum [E,F] axis 1", m, s -> a.sum(new int[] {1}));
        }
    }

    private static void time(String name, NDManager parent, Function<NDManager, NDArray> op) {
        int reps = 300;
        for (int r = 0; r < 50; r++) {
            try (NDManager s = parent.newSubManager()) {
                NDArray x = op.apply(s);
                x.attach(s);
            }
        }
        long c0 = CPU.getCurrentThreadCpuTime();
        try (NDManager s = parent.newSubManager()) { // results kept until the end, as in a batch manager
            for (int r = 0; r < reps; r++) {
                NDArray x = op.apply(s);
                x.attach(s);
            }
        }
        long c1 = CPU.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) { // each result freed at once
            try (NDManager s = parent.newSubManager()) {
                op.apply(s).attach(s);
            }
        }
        long c2 = CPU.getCurrentThreadCpuTime();
        System.out.printf(Locale.ROOT, "%-34s %8.1f µs kept, %8.1f µs freed at once%n", name,
                (c1 - c0) / 1e3 / reps, (c2 - c1) / 1e3 / reps);
    }
}
