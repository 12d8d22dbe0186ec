package io.moiety.cli;

import io.moiety.chem.SmilesGraph;
import io.moiety.data.AtomicFile;
import io.moiety.data.io.DataFileException;
import io.moiety.descriptors.CsvFile;
import io.moiety.descriptors.DescriptorCsv;
import io.moiety.descriptors.DescriptorSource;
import io.moiety.descriptors.DescriptorTable;
import io.moiety.descriptors.FileDescriptorSource;
import io.moiety.descriptors.QmexDescriptor;
import io.moiety.descriptors.XtbDescriptorSource;
import io.moiety.label.ExternalTool;
import io.moiety.label.LocalEngine;
import io.moiety.label.WorkEngine;
import io.moiety.label.ToolRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moiety props descriptors}: the 22 QMex descriptors of every molecule of a CSV file. */
@Command(name = "descriptors",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compute the 22 QMex quantum-chemical descriptors (Shimakawa et al. 2024)",
            "of every molecule of a CSV file with GFN2-xTB, or copy them from the",
            "file's own columns.",
            "",
            "Output: the input's columns, then one 'name [unit]' column per descriptor",
            "(mw, Ne/Na, homo, lumo, Eiv, Eav, Vm, alpha, alpha/Vm, log10(R2), G,",
            "log10(Q), log10(RA), mu, min(esp), max(esp), min(mbo), max(mbo), dEw, dEo,",
            "dEacid, dEbase), rows in input order; a failed molecule keeps its row with",
            "empty cells. Versions, settings and failures: OUT.provenance.txt.",
            "",
            "xtb source, per molecule: Open Babel 3D, xtb --ohess, --vipea, --alpb",
            "water and octanol, optimisations in water of the neutral, deprotonated",
            "and protonated forms (definitions: docs/props.md). Roughly 3-15 CPU-s per",
            "small organic molecule. Finished molecules stay in the work directory:",
            "run an interrupted command again with the same --work and only the",
            "missing ones are computed. Needs xtb and obabel (Debian: xtb, openbabel).",
            ""},
        footer = {"",
            "Examples:",
            "  moiety props descriptors --data freesolv.csv --out freesolv-xtb.csv",
            "  moiety props descriptors --data mols.csv --smiles-col SMILES \\",
            "      --workers 4 --out mols-xtb.csv",
            "  moiety props descriptors --data bench_dGs_with_qmex_predict.csv \\",
            "      --source file --out dgs-authors.csv"})
