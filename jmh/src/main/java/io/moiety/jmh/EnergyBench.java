package io.moiety.jmh;

import io.moiety.model.EnergyModel;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.GradMode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long does an energy-only prediction take? One operation = neighbour list and batch graph
 * (index arrays, segment matrices) + forward pass with grad mode off + copying the energies to
 * the host; the batch's NDManager (every native array of the call) is closed each time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1"})
public class EnergyBench {

    @Benchmark
    public void energy(InferenceState s, Blackhole bh) {
        EnergyModel m = s.energyModel;
        try (GradMode g = GradMode.disabled(); GraphBatch b = m.batch(s.input, false)) {
            EnergyModel.Output o = m.forward(b, null, false, false);
            bh.consume(o.relativeEnergies().toFloatArray());
        }
    }
}
