package io.moiety.spark;

import io.moiety.cli.GenerateCommand;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code moiety-spark generate}: {@code moiety generate} with its steps as Spark tasks. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "`moiety generate` with molecules, trajectories and frames as Spark tasks.",
            "",
            "Same options, work directory layout and output (for the same --seed) as",
            "`moiety generate`. Executors run obabel and xtb (each call",
            "single-threaded in a private temporary directory, with the --timeout), store",
            "every result in the work directory and send a report to the driver, which",
            "shows the progress and writes the HDF5 file at the end.",
            "",
            "--work must be a directory that the driver and every executor see at the same",
            "path (NFS, a shared volume); executors need xtb, obabel and faketime",
            "(docker/Dockerfile.spark). Re-running after a killed job or lost executors",
            "finishes the rest without recomputing. --workers is not used: Spark's",
            "executor cores decide how many calls run at once. See docs/scale.md.",
            ""},
        footer = {"",
            "Examples:",
            "  moiety-spark generate --task fusion --master 'local[2]'",
            "      one machine, two cores",
            "  spark-submit --master spark://head:7077 --conf spark.executor.cores=16 \\",
            "      --jars target/moiety.jar spark/target/moiety-spark.jar \\",
            "      generate --all --scale paper --work /shared/work --out /shared/paper.h5",
            "      paper scale on a standalone cluster"})
public final class SparkGenerateCommand implements Callable<Integer> {

    @Mixin
    GenerateCommand generate;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        try (JavaSparkContext sc = spark.start("moiety generate")) {
            SparkEngine engine = new SparkEngine(sc, spark.tasksPerCore);
            int rc = generate.generate(engine);
            if (engine.failedTaskAttempts() > 0) {
                System.err.printf("%d Spark task attempts failed and were retried%n", engine.failedTaskAttempts());
            }
            return rc;
        }
    }
}
