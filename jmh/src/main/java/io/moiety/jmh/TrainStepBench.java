package io.moiety.jmh;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.train.LabelledBatch;
import io.moiety.train.TrainingConfig;
import io.moiety.train.TrainingLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * How long does one training step of {@code moiety train} take? Drives the product's step
 * ({@link TrainingLoop#step}: forward with create_graph forces, the configured energy + force loss,
 * backward, global-norm clipping, Moiety's Adam/AdamW, EMA) with the model YAML's own training
 * section, on one structure with seeded random labels. Default sizes stop at 1,000 atoms: the
 * double-backward graph of a 10,000-atom step needs several GB (add {@code -p atoms=10000} to try it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1"})
public class TrainStepBench {

    /** {@link ModelState} with training sizes, a training loop and one labelled batch. */
    @State(Scope.Benchmark)
    public static class TrainState extends ModelState {
        /** Atoms in the structure (multiple of 20). */
        @Param({"20", "100", "1000"})
        public int atoms;

        TrainingLoop loop;
        LabelledBatch batch;
        double learningRate;

        @Setup(Level.Trial)
        public void setup() {
            open(atoms);
            TrainingConfig config = TrainingConfig.parse(energyModel.config().training());
            List<Frame> frames = randomLabels(input, 7);
            loop = new TrainingLoop(energyModel, config, new TrainingLoop.RunInfo(model, "", 7, null, null), frames,
                    List.of(), List.of(), energyModel.manager());
            batch = LabelledBatch.of(frames);
            learningRate = config.learningRate();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (loop != null) {
                loop.close();
                loop = null;
            }
            close();
        }
    }

    @Benchmark
    public void trainStep(TrainState s, Blackhole bh) {
        bh.consume(s.loop.step(s.batch, s.learningRate).loss());
    }

    /** {@code structures} with seeded standard-normal energies (eV) and force components (eV/Å). */
    static List<Frame> randomLabels(List<Structure> structures, long seed) {
        Random rng = new Random(seed);
        List<Frame> out = new ArrayList<>(structures.size());
        for (Structure s : structures) {
            double energy = rng.nextGaussian();
            double[] forces = new double[3 * s.size()];
            for (int i = 0; i < forces.length; i++) {
                forces[i] = rng.nextGaussian();
            }
            out.add(Frame.of(s, energy, forces));
        }
        return out;
    }
}
