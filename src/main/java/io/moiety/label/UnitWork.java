package io.moiety.label;

import java.io.Serializable;
import java.util.List;

/**
 * What a job does with one unit of work (a molecule to prepare, a trajectory, a frame), given to a
 * {@link WorkEngine}. It travels to the machine that runs the unit, so it holds only serializable
 * settings and opens its tools (xtb, obabel) there, once per process.
 *
 * @param <U> unit of work
 * @param <R> report of one unit, sent back to the caller of {@link WorkEngine#run}
 */
public interface UnitWork<U extends Serializable, R extends Serializable> extends Serializable {

    /** Scheduling priority of a unit: an engine that orders units runs lower values first. */
    int priority(U unit);

    /** Runs one unit on this machine: stores its results and returns its report and follow-ups. */
    Result<U, R> run(U unit) throws Exception;

    /** A unit's report and the units it makes necessary. */
    record Result<U extends Serializable, R extends Serializable>(R report, List<U> next) implements Serializable {
        public Result {
            next = List.copyOf(next);
        }
    }
}
