package io.moiety.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.moiety.chem.Structure;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.graph.NeighbourList;
import io.moiety.model.nn.ForceGrad;
import io.moiety.model.nn.GradMode;
import io.moiety.model.nn.IndexAddKernel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete potential: network ({@link AtomisticModel}) + {@link EnergyHead} (reference
 * energies, normalisation) + conservative forces {@code F = −∂E/∂x} through {@link ForceGrad}.
 * The one model type that is trained ({@link #parameters()}, {@link #forward(List, NDManager, boolean)}),
 * predicts ({@link #predict}) and is stored (as a training checkpoint, by the trainer).
 * Owns an NDManager on its device holding the parameters; {@link #close()} frees them.
 * Units: eV, Å, eV/Å.
 */
public final class EnergyModel implements AutoCloseable {
    private final ModelConfig config;
    private final AtomisticModel network;
    private final NDManager manager;
    private final ForceGrad forceGrad;
    private final IndexAddKernel indexAdd;
    private EnergyHead head;
    private Map<String, NDArray> parameters;

    /**
     * Outputs of one forward pass. The total energy of graph g is
     * {@code relativeEnergies[g] + referenceEnergies[g]}, added in double by {@link #totalEnergies()}
     * (see {@link EnergyHead} for why the reference sum stays on the host).
     *
     * @param relativeEnergies  total minus per-element reference energies per graph, eV {@code [G]}
     *                          (differentiable; this is what a loss compares)
     * @param referenceEnergies Σ E_ref(Z_i) per graph, eV, double precision
     * @param forces            conservative forces −∂E/∂x, eV/Å {@code [N, 3]} (null if not requested)
     * @param directForces      direct-head forces, eV/Å {@code [N, 3]} (null without that head)
     * @param atomEnergies      normalised per-atom network outputs {@code [N]}
     */
    public record Output(NDArray relativeEnergies, double[] referenceEnergies, NDArray forces, NDArray directForces,
                         NDArray atomEnergies) {

        /** Total energies per graph in eV, double precision (copies the relative energies to the host). */
        public double[] totalEnergies() {
            double[] rel = relativeEnergies.toType(DataType.FLOAT64, false).toDoubleArray();
            return EnergyHead.totalEnergies(rel, referenceEnergies);
        }
    }

    private EnergyModel(ModelConfig config, AtomisticModel network, NDManager manager, EnergyHead head) {
        this.config = config;
        this.network = network;
        this.manager = manager;
        this.head = head;
        this.forceGrad = ForceGrad.load(manager);
        this.indexAdd = IndexAddKernel.load(manager);
    }

    /** A freshly initialised model (seeded) with identity head; set statistics with {@link #setHead}. */
    public static EnergyModel create(ModelConfig config, Device device, long seed) {
        AtomisticModel net = Models.create(config);
        NDManager m = NDManager.newBaseManager(device);
        try {
            // the engine's generator is global: seeding and drawing as one step keeps a seed's weights
            // the same when several models are created at once (bench cells in parallel threads)
            synchronized (EnergyModel.class) {
                Engine.getInstance().setRandomSeed((int) seed);
                net.block().initialize(m, config.dataType());
            }
            return new EnergyModel(config, net, m, EnergyHead.identity());
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    public ModelConfig config() { return config; }

    public AtomisticModel network() { return network; }

    /** The DJL block with all trainable parameters. */
    public Block block() { return network.block(); }

    /**
     * Trainable parameters by name, in a fixed order: live arrays, marked to require gradients on
     * the first call (what an optimiser updates and a checkpoint stores).
     */
    public Map<String, NDArray> parameters() {
        if (parameters == null) {
            Map<String, NDArray> p = new LinkedHashMap<>();
            for (Pair<String, Parameter> e : block().getParameters()) {
                if (e.getValue().requiresGradient()) {
                    NDArray a = e.getValue().getArray();
                    if (!a.hasGradient()) {
                        a.setRequiresGradient(true);
                    }
                    p.put(e.getKey(), a);
                }
            }
            parameters = Collections.unmodifiableMap(p);
        }
        return parameters;
    }

    public EnergyHead head() { return head; }

    /** Replaces the reference energies and normalisation (e.g. after fitting them on training data). */
    public void setHead(EnergyHead head) { this.head = head; }

    /** The manager that owns the parameters. */
    public NDManager manager() { return manager; }

    public Device device() { return manager.getDevice(); }

    public DataType dtype() { return config.dataType(); }

    /**
     * A batch with this model's cutoff, dtype and device, owned by a sub-manager of {@code parent};
     * its segment sums use the model's index-add kernel (close the batch before the model).
     */
    public GraphBatch batch(List<Structure> structures, NDManager parent, boolean forces) {
        return GraphBatch.of(structures, config.cutoff(), NeighbourList.auto(), parent, device(), dtype(), forces, indexAdd);
    }

    /** A batch owned by a sub-manager of the model's manager (close it after the step). */
    public GraphBatch batch(List<Structure> structures, boolean forces) {
        return batch(structures, manager, forces);
    }

    /**
     * Energies (and forces) for a batch.
     *
     * @param ps       parameter store; null for {@code new ParameterStore(batch.manager(), false)}
     * @param training training step: forces keep their graph (create_graph) for a force loss
     * @param forces   compute conservative forces (the batch must have been built with forces)
     */
    public Output forward(GraphBatch batch, ParameterStore ps, boolean training, boolean forces) {
        ParameterStore store = ps == null ? new ParameterStore(batch.manager(), false) : ps;
        AtomOutputs out = network.forward(batch, store, training);
        NDArray energies = head.relativeEnergies(batch, out.energies());
        NDArray f = forces ? forceGrad.forces(energies, batch.positions(), training) : null;
        NDArray direct = out.directForces() == null ? null : head.forces(batch, out.directForces());
        return new Output(energies, head.referenceEnergies(batch), f, direct, out.energies());
    }

    /**
     * A forward pass with conservative forces over {@code structures}, every array created under
     * {@code parent} (the caller closes it); grad mode is on so forces can be taken outside training too.
     *
     * @param training true: forces keep their graph so a force loss can be back-propagated
     */
    public Output forward(List<Structure> structures, NDManager parent, boolean training) {
        try (GradMode g = GradMode.enabled()) {
            return forward(batch(structures, parent, true), null, training, true);
        }
    }

    /** Inference in batches of {@code batchSize} structures; no graph is kept, memory is freed per batch. */
    public List<Prediction> predict(List<Structure> structures, int batchSize) {
        List<Prediction> out = new ArrayList<>(structures.size());
        for (int start = 0; start < structures.size(); start += batchSize) {
            List<Structure> chunk = structures.subList(start, Math.min(structures.size(), start + batchSize));
            try (GradMode g = GradMode.enabled(); GraphBatch b = batch(chunk, true)) {
                Output o = forward(b, null, false, true);
                double[] e = o.totalEnergies();
                double[] f = o.forces().toType(DataType.FLOAT64, false).toDoubleArray();
                int[] offsets = b.offsets();
                int[] counts = b.atomsPerGraph();
                for (int k = 0; k < chunk.size(); k++) {
                    double[] fk = new double[3 * counts[k]];
                    System.arraycopy(f, 3 * offsets[k], fk, 0, fk.length);
                    out.add(new Prediction(e[k], fk));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        forceGrad.close();
        indexAdd.close();
        manager.close();
    }
}
