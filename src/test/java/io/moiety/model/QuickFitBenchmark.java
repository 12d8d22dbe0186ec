package io.moiety.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.Constants;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Not a unit test: a short Adam fit on rMD17 ethanol to check that the model pieces train
 * end to end with a DJL optimizer (the real trainer lives in io.moiety.train).
 * Args: CONFIG STEPS.
 */
public final class QuickFitBenchmark {
    private QuickFitBenchmark() {}

    static List<Frame> read(Path p) throws Exception {
        List<Frame> out = new ArrayList<>();
        try (Dataset d = DatasetFiles.open(p)) {
            for (MoleculeRecord m : d) {
                out.addAll(m.frames());
            }
        }
        return out;
    }

    static double[] mae(EnergyModel m, List<Frame> frames) {
        List<Structure> s = new ArrayList<>();
        frames.forEach(f -> s.add(f.structure()));
        List<Prediction> p = m.predict(s, 50);
        double e = 0;
        double f = 0;
        long n = 0;
        for (int i = 0; i < frames.size(); i++) {
            e += Math.abs(p.get(i).energy() - frames.get(i).energy());
            for (int k = 0; k < p.get(i).forces().length; k++) {
                f += Math.abs(p.get(i).forces()[k] - frames.get(i).forces()[k]);
                n++;
            }
        }
        return new double[] {1000 * e / frames.size(), 1000 * f / n};
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("/work/shared/data/botnet-ethanol");
        List<Frame> train = read(dir.resolve("train.xyz"));
        List<Frame> test = read(dir.resolve("test_MD.xyz")).subList(0, 200);
        ModelConfig cfg = ModelConfig.load(args.length > 0 ? args[0] : "schnet-small");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        try (EnergyModel m = EnergyModel.create(cfg, Device.cpu(), 7)) {
            ReferenceEnergies refs = ReferenceEnergies.fromIsolatedAtoms(dir.resolve("isolated_atoms.xyz"));
            EnergyHead head = EnergyHead.fit(train, refs, EnergyHead.LEAST_SQUARES);
            m.setHead(head);
            System.out.println("head " + head);
            double[] before = mae(m, test);
            System.out.printf("before: energy MAE %.1f meV, force MAE %.1f meV/Å%n", before[0], before[1]);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
            List<Pair<String, Parameter>> params = new ArrayList<>();
            m.block().getParameters().forEach(params::add);
            Random r = new Random(1);
            List<Frame> order = new ArrayList<>(train);
            long t0 = System.nanoTime();
            int bs = 16;
            for (int step = 0, pos = order.size(); step < steps; step++, pos += bs) {
                if (pos + bs > order.size()) {
                    Collections.shuffle(order, r);
                    pos = 0;
                }
                List<Frame> b = order.subList(pos, pos + bs);
                List<Structure> s = new ArrayList<>();
                double[] e = new double[bs];
                double[] f = new double[bs * 27];
                for (int k = 0; k < bs; k++) {
                    s.add(b.get(k).structure());
                    e[k] = b.get(k).energy();
                    System.arraycopy(b.get(k).forces(), 0, f, 27 * k, 27);
                }
                try (GradientCollector gc = Engine.getInstance().newGradientCollector(); GraphBatch g = m.batch(s, true)) {
                    EnergyModel.Output o = m.forward(g, null, true, true);
                    Constants c = g.constants();
                    NDArray le = o.relativeEnergies().sub(c.vector(e)).div(c.vector(Arrays.stream(g.atomsPerGraph()).asDoubleStream().toArray())).square().mean();
                    NDArray lf = o.forces().sub(c.array(f, new Shape(g.numAtoms(), 3))).square().mean();
                    NDArray loss = le.mul(c.scalar(4.0)).add(lf.mul(c.scalar(100.0)));
                    gc.backward(loss);
                    for (Pair<String, Parameter> p : params) {
                        NDArray w = p.getValue().getArray();
                        adam.update(p.getValue().getId(), w, io.moiety.model.nn.Gradients.of(p.getValue(), g.manager()));
                    }
                    io.moiety.model.nn.Gradients.zero(m.block());
                    if (step % 100 == 0) {
                        System.out.printf("step %d loss %.4f, arrays in model manager %d%n", step,
                                loss.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble(), m.manager().getManagedArrays().size());
                    }
                }
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            double[] after = mae(m, test);
            System.out.printf("after %d steps (%.0f s): energy MAE %.1f meV, force MAE %.1f meV/Å%n", steps, sec, after[0], after[1]);
        }
    }
}
