package io.moiety.label;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs units of work and the follow-up units they produce, and hands each unit's report to the
 * caller; where and in what order units run is the engine's business. {@link LocalEngine} runs
 * them on a thread pool in this process; a distributed engine (the {@code moiety-spark} module)
 * runs the same units on a cluster. Units and reports are {@link Serializable} so that they can
 * travel to other machines; a unit's results that must survive a crash are stored by the unit
 * itself (e.g. in a {@link WorkStore}), so that an engine may run a unit again after a lost
 * worker.
 */
public interface WorkEngine {

    /**
     * Runs every unit of {@code roots} and, recursively, every follow-up, calling {@code reports}
     * with each unit's report, from one thread at a time. Returns when all units have run; the
     * first unexpected exception of a unit or of {@code reports} stops the run and is rethrown
     * (results stored so far stay stored).
     */
    <U extends Serializable, R extends Serializable> void run(UnitWork<U, R> work, List<U> roots, Consumer<R> reports)
            throws IOException, InterruptedException;
}
