package io.moiety.cli;

import io.moiety.data.Dataset;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.Format;
import io.moiety.data.io.WriteOptions;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moiety convert}: any readable dataset file to Moiety HDF5 or extended XYZ, atomically. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {
            "Convert a dataset file to Moiety HDF5 or extended XYZ.",
            "Reads Moiety HDF5, extended XYZ, ANI-1x, SPICE and QM7-X (detected from content and extension); "
                + "writes Å, eV, eV/Å.",
            "",
            "The output is written to a temporary file and renamed at the end: a failed or interrupted "
                + "conversion leaves no partial output, and an existing OUT is only replaced with --force.",
            "",
            "Moiety HDF5 stores positions and forces as float32 and needs energy and forces on every frame; "
                + "extended XYZ keeps full double precision and every header key.",
            "",
            "Isolated-atom reference energies travel with the molecules: the HDF5 group isolated_atoms becomes "
                + "single-atom extended-XYZ frames with config_type=IsolatedAtom (MACE's convention: energy in the "
                + "header, zero forces, no cell) and back; such frames are never read as molecules."},
        footer = {
            "",
            "Examples:",
            "  moiety convert ../shared/data/botnet-ethanol/train.xyz ethanol.h5",
            "  moiety convert ethanol.h5 ethanol.xyz",
            "  moiety convert md.xyz md.h5 --energy-key REF_energy --forces-key REF_forces",
            "  moiety convert SPICE-2.0.1.hdf5 spice.h5 --force",
            "  moiety convert data.bin out.h5 --format xyz --to moiety"})
public final class ConvertCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Dataset file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "File to write (.h5/.hdf5: Moiety HDF5; .xyz/.extxyz: extended XYZ).")
    Path out;

    @Mixin FormatOption.Input input;

    @Option(names = "--to", paramLabel = "F", converter = FormatOption.class,
            description = "Output format instead of the extension's: moiety (h5) or extxyz (xyz).")
    Format to;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    @Option(names = "--drop-columns", description = "Convert even when IN has per-atom columns that OUT cannot keep "
            + "(extended-XYZ arrays other than species, pos and the forces key); without it they are an error naming them.")
    boolean dropColumns;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            throw new FileSystemException(out.toString(), null, "is a directory; give OUT as a file name such as "
                    + out.resolve("out.h5"));
        }
        OutputChecks.notTheInput(in, out, "IN");
        if (to != null && to != Format.MOIETY_HDF5 && to != Format.EXTXYZ) {
            throw new IllegalArgumentException("--to: " + FormatOption.describe(to) + " is read-only; write moiety (Moiety HDF5) or extxyz");
        }
        WriteOptions writeOptions = new WriteOptions(to, input.energyKey, input.forcesKey, force);
        Format outFormat = to != null ? to : DatasetFiles.formatFromExtension(out);
        if (!force && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(out.toString(), null, "exists; use --force to overwrite");
        }
        long start = System.nanoTime();
        long[] counts = new long[2];
        IsolatedAtoms isolated;
        try (Dataset ds = DatasetFiles.open(in, input.readOptions(input.format))) {
            if (!dropColumns && !ds.columnsNotRead().isEmpty()) {
                throw new IllegalArgumentException(in + ": per-atom column(s) " + String.join(", ", ds.columnsNotRead())
                        + " would be lost: Moiety keeps species, positions and one forces column (--forces-key "
                        + "chooses which). Add --drop-columns to convert without them");
            }
            List<String> ids = ds.moleculeIds();
            try (ProgressBar bar = ProgressBars.create("converting", ids.size(), "molecules")) {
                Iterable<MoleculeRecord> molecules = () -> new Iterator<>() {
                    private final Iterator<String> it = ids.iterator();
                    @Override public boolean hasNext() { return it.hasNext(); }
                    @Override public MoleculeRecord next() {
                        MoleculeRecord m = ds.molecule(it.next());
                        counts[0]++;
                        counts[1] += m.frames().size();
                        bar.step();
                        return m;
                    }
                };
                DatasetFiles.write(out, molecules, ds.isolatedAtoms(), writeOptions);
                isolated = ds.isolatedAtoms();
            }
        }
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "wrote %s (%s): %s, %s%s in %.2f s%n", out, FormatOption.describe(outFormat),
                DatasetSummary.count(counts[0], "molecule"), DatasetSummary.count(counts[1], "frame"),
                isolated.isEmpty() ? "" : ", " + DatasetSummary.count(isolated.atoms().size(), "isolated atom"),
                (System.nanoTime() - start) / 1e9);
        pw.flush();
        return 0;
    }
}
