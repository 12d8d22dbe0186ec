package io.moiety.jmh;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.moiety.chem.Structure;
import io.moiety.model.Devices;
import io.moiety.model.EnergyModel;
import io.moiety.model.ModelConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Parameters shared by the model benchmarks, and the model they open: a freshly initialised
 * (seeded) {@link EnergyModel} and one hexane cluster at liquid density ({@link BenchSystems}),
 * built in a trial-level {@code @Setup} outside the measurement and closed in the trial-level
 * {@code @TearDown} (frees the parameters' native memory). The PyTorch intra-op thread count is
 * pinned to {@code threads}; inter-op threads are pinned to 1 by the fork's
 * {@code -Dai.djl.pytorch.num_interop_threads=1}.
 */
@State(Scope.Benchmark)
public abstract class ModelState {

    /** Model config name ({@code models/NAME.yaml}, also inside the jar) or a YAML path. */
    @Param({"schnet-small", "painn-small", "tp-small"})
    public String model;

    /** {@code cpu} or {@code gpu} (needs a CUDA build of PyTorch 2.7.1; see docs/perf.md). */
    @Param({"cpu"})
    public String device;

    /** PyTorch intra-op threads. */
    @Param({"1"})
    public int threads;

    public EnergyModel energyModel;
    public List<Structure> input;

    /** Pins threads, creates the model and the {@code atoms}-atom input. */
    protected void open(int atoms) {
        pinThreads(threads);
        try {
            energyModel = EnergyModel.create(ModelConfig.load(model), Devices.select(device), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        input = List.of(BenchSystems.hexaneCluster(atoms, 42));
    }

    /** Frees the model's native memory. */
    protected void close() {
        if (energyModel != null) {
            energyModel.close();
            energyModel = null;
        }
    }

    /** Pins PyTorch's intra-op thread pool. */
    static void pinThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        Engine.getEngine("PyTorch"); // loads the native library before any JNI call
        JniUtils.setNumThreads(threads);
        if (JniUtils.getNumThreads() != threads) {
            throw new IllegalStateException("PyTorch kept " + JniUtils.getNumThreads() + " threads, asked " + threads);
        }
    }
}
