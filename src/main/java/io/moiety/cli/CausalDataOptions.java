package io.moiety.cli;

import io.moiety.causal.CausalStudy;
import io.moiety.descriptors.MoleculeTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The molecule-table options shared by {@code moiety causal active} and {@code design}. */
final class CausalDataOptions {
    @Option(names = "--data", required = true, paramLabel = "CSV",
            description = "Molecules: an id column, a SMILES column and numeric label columns (e.g. ../shared/data/qm9-3k/qm9-3k.csv).")
    Path data;

    @Option(names = "--id-col", defaultValue = "mol_id", paramLabel = "COL", description = "Identifier column. Default: ${DEFAULT-VALUE}.")
    String idCol;

    @Option(names = "--smiles-col", defaultValue = "smiles", paramLabel = "COL", description = "SMILES column. Default: ${DEFAULT-VALUE}.")
    String smilesCol;

    @Option(names = "--sink-col", defaultValue = "alpha", paramLabel = "COL",
            description = "Label column used as the sink of the feature selection, read as 'polarisability'. Default: ${DEFAULT-VALUE} (QM9, bohr³).")
    String sinkCol;

    @Option(names = "--target-col", defaultValue = "mu", paramLabel = "COL",
            description = "Label column of the target, read as 'dipole'. Default: ${DEFAULT-VALUE} (QM9, Debye).")
    String targetCol;

    @Option(names = "--invalid", defaultValue = "skip", paramLabel = "skip|fail",
            description = "A row whose SMILES is unreadable or disconnected: skip it with a warning, or fail naming file and line. Default: ${DEFAULT-VALUE}.")
    String invalid;

    @Option(names = "--keep", defaultValue = "9", paramLabel = "N", description = "Features kept by the causal feature selection. Default: ${DEFAULT-VALUE}.")
    int keep;

    @Option(names = "--pools", defaultValue = "3", paramLabel = "K", description = "Gaussian-mixture pools on (MolLogP, TPSA, MolMR). Default: ${DEFAULT-VALUE}.")
    int pools;

    @Option(names = "--held-out", defaultValue = "0.2", paramLabel = "F",
            description = "Fraction of molecules held out: never selected nor fitted; the R² test set and the design reference set. Default: ${DEFAULT-VALUE}.")
    double heldOut;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the held-out split, the mixture and all draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    MoleculeTable.InvalidRows invalidRows() {
        return switch (invalid) {
            case "skip" -> MoleculeTable.InvalidRows.SKIP;
            case "fail" -> MoleculeTable.InvalidRows.FAIL;
            default -> throw new IllegalArgumentException("--invalid must be skip or fail, got '" + invalid + "'");
        };
    }

    /** Reads the table (computing the CDK descriptors) and prepares the study, printing warnings to stderr. */
    CausalStudy study() throws IOException {
        MoleculeTable table = MoleculeTable.read(data, idCol, smilesCol,
                List.of(new MoleculeTable.Label(sinkCol, "polarisability"), new MoleculeTable.Label(targetCol, "dipole")),
                invalidRows(), w -> System.err.println("warning: " + w));
        CausalStudy.Settings s = new CausalStudy.Settings("polarisability", "dipole", keep, List.of("MolLogP", "TPSA", "MolMR"),
                pools, heldOut, seed);
        return CausalStudy.prepare(table, s, w -> System.err.println("warning: " + w));
    }
}
