package io.moiety.data;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs ND4J/DL4J work on a short-lived thread of its own: ND4J sets the OpenMP thread count of the
 * thread that calls it, and libtorch shares that OpenMP runtime, so ND4J must never run on a
 * thread that also runs PyTorch ops.
 */
public final class Nd4jThread {
    private Nd4jThread() {}

    /** {@code work}'s result, computed on a fresh thread; its failure is rethrown here. */
    public static <T> T call(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "moiety-nd4j");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during ND4J work", e);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
