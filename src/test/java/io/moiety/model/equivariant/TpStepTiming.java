package io.moiety.model.equivariant;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.model.EnergyModel;
import io.moiety.model.ModelConfig;
import io.moiety.model.graph.GraphBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark (not a unit test): CPU time of one force-training step (forward, forces with
 * create_graph, backward of an energy+force loss) on batches of rMD17 ethanol frames. CPU time
 * of the calling thread is reported because the machine is shared; run with one PyTorch thread:
 * <pre>
 * java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp target/classes:target/test-classes:$(cat cp.txt) io.moiety.model.equivariant.TpStepTiming models/tp-small.yaml 5 20
 * </pre>
 */
public final class TpStepTiming {
    private TpStepTiming() {}

    public static void main(String[] args) throws Exception {
        ModelConfig config = ModelConfig.load(args[0]);
        int batch = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        List<Structure> structures = EthanolFrames.read("train.xyz", batch).stream().map(Frame::structure).toList();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double[] fwd = new double[steps];
        double[] bwd = new double[steps];
        try (EnergyModel m = EnergyModel.create(config, Device.cpu(), 1)) {
            long params = m.block().getParameters().stream().mapToLong(p -> p.getValue().getArray().size()).sum();
            for (int s = 0; s < steps; s++) {
                long t0 = bean.getCurrentThreadCpuTime();
                long t1;
                try (GraphBatch b = m.batch(structures, true)) {
                    ParameterStore ps = new ParameterStore(b.manager(), false);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        EnergyModel.Output o = m.forward(b, ps, true, true);
                        NDArray loss = o.relativeEnergies().square().mean().add(o.forces().square().mean());
                        loss.toArray();
                        t1 = bean.getCurrentThreadCpuTime();
                        gc.backward(loss);
                    }
                    TpModelTest.zeroGradients(m);
                }
                fwd[s] = (t1 - t0) / 1e6;
                bwd[s] = (bean.getCurrentThreadCpuTime() - t1) / 1e6;
            }
            int skip = Math.min(3, steps - 1);
            double f = median(Arrays.copyOfRange(fwd, skip, steps));
            double g = median(Arrays.copyOfRange(bwd, skip, steps));
            System.out.printf("%s: %d parameters, batch %d, median CPU ms per step: forward+forces %.1f, backward %.1f, total %.1f%n",
                    config.source(), params, batch, f, g, f + g);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
