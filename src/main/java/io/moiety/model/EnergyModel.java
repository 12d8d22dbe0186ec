package io.moiety.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moiety.chem.Structure;
import io.moiety.data.AtomicFile;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.graph.NeighbourList;
import io.moiety.model.nn.ForceGrad;
import io.moiety.model.nn.GradMode;
import io.moiety.model.nn.SegmentSum;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A complete potential: network ({@link AtomisticModel}) + {@link EnergyHead} (reference
 * energies, normalisation) + conservative forces {@code F = −∂E/∂x} through {@link ForceGrad}.
 * Owns an NDManager on its device holding the parameters; {@link #close()} frees them.
 * Units: eV, Å, eV/Å.
 */
public final class EnergyModel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG_ENTRY = "model.yaml";
    private static final String HEAD_ENTRY = "head.json";
    private static final String PARAMS_ENTRY = "parameters.djl";

    private final ModelConfig config;
    private final AtomisticModel network;
    private final NDManager manager;
    private final ForceGrad forceGrad;
    private final SegmentSum segmentSum;
    private EnergyHead head;

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
        this.segmentSum = SegmentSum.load(manager);
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
        return GraphBatch.of(structures, config.cutoff(), NeighbourList.auto(), parent, device(), dtype(), forces, segmentSum);
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

    /** A {@link Potential} view (closing it closes this model). */
    public Potential asPotential(String name, int batchSize) {
        return new NetworkPotential(name, this, batchSize);
    }

    // ---- persistence ----

    /** Writes config, head and parameters as a zip stream (the stream is finished, not closed). */
    public void save(OutputStream os) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(os);
        zip.putNextEntry(new ZipEntry(CONFIG_ENTRY));
        zip.write(config.toYaml().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(HEAD_ENTRY));
        zip.write(headJson(head).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(PARAMS_ENTRY));
        DataOutputStream dos = new DataOutputStream(zip);
        network.block().saveParameters(dos);
        dos.flush();
        zip.closeEntry();
        zip.finish();
    }

    /** Writes the model state atomically to {@code file} (refuses to replace it unless {@code overwrite}). */
    public void save(Path file, boolean overwrite) throws IOException {
        AtomicFile.write(file, overwrite, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                save(os);
            }
        });
    }

    /** Reads a model written by {@link #save(OutputStream)} onto {@code device}. */
    public static EnergyModel load(InputStream in, Device device, String source) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            entries.put(e.getName(), zip.readAllBytes());
        }
        for (String need : List.of(CONFIG_ENTRY, HEAD_ENTRY, PARAMS_ENTRY)) {
            if (!entries.containsKey(need)) {
                throw new IOException(source + ": not a Moiety model file (entry '" + need + "' missing)");
            }
        }
        ModelConfig config = ModelConfig.parse(new String(entries.get(CONFIG_ENTRY), StandardCharsets.UTF_8), source + "!" + CONFIG_ENTRY);
        EnergyHead head = parseHead(new String(entries.get(HEAD_ENTRY), StandardCharsets.UTF_8), source + "!" + HEAD_ENTRY);
        AtomisticModel net = Models.create(config);
        NDManager m = NDManager.newBaseManager(device);
        try {
            net.block().initialize(m, config.dataType());
            net.block().loadParameters(m, new DataInputStream(new ByteArrayInputStream(entries.get(PARAMS_ENTRY))));
            return new EnergyModel(config, net, m, head);
        } catch (MalformedModelException | RuntimeException e) {
            m.close();
            throw new IOException(source + "!" + PARAMS_ENTRY + ": parameters do not match the config: " + e.getMessage(), e);
        }
    }

    /** Reads a model file written by {@link #save(Path, boolean)}. */
    public static EnergyModel load(Path file, Device device) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, device, file.toString());
        }
    }

    /** The serialised state as bytes (for embedding into a checkpoint). */
    public byte[] toBytes() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        save(bos);
        return bos.toByteArray();
    }

    static String headJson(EnergyHead head) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode refs = root.putObject("reference_energies_eV");
        head.references().asMap().forEach((z, e) -> refs.put(Integer.toString(z), e));
        root.put("shift_eV_per_atom", head.normalisation().shift());
        root.put("scale", head.normalisation().scale());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static EnergyHead parseHead(String json, String source) throws IOException {
        var root = JSON.readTree(json);
        Map<Integer, Double> refs = new HashMap<>();
        var r = root.get("reference_energies_eV");
        if (r == null || root.get("shift_eV_per_atom") == null || root.get("scale") == null) {
            throw new IOException(source + ": fields reference_energies_eV, shift_eV_per_atom and scale are required");
        }
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            refs.put(Integer.parseInt(k), r.get(k).asDouble());
        }
        return new EnergyHead(ReferenceEnergies.of(refs),
                new Normalisation(root.get("shift_eV_per_atom").asDouble(), root.get("scale").asDouble()));
    }

    @Override
    public void close() {
        forceGrad.close();
        segmentSum.close();
        manager.close();
    }
}
