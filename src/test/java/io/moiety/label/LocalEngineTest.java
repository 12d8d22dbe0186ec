package io.moiety.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The local work engine on synthetic units: a tree of follow-ups, priorities, errors. */
class LocalEngineTest {

    /** Unit n has follow-ups 2n+1 and 2n+2 below {@code limit}; the report is n; priority −depth (deeper first). */
    private record Tree(int limit, int failAt) implements UnitWork<Integer, Integer> {
        @Override
        public int priority(Integer unit) {
            return -(31 - Integer.numberOfLeadingZeros(unit + 1));
        }

        @Override
        public Result<Integer, Integer> run(Integer unit) throws IOException {
            if (unit == failAt) {
                throw new IOException("unit " + unit + " failed");
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
    void everyUnitAndFollowUpRunsOnceAndReportsOnce() throws Exception {
        List<Integer> reports = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        new LocalEngine(3).run(new Tree(500, -1), List.of(0), r -> {
            if (inside.incrementAndGet() > 1) {
                overlap.incrementAndGet();
            }
            reports.add(r);
            inside.decrementAndGet();
        });
        List<Integer> sorted = new ArrayList<>(reports);
        Collections.sort(sorted);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add(i);
        }
        assertEquals(expected, sorted);
        assertEquals(0, overlap.get(), "reports are handed over one at a time");
    }

    @Test
    void oneWorkerRunsLowerPriorityValuesFirstAndFifoWithinAPriority() throws Exception {
        List<Integer> order = new ArrayList<>();
        // depth-first: a unit's follow-ups (deeper, lower value) run before queued shallower units
        new LocalEngine(1).run(new Tree(7, -1), List.of(0), order::add);
        assertEquals(List.of(0, 1, 3, 4, 2, 5, 6), order);
    }

    @Test
    void anUnexpectedErrorStopsTheRunAndIsRethrown() {
        AtomicInteger reported = new AtomicInteger();
        IOException e = assertThrows(IOException.class,
                () -> new LocalEngine(2).run(new Tree(1 << 12, 5), List.of(0), r -> reported.incrementAndGet()));
        assertEquals("unit 5 failed", e.getMessage());
        assertTrue(reported.get() < (1 << 12) - 1, "the run stopped early: " + reported.get());
    }

    @Test
    void anErrorOfTheReportSinkStopsTheRun() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LocalEngine(2).run(new Tree(1 << 12, -1), List.of(0), r -> {
            if (r == 10) {
                throw new IllegalStateException("killed at 10");
            }
        }));
        assertEquals("killed at 10", e.getMessage());
    }

    @Test
    void aRootFinishedBeforeTheNextIsQueuedDoesNotEndTheRun() throws Exception {
        // the second root is handed over only after the first has finished and reported, when
        // nothing else is pending; the second unit still runs to the end and reports
        CountDownLatch firstReported = new CountDownLatch(1);
        List<Integer> roots = new AbstractList<>() {
            @Override
            public Integer get(int index) {
                if (index == 1) {
                    try {
                        firstReported.await();
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return index;
            }

            @Override
            public int size() {
                return 2;
            }
        };
        UnitWork<Integer, Integer> work = new UnitWork<>() {
            @Override
            public int priority(Integer unit) {
                return 0;
            }

            @Override
            public Result<Integer, Integer> run(Integer unit) throws Exception {
                if (unit == 1) {
                    Thread.sleep(200);
                }
                return new Result<>(unit, List.of());
            }
        };
        List<Integer> reports = Collections.synchronizedList(new ArrayList<>());
        new LocalEngine(2).run(work, roots, r -> {
            reports.add(r);
            firstReported.countDown();
        });
        assertEquals(List.of(0, 1), reports);
    }

    @Test
    void noRootsReturnsAtOnce() throws Exception {
        List<Integer> reports = new ArrayList<>();
        new LocalEngine(2).run(new Tree(10, -1), List.of(), reports::add);
        assertEquals(List.of(), reports);
    }
}
