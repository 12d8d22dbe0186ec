package io.moiety.cli;

import io.moiety.data.FileHash;
import io.moiety.data.Mappers;
import io.moiety.eval.BenchCell;
import io.moiety.eval.BenchProvenance;
import io.moiety.eval.BenchmarkRunner;
import io.moiety.eval.CellResult;
import io.moiety.eval.DataLocator;
import io.moiety.eval.DatasetTasks;
import io.moiety.eval.StandardPotentials;
import io.moiety.eval.Suite;
import io.moiety.eval.SuiteLoader;
import io.moiety.eval.report.ReportWriter;
import io.moiety.data.AtomicFile;
import io.moiety.task.Identifiability;
import io.moiety.task.TaskLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moiety bench}: runs a benchmark suite (tasks × models × seeds) and writes the ID-vs-OOD report. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train every model of a suite on every task's training molecules, evaluate on the in-distribution (ID) "
                + "test frames and on the out-of-distribution (OOD) molecules, and write report.md / report.html "
                + "(tables, plots, per-environment force errors) plus results.json and results.csv. "
                + "Finished cells are kept: rerun the same command to resume.",
            "",
            "Suites: quick (the 10-minute CPU smoke test on the committed data), medium, paper (full size, GPU "
                + "recommended), or a YAML file of your own (see docs/bench.md).",
            ""},
        footer = {"",
            "Examples:",
            "  moiety bench --suite quick",
            "  moiety bench --suite quick --only duplication/painn-small --seeds 1,2,3",
            "  moiety bench --suite paper --device gpu --out runs/paper",
            "  moiety bench --suite my-suite.yaml --data my-data.h5",
            "",
            "Exit status: 0 when every cell finished, 2 when some cells failed (the report lists them), 1 on bad input."})
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", defaultValue = "quick", paramLabel = "NAME|FILE",
            description = "Suite name (benchmarks/NAME.yaml, or the copy in the jar) or a suite YAML file. Default: ${DEFAULT-VALUE}.")
    String suiteName;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Dataset to benchmark on, overriding the suite's (default: the suite's data; 'default' = the committed dataset).")
    String data;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/bench-SUITE-DATE).")
    Path out;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto",
            description = "Device for training and prediction. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--only", paramLabel = "TASK/MODEL", split = ",",
            description = "Run only matching cells, e.g. duplication/painn-small, fusion/*, */group-additivity (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "S", split = ",", description = "Seeds overriding the suite's, e.g. 1,2,3.")
    List<Long> seeds;

    @Option(names = "--force", description = "Rerun cells that already finished in the output folder (otherwise they are kept).")
    boolean force;

    @Option(names = "--tasks-dir", paramLabel = "DIR", description = "Read task files from DIR (default: ./tasks, else those in the jar).")
    Path tasksDir;

    @Option(names = "--list", description = "List the available suites, tasks and models and exit.")
    boolean list;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Cells trained and evaluated in parallel, one PyTorch thread each (default: the number "
                    + "of CPU cores, at most 4; 1 = one cell at a time). Cells sharing a trained model "
                    + "(duplication and fission) run one after the other.")
    Integer jobs;

    @Option(names = "--no-progress", negatable = false, description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        PrintWriter stdout = spec.commandLine().getOut();
        TaskLoader tasks = tasksDir != null ? TaskLoader.fromDirectory(tasksDir) : TaskLoader.standard();
        if (list) {
            stdout.println("suites: " + String.join(", ", SuiteLoader.available()));
            stdout.println("tasks:  " + String.join(", ", tasks.names()));
            stdout.println("models: " + String.join(", ", StandardPotentials.available()));
            stdout.flush();
            return 0;
        }
        if (!List.of("cpu", "gpu", "auto").contains(device)) {
            throw new IllegalArgumentException("--device must be cpu, gpu or auto, got '" + device + "'");
        }
        Suite suite = SuiteLoader.load(suiteName);
        if (seeds != null && !seeds.isEmpty()) {
            suite = suite.withSeeds(seeds);
        }
        if (data != null) {
            suite = suite.withData(data);
        }
        StandardPotentials potentials = new StandardPotentials(device);
        suite.check(tasks.names(), potentials);
        List<BenchCell> cells = BenchmarkRunner.cells(suite, only, potentials);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("--only " + String.join(",", only) + " selects no cell of suite " + suite.name()
                    + "; tasks: " + String.join(", ", suite.tasks()) + "; models: "
                    + String.join(", ", suite.models().stream().map(Suite.ModelEntry::name).toList()));
        }
        Path dataFile = DataLocator.resolve(suite.data(), suite.generate());
        String sha = FileHash.sha256(dataFile);
        Path runDir = out != null ? out : Path.of("runs", "bench-" + suite.name() + "-" + LocalDate.now(ZoneOffset.UTC));
        checkRunDir(runDir, suite, sha);

        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<CellResult> results;
        int reused;
        try (DatasetTasks source = new DatasetTasks(tasks, dataFile, suite.generate())) {
            BenchmarkRunner runner = new BenchmarkRunner(potentials, source,
                    new BenchmarkRunner.Options(runDir, force, !noProgress, only, jobs()));
            results = runner.run(suite);
            reused = runner.reusedCells();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        boolean networks = cells.stream().anyMatch(c -> potentials.takesOverrides(c.model()));
        BenchProvenance info = new BenchProvenance(suite.name(), suite.origin(), "moiety bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs()).replaceFirst("^bench ?", ""),
                start.truncatedTo(ChronoUnit.SECONDS).toString(), wall, reused, BenchProvenance.versions(networks), BenchProvenance.hardware(networks),
                suite.data().equals("default") ? "default (" + dataFile + ")" : dataFile.toString(), sha, suite.seeds(), device);
        Map<String, Identifiability> checks = new LinkedHashMap<>();
        suite.tasks().forEach(t -> checks.put(t, Identifiability.of(tasks.load(t))));
        ReportWriter writer = new ReportWriter(runDir, suite, results, info, checks);
        Path html = writer.write();
        stdout.println();
        stdout.print(writer.consoleTable());
        stdout.printf("%nwall time %.1f s; report: %s (also report.md, results.json, results.csv)%n", wall, html.toAbsolutePath());
        long failed = results.stream().filter(r -> !r.ok()).count();
        if (failed > 0) {
            stdout.println(failed + " cell(s) failed; see the report. Rerun the same command to retry them.");
            stdout.flush();
            return ExitCode.PARTIAL.code();
        }
        stdout.flush();
        return 0;
    }

    private int jobs() {
        if (jobs == null) {
            return Math.min(4, Runtime.getRuntime().availableProcessors());
        }
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be ≥ 1, got " + jobs);
        }
        return jobs;
    }

    /** Refuses to mix results of another suite or another data file into an existing folder. */
    private void checkRunDir(Path runDir, Suite suite, String sha) throws Exception {
        Path marker = runDir.resolve("run.json");
        if (Files.exists(marker) && !force) {
            Map<?, ?> m = Mappers.JSON.readValue(marker.toFile(), Map.class);
            if (!suite.name().equals(m.get("suite")) || !sha.equals(m.get("data_sha256"))) {
                throw new IllegalArgumentException(runDir + " holds results of suite '" + m.get("suite") + "' on data "
                        + m.get("data_sha256") + "; choose another --out or add --force");
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", suite.name());
        m.put("data_sha256", sha);
        Files.createDirectories(runDir);
        AtomicFile.write(marker, true, tmp -> Mappers.JSON.writeValue(tmp.toFile(), m));
    }
}
