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
 * How long does an energy + forces prediction (one MD step's worth) take? One operation =
 * neighbour list and batch graph + forward with grad mode on + conservative forces
 * {@code −∂E/∂x} (TorchScript autograd.grad, graph freed) + copying energies and forces to
 * the host; the batch's NDManager is closed each time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1"})
public class EnergyForcesBench {

    @Benchmark
    public void energyForces(InferenceState s, Blackhole bh) {
        EnergyModel m = s.energyModel;
        try (GradMode g = GradMode.enabled(); GraphBatch b = m.batch(s.input, true)) {
            EnergyModel.Output o = m.forward(b, null, false, true);
            bh.consume(o.relativeEnergies().toFloatArray());
            bh.consume(o.forces().toFloatArray());
        }
    }
}
