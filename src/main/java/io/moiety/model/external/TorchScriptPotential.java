package io.moiety.model.external;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import io.moiety.model.graph.NeighbourList;
import io.moiety.model.nn.GradMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Potential} backed by a deployed TorchScript model (MACE, NequIP, Allegro) run by
 * DJL's PyTorch engine: Moiety builds the neighbour list within the model's cutoff (periodic
 * images included), packs the structures into the model's input dictionary ({@link Convention})
 * and reads back the total energies (eV, as the model gives them, including its own reference
 * energies) and the forces (eV/Å) the model computes by autograd. Nothing is trained.
 */
public final class TorchScriptPotential implements Potential {
    /** Prefix of a TorchScript potential's spec on the command line: {@code torchscript:FILE}. */
    public static final String PREFIX = "torchscript:";
    private static final Logger LOG = LoggerFactory.getLogger(TorchScriptPotential.class);

    private final String name;
    private final Path file;
    private final ExternalModelInfo info;
    private final int batchSize;
    private final NDManager manager;
    private final PtSymbolBlock module;
    private final int[] typeIndexByZ;
    private final boolean savedOnGpuRunOnCpu;
    private final NeighbourList neighbours = NeighbourList.auto();

    private TorchScriptPotential(String name, Path file, ExternalModelInfo info, int batchSize, NDManager manager,
                                 PtSymbolBlock module, boolean savedOnGpuRunOnCpu) {
        this.name = name;
        this.file = file;
        this.info = info;
        this.batchSize = batchSize;
        this.manager = manager;
        this.module = module;
        this.typeIndexByZ = info.typeIndexByZ();
        this.savedOnGpuRunOnCpu = savedOnGpuRunOnCpu;
    }

