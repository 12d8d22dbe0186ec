package io.moiety.eval;

import io.moiety.data.Resources;
import io.moiety.data.Frame;
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
import io.moiety.train.TrainingConfig;
import io.moiety.train.prior.EnergyPrior;
import io.moiety.train.prior.PriorKind;
import io.moiety.train.prior.PriorPotential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The models a suite can name: the three fitted baselines ({@code element-reference},
 * {@code group-additivity}, {@code bond-increment}), every network configuration in {@code models/} (trained with
 * {@link Training#train}), and deployed TorchScript potentials (any name, with the file under
 * {@code overrides: {torchscript: FILE}}; evaluated zero-shot, never trained).
 */
public final class StandardPotentials implements PotentialFactory {
    /** Baselines, fitted by least squares on CPU in seconds. */
    private static final List<String> BASELINES = List.of(ElementReferencePotential.NAME, GroupAdditivityPotential.NAME,
            PriorKind.BOND_INCREMENT.key());

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

    /** Every valid model name: baselines then network configurations. */
    public static List<String> available() {
        List<String> all = new ArrayList<>(BASELINES);
        all.addAll(Resources.names(ModelConfig.DIR));
        return all;
    }

    /** Throws naming the valid models when {@code name} is not one of them. */
    public static void check(String name) {
        List<String> all = available();
        if (!all.contains(name)) {
            throw new IllegalArgumentException("unknown model '" + name + "'; available: " + String.join(", ", all));
        }
    }

    /** Networks take overrides; the baselines take none. */
    @Override
    public boolean takesOverrides(String model) {
        return !BASELINES.contains(model);
    }

    /** A deployed TorchScript potential is not trained: the suite's training overrides do not apply. */
    @Override
    public boolean takesSuiteOverrides(String model, Map<String, String> settings) {
        return !zeroShot(settings) && takesOverrides(model);
    }

    /** A deployed TorchScript file that exists, or a known model; a network's overrides must name keys of its config and training section. */
    @Override
    public void check(String model, Map<String, String> overrides) throws Exception {
        if (zeroShot(overrides)) {
            ExternalOptions.fromSettings(overrides, "models." + model);
            Path file = Path.of(overrides.get(TORCHSCRIPT));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("models." + model + ": TorchScript file " + file + " does not exist");
            }
            return;
        }
        check(model);
        if (!takesOverrides(model)) {
            if (!overrides.isEmpty()) {
                throw new IllegalArgumentException("model '" + model + "' is a fitted baseline and takes no overrides, got "
                        + overrides.keySet());
            }
            return;
        }
        TrainingConfig.parse(config(model, overrides).training());
    }

    @Override
    public Potential create(BenchCell cell, TaskSplit split, Path workDir) throws Exception {
        if (zeroShot(cell.overrides())) {
            return TorchScriptPotential.load(cell.model(), Path.of(cell.overrides().get(TORCHSCRIPT)),
                    ExternalOptions.fromSettings(cell.overrides(), "model " + cell.model()), Devices.select(device));
        }
        List<Frame> train = Training.frames(split.train());
        List<Frame> validation = Training.frames(split.validation());
        return switch (cell.model()) {
            case ElementReferencePotential.NAME -> ElementReferencePotential.fit(train);
            case GroupAdditivityPotential.NAME -> GroupAdditivityPotential.fit(train, validation);
            case "bond-increment" -> PriorPotential.alone(cell.model(),
                    EnergyPrior.fit(PriorKind.BOND_INCREMENT, train, validation, null, null));
            default -> {
                ModelConfig config = config(cell.model(), cell.overrides());
                yield Training.train(new TrainRequest(cell.model(), config, cell.seed(), device, train, validation,
                        workDir, false, null, TrainRequest.Limits.of(config), split.isolatedAtoms()));
            }
        };
    }

    /**
     * A network's config (file content with the cell's overrides) as {@link ModelConfig#sha256()}; a
     * TorchScript potential's file content and settings; "" for a baseline.
     */
    @Override
    public String fingerprint(BenchCell cell) throws Exception {
        if (zeroShot(cell.overrides())) {
            return FileHash.sha256(FileHash.sha256(Path.of(cell.overrides().get(TORCHSCRIPT))) + new TreeMap<>(cell.overrides()));
        }
        return takesOverrides(cell.model()) ? config(cell.model(), cell.overrides()).sha256() : "";
    }

    private static ModelConfig config(String model, Map<String, String> overrides) throws Exception {
        return ModelConfig.load(model).withOverrides(overrides);
    }
}
