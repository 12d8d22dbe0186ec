package io.moiety.spark;

import io.moiety.cli.PropsDescriptorsCommand;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code moiety-spark props descriptors}: {@code moiety props descriptors} with one Spark task per molecule. */
@Command(name = "descriptors",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "`moiety props descriptors` with each molecule's xtb chain as a Spark task.",
            "",
            "Same options, work directory layout and output as `moiety props descriptors`.",
            "Executors run obabel and xtb (one thread per call, private temporary",
            "directories, the --timeout), store every molecule in the work directory and",
            "report to the driver, which shows the progress and writes OUT.csv at the end.",
            "",
            "--work must be a directory that the driver and every executor see at the same",
            "path; each executor finds xtb on its PATH (or $MOIETY_XTB) unless --xtb names",
            "it. Re-running after a killed job finishes the rest without recomputing.",
            "--workers is not used: Spark's executor cores decide how many run at once.",
            ""},
        footer = {"",
            "Example:",
            "  moiety-spark props descriptors --master 'local[2]' \\",
            "      --data mols.csv --work /shared/mols.work --out mols-xtb.csv"})
public final class SparkPropsDescriptorsCommand implements Callable<Integer> {

    @Mixin
    PropsDescriptorsCommand descriptors;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        try (JavaSparkContext sc = spark.start("moiety props descriptors")) {
            SparkEngine engine = new SparkEngine(sc, spark.tasksPerCore);
            return descriptors.describe(engine);
        }
    }
}
