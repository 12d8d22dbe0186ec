package io.moiety.cli;

import io.moiety.data.Dataset;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.Format;
import io.moiety.data.io.SkippedFrames;
import io.moiety.task.DefaultDataset;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moiety inspect}: what a dataset file holds, its statistics, and how fast it reads. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {
            "Summarise a dataset file and measure how fast it reads.",
            "Prints molecules, frames, atoms, elements, energy statistics (total and per atom, eV), force "
                + "statistics (eV/Å), the units the file stored, and the read time (wall and CPU seconds, frames/s, MB/s).",
            "",
            "Formats are detected from content and extension: Moiety HDF5, extended XYZ, ANI-1x, SPICE, QM7-X."},
        footer = {
            "",
            "Examples:",
            "  moiety inspect",
            "      the embedded default dataset (all tasks, GFN2-xTB)",
            "  moiety inspect ../shared/data/botnet-ethanol/train.xyz",
            "  moiety inspect data/moiety-default.h5",
            "  moiety inspect ani1x-release.h5 --format ani1x",
            "  moiety inspect md.xyz --energy-key REF_energy --forces-key REF_forces"})
public final class InspectCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Dataset file to read (default: the embedded default dataset, data/moiety-default.h5).")
    Path file;

    @Mixin FormatOption.Input input;

    /** CPU time of the whole JVM (reader, GC, JIT) in ns, or -1 where the platform does not say. */
    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = this.file != null ? this.file : DefaultDataset.locate();
        Format detected = input.format != null ? input.format : DatasetFiles.detect(file);
        long bytes = Files.size(file);
        DatasetSummary summary = new DatasetSummary();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long skipped = 0;
        long end;
        long cpuEnd;
        IsolatedAtoms isolated;
        try (Dataset ds = DatasetFiles.open(file, input.readOptions(detected))) {
            List<String> ids = ds.moleculeIds();
            try (ProgressBar bar = ProgressBars.create("reading", ids.size(), "molecules")) {
                for (String id : ids) {
                    MoleculeRecord m = ds.molecule(id);
                    summary.add(m);
                    bar.step();
                }
                end = System.nanoTime(); // before the bar's close, which waits for its display thread
                cpuEnd = processCpuNanos();
            }
            if (ds instanceof SkippedFrames s) {
                skipped = s.skippedFrames();
            }
            isolated = ds.isolatedAtoms();
        }
        double seconds = (end - start) / 1e9;
        DatasetSummary.row(out, "file", String.format(Locale.ROOT, "%s (%s, %.2f MB)", file, FormatOption.describe(detected), bytes / 1e6));
        summary.print(out);
        if (!isolated.isEmpty()) {
            DatasetSummary.row(out, "isolated atoms", isolated.describe());
            isolated.provenance().forEach((k, v) -> DatasetSummary.row(out, "  " + k, v));
        }
        if (skipped > 0) {
            DatasetSummary.row(out, "skipped", skipped + " frames with missing (NaN) labels");
        }
        DatasetSummary.row(out, "units", "positions Å, energy eV, forces eV/Å; " + FormatOption.fileUnits(detected));
        DatasetSummary.row(out, "read", String.format(Locale.ROOT, "%.3f s wall, %.0f frames/s, %.1f MB/s",
                seconds, summary.frames / seconds, bytes / 1e6 / seconds));
        if (cpuStart >= 0) {
            double cpu = (cpuEnd - cpuStart) / 1e9;
            DatasetSummary.row(out, "read (CPU)", String.format(Locale.ROOT,
                    "%.3f s process CPU (all JVM threads), %.0f frames/s, %.1f MB/s per CPU second",
                    cpu, summary.frames / cpu, bytes / 1e6 / cpu));
        }
        out.flush();
        return 0;
    }
}
