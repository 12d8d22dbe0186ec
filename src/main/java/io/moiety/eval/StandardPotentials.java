package io.moiety.eval;

import io.moiety.data.Resources;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.eval.baseline.ElementReferencePotential;
import io.moiety.eval.baseline.GroupAdditivityPotential;
import io.moiety.data.FileHash;
import io.moiety.model.Devices;
import io.moiety.model.ModelConfig;
import io.moiety.model.Potential;
import io.moiety.model.external.ExternalOptions;
import io.moiety.model.external.TorchScriptPotential;
import io.moiety.task.TaskSplit;
import io.moiety.train.TrainRequest;
import io.moiety.train.Training;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The models a suite can name: the two fitted baselines ({@code element-reference},
 * {@code group-additivity}), every network configuration in {@code models/} (trained with
 * {@link Training#train}), and deployed TorchScript potentials (any name, with the file under
 * {@code overrides: {torchscript: FILE}}; evaluated zero-shot, never trained).
 */
public final class StandardPotentials implements PotentialFactory {
    /** Baselines, fitted by least squares on CPU in seconds. */
    public static final List<String> BASELINES = List.of(ElementReferencePotential.NAME, GroupAdditivityPotential.NAME);
    /** Directory (and jar folder) of model configurations. */
    public static final String MODELS_DIR = "models";

    private final String device;

    /** @param device {@code cpu}, {@code gpu} or {@code auto}, passed to training */
    public StandardPotentials(String device) {
        this.device = device;
    }

    /** Setting that makes a suite model a deployed TorchScript potential: the model file. */
    public static final String TORCHSCRIPT = "torchscript";

    /** Whether a model with these settings is a deployed TorchScript potential, evaluated without training. */
    public static boolean zeroShot(Map<String, String> settings) {
        return settings.containsKey(TORCHSCRIPT);
    }

    /** Throws naming the problem when a suite's model entry cannot be run. */
    public static void check(Suite.ModelEntry m) {
        if (!zeroShot(m.overrides())) {
            check(m.name());
            return;
        }
        ExternalOptions.fromSettings(m.overrides(), "models." + m.name());
        Path file = Path.of(m.overrides().get(TORCHSCRIPT));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("models." + m.name() + ": TorchScript file " + file + " does not exist");
        }
    }

    /** Every valid model name: baselines then network configurations. */
    public static List<String> available() {
        List<String> all = new ArrayList<>(BASELINES);
        all.addAll(Resources.names(MODELS_DIR));
        return all;
    }

    /** Throws naming the valid models when {@code name} is not one of them. */
    public static void check(String name) {
        List<String> all = available();
        if (!all.contains(name)) {
            throw new IllegalArgumentException("unknown model '" + name + "'; available: " + String.join(", ", all));
        }
    }

    @Override
    public Potential create(Cell cell, TaskSplit split, Path workDir) throws Exception {
        if (zeroShot(cell.overrides())) {
            return TorchScriptPotential.load(cell.model(), Path.of(cell.overrides().get(TORCHSCRIPT)),
                    ExternalOptions.fromSettings(cell.overrides(), "model " + cell.model()), Devices.select(device));
        }
        List<Frame> train = frames(split.train());
        List<Frame> validation = frames(split.validation());
        return switch (cell.model()) {
            case ElementReferencePotential.NAME -> ElementReferencePotential.fit(train);
            case GroupAdditivityPotential.NAME -> GroupAdditivityPotential.fit(train, validation);
            default -> Training.train(new TrainRequest(Path.of(cell.model()), cell.overrides(), cell.seed(),
                    device, train, validation, workDir, false));
        };
    }

    /**
     * A network's config (file content with the cell's overrides) as {@link ModelConfig#sha256()}; a
     * TorchScript potential's file content and settings; "" for a baseline.
     */
    @Override
    public String fingerprint(Cell cell) throws Exception {
        if (zeroShot(cell.overrides())) {
            return FileHash.sha256(FileHash.sha256(Path.of(cell.overrides().get(TORCHSCRIPT))) + new TreeMap<>(cell.overrides()));
        }
        return BASELINES.contains(cell.model()) ? ""
                : ModelConfig.load(cell.model()).withOverrides(cell.overrides()).sha256();
    }

    /** All frames of the molecules, in order. */
    public static List<Frame> frames(List<MoleculeRecord> molecules) {
        List<Frame> out = new ArrayList<>();
        for (MoleculeRecord m : molecules) {
            out.addAll(m.frames());
        }
        return out;
    }
}
