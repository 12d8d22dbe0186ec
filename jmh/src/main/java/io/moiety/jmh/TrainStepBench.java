package io.moiety.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long does one training step take (energy + force loss with create_graph forces, backward,
 * Adam update)? See {@link TrainStep}. Default sizes stop at 1,000 atoms: the double-backward
 * graph of a 10,000-atom step needs several GB (add {@code -p atoms=10000} to try it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1"})
public class TrainStepBench {

    /** {@link ModelState} with training sizes and the step. */
    @State(Scope.Benchmark)
    public static class TrainState extends ModelState {
        /** Atoms in the structure (multiple of 20). */
        @Param({"20", "100", "1000"})
        public int atoms;

        TrainStep step;

        @Setup(Level.Trial)
        public void setup() {
            open(atoms);
            step = new TrainStep(energyModel, input, 4.0, 100.0, 7);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (step != null) {
                step.close();
                step = null;
            }
            close();
        }
    }

    @Benchmark
    public void trainStep(TrainState s, Blackhole bh) {
        bh.consume(s.step.run());
    }
}
