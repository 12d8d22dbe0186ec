package io.moiety.jmh;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** {@link ModelState} for the inference benchmarks, 20 to 10,000 atoms. */
@State(Scope.Benchmark)
public class InferenceState extends ModelState {

    /** Atoms in the structure (multiple of 20). */
    @Param({"20", "100", "1000", "10000"})
    public int atoms;

    @Setup(Level.Trial)
    public void setup() { open(atoms); }

    @TearDown(Level.Trial)
    public void tearDown() { close(); }
}
