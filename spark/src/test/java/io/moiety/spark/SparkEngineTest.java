package io.moiety.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.label.UnitWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;

/** The Spark engine on synthetic units in local mode: follow-ups in waves, retries, errors. */
class SparkEngineTest {

    /** Unit n has follow-ups 2n+1 and 2n+2 below {@code limit}; unit {@code flaky} fails on its task's first attempt, {@code broken} always. */
    private record Tree(int limit, int flaky, int broken) implements UnitWork<Integer, Integer> {
        @Override
        public int priority(Integer unit) {
            return 0;
        }

        @Override
        public Result<Integer, Integer> run(Integer unit) {
            if (unit == broken || unit == flaky && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("unit " + unit + " cannot run");
            }
            List<Integer> next = new ArrayList<>();
            for (int c : new int[] {2 * unit + 1, 2 * unit + 2}) {
                if (c < limit) {
                    next.add(c);
                }
            }
            return new Result<>(unit, next);
        }
    }

    @Test
    void everyUnitRunsAndReportsOnceEvenWhenATaskIsRetried() throws Exception {
        SparkEngine engine = new SparkEngine(LocalSpark.context(), 2);
        List<Integer> reports = new ArrayList<>();
        long failedBefore = engine.failedTaskAttempts();
        engine.run(new Tree(100, 37, -1), List.of(0), reports::add);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        reports.sort(Integer::compare);
        assertEquals(expected, reports);
        long end = System.nanoTime() + 10_000_000_000L;   // the listener hears of task ends asynchronously
        while (engine.failedTaskAttempts() == failedBefore && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(1, engine.failedTaskAttempts() - failedBefore, "the flaky task failed once and was retried");
    }

    /** Units 0 … n−1, each sleeping {@code millis} and counting its runs in {@link #STARTED} (one JVM in local mode). */
    private record Sleepers(int millis) implements UnitWork<Integer, Integer> {
        @Override
        public int priority(Integer unit) {
            return 0;
        }

        @Override
        public Result<Integer, Integer> run(Integer unit) throws InterruptedException {
            STARTED.incrementAndGet();
            Thread.sleep(millis);
            return new Result<>(unit, List.of());
        }
    }

    private static final AtomicInteger STARTED = new AtomicInteger();

    @Test
    void whenTheDriverStopsAJobNoFurtherUnitRuns() throws Exception {
        STARTED.set(0);
        List<Integer> units = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            units.add(i);
        }
        int[] seen = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SparkEngine(LocalSpark.context(), 20).run(new Sleepers(200), units, r -> {
            if (++seen[0] == 3) {
                throw new IllegalStateException("stop");
            }
        }));
        assertEquals("stop", e.getMessage());
        int atReturn = STARTED.get();
        Thread.sleep(1000);
        assertEquals(atReturn, STARTED.get(), "no unit starts after run returned");
        assertTrue(atReturn < units.size(), "the job stopped early: " + atReturn);
    }

    @Test
    void aUnitThatKeepsFailingStopsTheRunAndTheErrorNamesTheExecutorHost() {
        SparkEngine engine = new SparkEngine(LocalSpark.context(), 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.run(new Tree(100, -1, 9), List.of(0), r -> { }));
        assertTrue(e.getMessage().contains("unit 9 cannot run"), e.getMessage());
        assertTrue(e.getMessage().contains("on executor driver on host "), e.getMessage());
    }

    @Test
    void anErrorOfTheDriverSideReportHandlerIsRethrownAsItIs() {
        SparkEngine engine = new SparkEngine(LocalSpark.context(), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.run(new Tree(100, -1, -1), List.of(0), r -> {
            if (r == 20) {
                throw new IllegalArgumentException("stop at 20");
            }
        }));
        assertEquals("stop at 20", e.getMessage());
    }
}
