package io.moiety.spark;

import io.moiety.cli.BenchCommand;
import io.moiety.cli.Main;
import io.moiety.eval.BenchCell;
import io.moiety.eval.BenchmarkRunner;
import io.moiety.eval.StandardPotentials;
import io.moiety.eval.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Unmatched;

/**
 * {@code moiety-spark bench}: the cells of a {@code moiety bench} suite as Spark tasks, then the
 * report on the driver by {@code moiety bench} itself, which finds every cell finished.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "`moiety bench` with each cell (task × model × seed) as one Spark task.",
            "",
            "The executor trains and evaluates the cell and stores",
            "its result in the run folder; then the driver runs `moiety bench` with the same",
            "options, which reuses every finished cell and writes report.md / report.html.",
            "",
            "Takes every `moiety bench` option (--suite, --data, --only, --seeds, --device,",
            "--out, --force, --tasks-dir, --threads; see `moiety bench --help`). --out and",
            "files given to --suite, --data and --tasks-dir must be on a path that the driver",
            "and the executors share. With --gpu each task asks Spark for one GPU",
            "(spark.task.resource.gpu.amount=1; executors need a GPU discovery script). A",
            "failed cell is recorded in the report; rerunning retries it. See docs/scale.md.",
            ""},
        footer = {"",
            "Examples:",
            "  moiety-spark bench --suite quick --master 'local[2]' --out runs/quick-spark",
            "  spark-submit --master spark://head:7077 --conf spark.executor.resource.gpu.amount=1 \\",
            "      --conf spark.executor.resource.gpu.discoveryScript=/opt/moiety/spark/gpu-discovery.sh \\",
            "      --jars target/moiety.jar spark/target/moiety-spark.jar \\",
            "      bench --gpu --suite paper --device gpu --out /shared/runs/paper",
            "",
            "Exit status: that of the `moiety bench` report step (see `moiety bench --help`)."})
public final class SparkBenchCommand implements Callable<Integer> {

    @Mixin
    SparkOptions spark;

    @Option(names = "--gpu", description = "One GPU per task: sets spark.task.resource.gpu.amount=1 (the executors' "
            + "GPUs come from spark.executor.resource.gpu.amount and its discovery script).")
    boolean gpu;

    @Unmatched
    List<String> benchArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ParseResult bench = new CommandLine(new BenchCommand()).parseArgs(benchArgs.toArray(String[]::new));
        String suiteName = bench.matchedOptionValue("--suite", "quick");
        String data = shared(bench.matchedOptionValue("--data", null));
        List<Long> seeds = bench.matchedOptionValue("--seeds", null);
        List<String> only = bench.matchedOptionValue("--only", List.of());
        Path tasksDir = bench.matchedOptionValue("--tasks-dir", null);
        Suite suite = BenchCells.load(shared(suiteName), seeds, data);
        Path out = bench.matchedOptionValue("--out", null);
        Path runDir = (out != null ? out : Path.of("runs", "bench-" + suite.name() + "-" + LocalDate.now(ZoneOffset.UTC))).toAbsolutePath();
        List<BenchCells.Unit> units = new ArrayList<>();
        for (BenchCell c : BenchmarkRunner.cells(suite, only, new StandardPotentials("cpu"))) {
            units.add(new BenchCells.Unit(c.task(), c.model(), c.seed()));
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("--only " + String.join(",", only) + " selects no cell of suite " + suite.name());
        }
        BenchCells work = new BenchCells(shared(suiteName), data, tasksDir == null ? null : tasksDir.toAbsolutePath().toString(),
                runDir.toString(), bench.matchedOptionValue("--device", "auto"), bench.matchedOptionValue("--threads", 1),
                bench.hasMatchedOption("--force"));
        if (gpu) {
            spark.conf.putIfAbsent("spark.task.resource.gpu.amount", "1");
        }
        Files.createDirectories(runDir);
        try (JavaSparkContext sc = spark.start("moiety bench " + suite.name())) {
            SparkEngine engine = new SparkEngine(sc, 1);
            System.err.printf("bench %s: %d cells on %s; run folder %s%n", suite.name(), units.size(), engine, runDir);
            runCells(engine, work, units);
        }
        List<String> report = new ArrayList<>(List.of("bench"));
        for (String a : benchArgs) {
            if (!a.equals("--force")) {          // the cells ran; the report must reuse them
                report.add(a);
            }
        }
        if (out == null) {
            report.addAll(List.of("--out", runDir.toString()));
        }
        return Main.commandLine().execute(report.toArray(String[]::new));
    }

    private static void runCells(SparkEngine engine, BenchCells work, List<BenchCells.Unit> units) throws Exception {
        int[] failed = {0};
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("cells").setInitialMax(units.size()).setUnit(" cells", 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            engine.run(work, units, o -> {
                bar.step();
                if (!o.ok()) {
                    failed[0]++;
                    System.err.printf("%ncell %s failed: %s%n", o.cell(), o.error());
                }
                bar.setExtraMessage(" failed " + failed[0] + ", last " + o.cell());
            });
        }
    }

    /** An existing file's absolute path (executors read it), else the name as given. */
    private static String shared(String nameOrFile) {
        if (nameOrFile == null) {
            return null;
        }
        Path p = Path.of(nameOrFile);
        return Files.isRegularFile(p) ? p.toAbsolutePath().toString() : nameOrFile;
    }
}