    /**
     * Loads {@code file} onto {@code device} (tensors saved on another device are mapped to it).
     *
     * @param name table name, e.g. {@code torchscript:mace.model}
     */
    public static TorchScriptPotential load(String name, Path file, ExternalOptions options, Device device) throws IOException {
        TorchScriptArchive archive = TorchScriptArchive.read(file);
        ExternalModelInfo info = ExternalModelInfo.resolve(archive, options);
        boolean gpuFile = info.devices().stream().anyMatch(d -> d.startsWith("cuda"));
        boolean gpuToCpu = gpuFile && !device.isGpu();
        if (gpuToCpu) {
            LOG.info("{} was saved with its tensors on {}; mapping them to the CPU", file, info.devices());
        }
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            PtSymbolBlock module = JniUtils.loadModule((PtNDManager) manager, file.toAbsolutePath(), true, new String[0],
                    new String[0], true);
            // trainParam=true: loaded without it, the parameters are inference tensors, which autograd
            // refuses to save for the force backward ("Inference tensors cannot be saved for backward");
            // they are then excluded from the graph, as only the positions need gradients
            for (NDArray p : JniUtils.moduleGetParams(module, (PtNDManager) manager)) {
                p.setRequiresGradient(false);
            }
            JniUtils.enableInferenceMode(module);
            LOG.info("{}: {} ({})", file, info.summary(), info.origin());
            return new TorchScriptPotential(name, file, info, options.batchSize(), manager, module, gpuToCpu);
        } catch (RuntimeException e) {
            manager.close();
            String saved = archive.extraFiles().containsKey("torch_version")
                    ? " It was saved by torch " + archive.extraFiles().get("torch_version").trim() + "." : "";
            throw new IllegalArgumentException(file + ": PyTorch " + Engine.getEngine("PyTorch").getVersion()
                    + " (DJL's engine) cannot load this TorchScript file: " + firstLine(e.getMessage()) + "." + saved
                    + " A TorchScript file loads in the PyTorch version that wrote it or a newer one, so export the "
                    + "model with PyTorch 2.7.1 or older." + (gpuToCpu ? gpuHint(info) : ""), e);
        }
    }

    /** The file of a {@code torchscript:FILE} spec; throws naming the accepted form otherwise. */
    public static Path fileOf(String spec) {
        if (!spec.startsWith(PREFIX) || spec.length() == PREFIX.length()) {
            throw new IllegalArgumentException("unknown potential '" + spec + "': give " + PREFIX + "FILE (a deployed "
                    + "MACE or NequIP/Allegro TorchScript model)");
        }
        return Path.of(spec.substring(PREFIX.length()));
    }

    /** What was resolved from the file and the options. */
    public ExternalModelInfo info() { return info; }

    @Override public String name() { return name; }

    @Override public boolean predictsForces() { return true; }

    @Override
    public List<Prediction> predict(List<Frame> frames) {
        List<Prediction> out = new ArrayList<>(frames.size());
        for (int from = 0; from < frames.size(); from += batchSize) {
            out.addAll(evaluate(frames.subList(from, Math.min(frames.size(), from + batchSize))));
        }
        return out;
    }

    private List<Prediction> evaluate(List<Frame> frames) {
        List<Structure> structures = new ArrayList<>(frames.size());
        int atoms = 0;
        for (Frame f : frames) {
            structures.add(f.structure());
            atoms += f.size();
        }
        int[] types = new int[atoms];
        int a = 0;
        for (Structure s : structures) {
            for (int z : s.atomicNumbers()) {
                int t = z > 0 && z < typeIndexByZ.length ? typeIndexByZ[z] : -1;
                if (t < 0) {
                    throw new IllegalArgumentException(file + ": element " + (Element.isKnown(z) ? Element.ofZ(z).symbol() : "?")
                            + " (Z=" + z + ") of " + s.formula() + " is not in the model's elements " + info.typeNames());
                }
                types[a++] = t;
            }
        }
        GraphArrays graph = GraphArrays.of(structures, info.cutoff(), neighbours);
        Convention c = info.convention();
        try (NDManager step = manager.newSubManager(); GradMode grad = GradMode.enabled()) {
            Map<String, PtNDArray> inputs = new LinkedHashMap<>();
            c.inputs(graph, types, info.typeZ().length, step, info.dtype()).forEach((k, v) -> inputs.put(k, (PtNDArray) v));
            double[] energies;
            double[] forces;
            IValue dict = IValue.stringMapFrom(inputs);
            IValue result;
            try {
                result = AutogradForward.forward(module, dict);
            } catch (RuntimeException e) {
                throw new IllegalStateException(forwardError(e), e);
            } finally {
                dict.close();
            }
            try {
                if (!result.isMap()) {
                    throw new IllegalStateException(file + ": forward returned " + result.getType() + ", not the "
                            + c.label() + " output dictionary with '" + c.energyKey() + "' and '" + c.forcesKey() + "'");
                }
                Map<String, IValue> outputs = result.toIValueMap();
                try {
                    energies = read(outputs, c.energyKey(), (PtNDManager) step, graph.graphs());
                    forces = read(outputs, c.forcesKey(), (PtNDManager) step, 3 * graph.atoms());
                } finally {
                    outputs.values().forEach(IValue::close);
                }
            } finally {
                result.close();
            }
            List<Prediction> out = new ArrayList<>(frames.size());
            for (int g = 0; g < frames.size(); g++) {
                int from = (int) graph.ptr()[g];
                int to = (int) graph.ptr()[g + 1];
                double[] f = new double[3 * (to - from)];
                System.arraycopy(forces, 3 * from, f, 0, f.length);
                out.add(new Prediction(energies[g], f));
            }
            return out;
        }
    }

    private double[] read(Map<String, IValue> outputs, String key, PtNDManager m, int expected) {
        IValue v = outputs.get(key);
        if (v == null || !v.isTensor()) {
            throw new IllegalStateException(file + ": the model's output has no tensor '" + key + "' (keys: "
                    + outputs.keySet() + "); is it a " + info.convention().label() + " model?");
        }
        NDArray t = v.toTensor(m);
        double[] values = t.getDataType() == DataType.FLOAT64 ? t.toDoubleArray()
                : t.toType(DataType.FLOAT64, false).toDoubleArray();
        if (values.length != expected) {
            throw new IllegalStateException(file + ": output '" + key + "' has " + values.length + " values, expected "
                    + expected + " (shape " + t.getShape() + ")");
        }
        return values;
    }

    private String forwardError(RuntimeException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        StringBuilder b = new StringBuilder(file + ": the model's forward failed: " + lastLines(msg));
        if (msg.contains("KeyError") || msg.contains("key")) {
            Convention other = info.convention() == Convention.MACE ? Convention.NEQUIP : Convention.MACE;
            b.append(" (the model asked for an input that the ").append(info.convention().label())
                    .append(" convention does not provide; if this is a ").append(other.label())
                    .append(" model, try --convention ").append(other.label()).append(")");
        }
        if (savedOnGpuRunOnCpu || msg.contains("CUDA") || msg.contains("cuda")) {
            b.append(gpuHint(info));
        }
        return b.toString();
    }

    private static String gpuHint(ExternalModelInfo info) {
        return " The file was saved with its tensors on " + info.devices() + " and Moiety's engine runs on the CPU: "
                + "code inside the model may still address the GPU. Export it from the CPU (model.to('cpu') before "
                + "saving), or run with --device gpu on a CUDA machine.";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The last non-empty lines of a TorchScript traceback (where the error itself is). */
    private static String lastLines(String s) {
        List<String> lines = s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
    }

    @Override
    public void close() {
        module.close();
        manager.close();
    }
}