public final class PropsDescriptorsCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    /** The command this one is mixed into (moiety-spark's), or null when it runs as itself. */
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = "--data", required = true, paramLabel = "IN.csv", description = "Input CSV with a SMILES column (other columns are carried to the output).")
    Path data;

    @Option(names = "--smiles-col", defaultValue = "smiles", paramLabel = "NAME", description = "Column holding the SMILES (default: ${DEFAULT-VALUE}).")
    String smilesColumn;

    @Option(names = "--source", defaultValue = "xtb", paramLabel = "xtb|file",
            description = "xtb: compute with GFN2-xTB; file: read the descriptor columns of IN.csv (names with or without [unit]) (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "Output CSV, written only when all molecules are done.")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Option(names = "--workers", defaultValue = "2", paramLabel = "N", description = "Molecules computed at once, one xtb thread each (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--work", paramLabel = "DIR", description = "Work directory with finished molecules, for resuming (default: OUT.csv's name + '.work' beside it).")
    Path work;

    @Option(names = "--timeout", defaultValue = "900", paramLabel = "S", description = "Wall-clock limit of each xtb or obabel call, seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--xtb", paramLabel = "PATH", description = "xtb executable (default: xtb on PATH, or $MOIETY_XTB).")
    Path xtbExecutable;

    @Option(names = "--stored-only", description = "Compute nothing: write the molecules finished in the work directory so far, the others with empty cells (to look at a long run's results while it runs).")
    boolean storedOnly;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return describe(null);
    }

    /**
     * Runs the command with the xtb molecules on {@code engine} (a distributed engine, e.g. Spark's),
     * or on a local pool of {@code --workers} threads when it is null.
     */
    public int describe(WorkEngine engine) throws IOException, InterruptedException {
        CommandSpec running = mixee != null ? mixee : spec;
        PrintWriter err = running.commandLine().getErr();
        PrintWriter stdout = running.commandLine().getOut();
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 s, got " + timeoutSeconds);
        }
        if (!force && Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists; use --force to overwrite");
        }
        CsvFile csv = CsvFile.read(data);
        List<String> smiles = smilesOf(csv, smilesColumn);
        Instant start = Instant.now();
        DescriptorTable table;
        List<String> settings = new ArrayList<>();
        switch (source) {
            case "file" -> {
                table = new FileDescriptorSource(csv, smilesColumn, List.of()).descriptors(smiles);
                settings.add("source: file (columns of " + data + ")");
            }
            case "xtb" -> {
                Path xtb = xtbExecutable != null ? xtbExecutable : ExternalTool.XTB.locate();
                // on an engine of other machines, each executor finds its own xtb unless --xtb names one
                Path unitXtb = engine == null || xtbExecutable != null ? xtb : null;
                ExternalTool.OBABEL.locate();
                Path workDir = work != null ? work : out.resolveSibling(out.getFileName() + ".work");
                settings.add("source: xtb");
                settings.add("xtb: " + xtb + " (" + toolVersion(List.of(xtb.toString(), "--version"), "xtb version", workDir) + ")");
                settings.add("obabel: " + toolVersion(List.of(ExternalTool.OBABEL.locate().toString(), "-V"), "Open Babel", workDir));
                settings.add("recipe: " + XtbDescriptorSource.RECIPE);
                settings.add("method: GFN2-xTB, one OpenMP thread per call; IP/EA with IPEA-xTB (--vipea); T = 298.15 K; ALPB water and octanol");
                settings.add("work directory: " + workDir.toAbsolutePath());
                settings.add((engine == null ? "workers: " + workers : "engine: " + engine) + ", timeout per call: " + timeoutSeconds + " s" + (storedOnly ? ", stored results only (--stored-only)" : ""));
                XtbDescriptorSource xtbSource;
                try (ProgressBar bar = ProgressBars.create("descriptors", smiles.size(), "molecules")) {
                    int[] failed = {0};
                    xtbSource = new XtbDescriptorSource(unitXtb, workDir.toAbsolutePath(), Duration.ofSeconds(timeoutSeconds),
                            engine != null ? engine : new LocalEngine(workers),
                            (row, bad, reused) -> {
                                failed[0] += bad ? 1 : 0;
                                bar.step();
                                bar.setExtraMessage(failed[0] == 0 ? "" : " " + failed[0] + " failed");
                            }, !storedOnly);
                    table = xtbSource.descriptors(smiles);
                }
                err.printf("%d molecules: %d computed now, %d read back from %s, %d failed or missing%n", smiles.size(),
                        smiles.size() - xtbSource.reused(), xtbSource.reused(), workDir, table.failed());
            }
            default -> throw new IllegalArgumentException("--source must be xtb or file, got '" + source + "'");
        }
        DescriptorCsv.write(out, csv, table, force);
        Path provenance = provenancePath(out);
        writeProvenance(provenance, csv, table, settings, start);
        if (table.failed() > 0) {
            err.printf("Failed molecules (rows kept with empty descriptor cells):%n");
            int shown = 0;
            for (int r = 0; r < table.rows() && shown < 20; r++) {
                if (table.failures().get(r) != null) {
                    err.printf("  %s:%d %s: %s%n", data.getFileName(), csv.lines()[r], smiles.get(r), table.failures().get(r));
                    shown++;
                }
            }
            if (table.failed() > shown) {
                err.printf("  … %d more in %s%n", table.failed() - shown, provenance);
            }
        }
        err.flush();
        stdout.println("Descriptors of " + table.rows() + " molecules (" + table.failed() + " failed) written to " + out);
        stdout.println("Provenance: " + provenance);
        stdout.flush();
        return 0;
    }

    /** The SMILES column; an empty or unparsable SMILES is an error naming file, line and column. */
    static List<String> smilesOf(CsvFile csv, String column) {
        int c = csv.column(column);
        List<String> smiles = new ArrayList<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            String s = csv.rows().get(r)[c].strip();
            try {
                SmilesGraph.parse(s);
            } catch (IllegalArgumentException e) {
                throw DataFileException.atLine(csv.file(), csv.lines()[r], column, e.getMessage());
            }
            smiles.add(s);
        }
        return smiles;
    }

    /** {@code OUT.csv} → {@code OUT.provenance.txt}. */
    static Path provenancePath(Path out) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + ".provenance.txt");
    }

    private void writeProvenance(Path file, CsvFile csv, DescriptorTable table, List<String> settings, Instant start) throws IOException {
        String version = PropsDescriptorsCommand.class.getPackage().getImplementationVersion();
        StringBuilder sb = new StringBuilder();
        sb.append("moiety props descriptors\n");
        sb.append("moiety: ").append(version == null ? "dev" : version).append('\n');
        sb.append("input: ").append(data).append(" (").append(csv.rows().size()).append(" rows, SMILES column '").append(smilesColumn).append("')\n");
        sb.append("output: ").append(out).append('\n');
        sb.append("started: ").append(start).append(", finished: ").append(Instant.now()).append('\n');
        settings.forEach(s -> sb.append(s).append('\n'));
        sb.append("columns:");
        for (QmexDescriptor d : QmexDescriptor.values()) {
            sb.append("\n  ").append(d.header()).append(": ").append(d.definition());
        }
        sb.append('\n');
        sb.append("failed: ").append(table.failed()).append('\n');
        for (int r = 0; r < table.rows(); r++) {
            if (table.failures().get(r) != null) {
                sb.append("  line ").append(csv.lines()[r]).append(' ').append(csv.rows().get(r)[csv.column(smilesColumn)].strip())
                        .append(": ").append(table.failures().get(r).replace('\n', ' ')).append('\n');
            }
        }
        AtomicFile.write(file, true, tmp -> Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8));
    }

    /** First output line of a version command containing {@code marker}, or "unknown version". */
    private String toolVersion(List<String> command, String marker, Path workDir) {
        try (ToolRun run = ToolRun.in(workDir.resolve("tmp"), "version-")) {
            run.exec(command, Duration.ofSeconds(60));
            for (String line : (run.stdout() + "\n" + run.stderr()).split("\n")) {
                if (line.contains(marker)) {
                    return line.strip().replaceAll("^\\*\\s*", "");
                }
            }
        } catch (IOException e) {
            return "unknown version (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown version";
    }
}
