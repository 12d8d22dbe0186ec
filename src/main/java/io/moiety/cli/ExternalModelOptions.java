package io.moiety.cli;

import io.moiety.model.Devices;
import io.moiety.model.external.Convention;
import io.moiety.model.external.ExternalOptions;
import io.moiety.model.external.TorchScriptPotential;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options of a deployed TorchScript potential ({@code --potential torchscript:FILE}): the input
 * convention and, for files that do not carry them, the cutoff and the element of each type.
 */
public final class ExternalModelOptions {
    @Option(names = "--convention", paramLabel = "mace|nequip",
            description = "Input convention of a TorchScript potential (default: told from the file: MACE models carry "
                    + "atomic_numbers and r_max buffers, NequIP/Allegro deployed files type_names and r_max metadata).")
    String convention;

    @Option(names = "--cutoff", paramLabel = "Å",
            description = "Neighbour cutoff of a TorchScript potential (default: the model's r_max).")
    Double cutoff;

    @Option(names = "--elements", paramLabel = "H,C,O", split = ",",
            description = "Element of each type of a TorchScript potential, in the model's order (default: the model's "
                    + "atomic_numbers or type_names).")
    List<String> elements;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "16",
            description = "Structures per forward call of a TorchScript potential (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /** The options as given (unset ones come from the file). */
    ExternalOptions options() {
        return new ExternalOptions(convention == null ? null : Convention.parse(convention),
                cutoff == null ? Double.NaN : cutoff, elements, null, batchSize);
    }

    /** Loads {@code spec} ({@code torchscript:FILE}) onto {@code device} ({@code cpu|gpu|auto}). */
    TorchScriptPotential load(String spec, String device) throws IOException {
        return TorchScriptPotential.load(spec, TorchScriptPotential.fileOf(spec), options(), Devices.select(device));
    }
}
