package io.moiety.jmh;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.moiety.chem.Structure;
import io.moiety.model.EnergyModel;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.Constants;
import io.moiety.model.nn.ForceGrad;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The training step of the PyTorch peer scripts ({@code benchmarks/peer/peer_bench.py}), rebuilt
 * on Moiety's model for a like-for-like comparison and split into timed phases: batch graph,
 * forward with conservative forces kept differentiable (create_graph), loss
 * {@code w_E·mean(((Ê−E)/N)²) + w_F·mean((F̂−F)²)} with seeded random labels (eV, eV/Å), backward
 * to the parameters, Adam update (DJL's fused kernel), gradients zeroed. The forces are taken apart
 * from the forward pass (same TorchScript module as {@link EnergyModel}) so that the phases can be
 * timed separately. Not the product's step (that one, with clipping, EMA and Moiety's Adam, is
 * timed by {@link TrainStepBench}). Every array of the step lives in one sub-manager closed at its end.
 */
final class PeerTrainStep implements AutoCloseable {
    private final EnergyModel model;
    private final List<Structure> structures;
    private final double[] energies;
    private final double[] atomCounts;
    private final double[] forces;
    private final double energyWeight;
    private final double forcesWeight;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Optimizer optimizer;
    private final ForceGrad forceGrad;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Phase CPU times (this thread) of the last {@link #run} in nanoseconds: graph, forward, forces, backward, optimizer. */
    final long[] phases = new long[5];

    PeerTrainStep(EnergyModel model, List<Structure> structures, double energyWeight, double forcesWeight, long seed) {
        this.model = model;
        this.structures = structures;
        this.energyWeight = energyWeight;
        this.forcesWeight = forcesWeight;
        Random rng = new Random(seed);
        energies = new double[structures.size()];
        atomCounts = new double[structures.size()];
        int n = 0;
        for (int k = 0; k < structures.size(); k++) {
            energies[k] = rng.nextGaussian();
            atomCounts[k] = structures.get(k).size();
            n += structures.get(k).size();
        }
        forces = new double[3 * n];
        for (int i = 0; i < forces.length; i++) {
            forces[i] = rng.nextGaussian();
        }
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray a = p.getValue().getArray();
                if (!a.hasGradient()) {
                    a.setRequiresGradient(true);
                }
                parameters.put(p.getKey(), a);
            }
        }
        optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-4f)).build();
        forceGrad = ForceGrad.load(model.manager());
    }

    /** Frees the force module (the model is closed by its owner). */
    @Override
    public void close() { forceGrad.close(); }

    /** Runs one step and returns the loss (before the update). */
    double run() {
        try (NDManager step = model.manager().newSubManager()) {
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                long t0 = CPU.getCurrentThreadCpuTime();
                GraphBatch b = model.batch(structures, step, true);
                long t1 = CPU.getCurrentThreadCpuTime();
                EnergyModel.Output o = model.forward(b, new ParameterStore(b.manager(), false), true, false);
                long t2 = CPU.getCurrentThreadCpuTime();
                NDArray f = forceGrad.forces(o.relativeEnergies(), b.positions(), true);
                long t3 = CPU.getCurrentThreadCpuTime();
                Constants c = b.constants();
                NDArray l = o.relativeEnergies().sub(c.vector(energies)).div(c.vector(atomCounts)).square().mean()
                        .mul(c.scalar(energyWeight))
                        .add(f.sub(c.array(forces, new Shape(forces.length / 3, 3))).square().mean()
                                .mul(c.scalar(forcesWeight)));
                gc.backward(l);
                loss = l.getDataType() == DataType.FLOAT32 ? l.getFloat() : (float) l.getDouble();
                long t4 = CPU.getCurrentThreadCpuTime();
                for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                    NDArray w = e.getValue();
                    NDArray g = w.getGradient();
                    optimizer.update(e.getKey(), w, g);
                    JniUtils.zeroGrad((PtNDArray) w);
                    g.close();
                }
                long t5 = CPU.getCurrentThreadCpuTime();
                phases[0] = t1 - t0;
                phases[1] = t2 - t1;
                phases[2] = t3 - t2;
                phases[3] = t4 - t3;
                phases[4] = t5 - t4;
            }
            return loss;
        }
    }
}
