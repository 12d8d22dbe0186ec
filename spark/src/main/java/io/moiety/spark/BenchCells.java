package io.moiety.spark;

import io.moiety.eval.BenchmarkRunner;
import io.moiety.eval.CellResult;
import io.moiety.eval.DataLocator;
import io.moiety.eval.DatasetTasks;
import io.moiety.eval.StandardPotentials;
import io.moiety.eval.Suite;
import io.moiety.eval.SuiteLoader;
import io.moiety.label.UnitWork;
import io.moiety.task.TaskLoader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark cells as units of work: each unit trains and evaluates one cell (task × model ×
 * seed) with Moiety's {@link BenchmarkRunner} on the executor, which stores the cell's result in
 * the shared run folder (so a finished cell is reused by a rerun, and the driver's report reads
 * it). Suite, task and data files are read on the executor: names resolve from the jar, files
 * must be on a shared path.
 *
 * @param suite    suite name or absolute file
 * @param data     dataset overriding the suite's, or null
 * @param tasksDir task files directory (absolute), or null for those in the jar
 * @param runDir   shared run folder (absolute)
 * @param device   cpu, gpu or auto
 * @param threads  PyTorch intra-op threads of the executor JVM
 * @param force    rerun finished cells
 */
record BenchCells(String suite, String data, String tasksDir, String runDir, String device, int threads, boolean force)
        implements UnitWork<BenchCells.Unit, BenchCells.Outcome> {

    /** One cell. */
    record Unit(String task, String model, long seed) implements Serializable {
        String id() {
            return task + "/" + model + "/seed-" + seed;
        }
    }

    /** How a cell ended: its id, whether it succeeded, the first line of its error, seconds. */
    record Outcome(String cell, boolean ok, String error, double seconds) implements Serializable {
    }

    /** The suite as the command line selects it. */
    static Suite load(String suite, List<Long> seeds, String data) throws IOException {
        Suite s = SuiteLoader.load(suite);
        if (seeds != null && !seeds.isEmpty()) {
            s = s.withSeeds(seeds);
        }
        return data != null ? s.withData(data) : s;
    }

    @Override
    public int priority(Unit unit) {
        return 0;
    }

    @Override
    public Result<Unit, Outcome> run(Unit unit) throws Exception {
        // DJL reads its thread settings once, when its engine loads in this executor JVM
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("java.awt.headless", "true");
        Suite s = load(suite, List.of(unit.seed()), data);
        TaskLoader tasks = tasksDir != null ? TaskLoader.fromDirectory(Path.of(tasksDir)) : TaskLoader.standard();
        long t0 = System.nanoTime();
        try (DatasetTasks source = new DatasetTasks(tasks, DataLocator.resolve(s.data(), s.generate()), s.generate())) {
            BenchmarkRunner runner = new BenchmarkRunner(new StandardPotentials(device), source,
                    new BenchmarkRunner.Options(Path.of(runDir), force, false, List.of(unit.task() + "/" + unit.model())));
            CellResult r = runner.run(s).stream().filter(c -> c.cell().model().equals(unit.model())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no result for cell " + unit.id()));
            String error = r.ok() ? null : BenchmarkRunner.firstLine(r.error());
            return new Result<>(new Outcome(unit.id(), r.ok(), error, (System.nanoTime() - t0) / 1e9), List.of());
        }
    }
}
