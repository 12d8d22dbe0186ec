package io.moiety.label;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The default {@link WorkEngine}: a bounded pool of {@code workers} daemon threads in this
 * process. Units run lowest {@link UnitWork#priority} first and first-come-first-served within a
 * priority; follow-ups are queued as soon as their unit returns, so a job whose later steps have
 * the lower priority finishes one item after another instead of all at the end.
 */
public final class LocalEngine implements WorkEngine {
    private final int workers;

    /** An engine running at most {@code workers} units at a time. */
    public LocalEngine(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be ≥ 1, got " + workers);
        }
        this.workers = workers;
    }

    @Override
    public <U extends Serializable, R extends Serializable> void run(UnitWork<U, R> work, List<U> roots, Consumer<R> reports)
            throws IOException, InterruptedException {
        new Execution<>(work, reports).execute(roots);
    }

    /** One run: pool, pending count, first fatal error. */
    private final class Execution<U extends Serializable, R extends Serializable> {
        private final UnitWork<U, R> work;
        private final Consumer<R> reports;
        private final ThreadPoolExecutor pool;
        private final AtomicLong sequence = new AtomicLong();
        private final AtomicInteger pending = new AtomicInteger();
        private final AtomicReference<Throwable> fatal = new AtomicReference<>();
        private final CountDownLatch done = new CountDownLatch(1);

        Execution(UnitWork<U, R> work, Consumer<R> reports) {
            this.work = work;
            this.reports = reports;
            this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "moiety-work");
                t.setDaemon(true);
                return t;
            });
        }

        void execute(List<U> roots) throws IOException, InterruptedException {
            // the caller holds one pending count while it submits the roots, so a root that
            // finishes before the next one is queued cannot open the latch early
            pending.incrementAndGet();
            roots.forEach(this::submit);
            if (pending.decrementAndGet() == 0) {
                done.countDown();
            }
            try {
                done.await();
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(60, TimeUnit.SECONDS);
            }
            Throwable t = fatal.get();
            if (t instanceof IOException io) {
                throw io;
            }
            if (t instanceof InterruptedException ie) {
                throw ie;
            }
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }

        private void submit(U unit) {
            pending.incrementAndGet();
            pool.execute(new QueuedUnit(work.priority(unit), sequence.getAndIncrement(), unit));
        }

        private void runUnit(U unit) throws Exception {
            UnitWork.Result<U, R> result = work.run(unit);
            synchronized (this) {
                reports.accept(result.report());
            }
            result.next().forEach(this::submit);
        }

        /** Queued unit: lower priority first, FIFO within a priority. */
        private final class QueuedUnit implements Runnable, Comparable<QueuedUnit> {
            private final int priority;
            private final long seq;
            private final U unit;

            QueuedUnit(int priority, long seq, U unit) {
                this.priority = priority;
                this.seq = seq;
                this.unit = unit;
            }

            @Override
            public int compareTo(QueuedUnit o) {
                return priority != o.priority ? Integer.compare(priority, o.priority) : Long.compare(seq, o.seq);
            }

            @Override
            public void run() {
                try {
                    if (fatal.get() == null) {
                        runUnit(unit);
                    }
                } catch (Throwable t) {
                    fatal.compareAndSet(null, t);
                    done.countDown();
                } finally {
                    if (pending.decrementAndGet() == 0) {
                        done.countDown();
                    }
                }
            }
        }
    }
}
