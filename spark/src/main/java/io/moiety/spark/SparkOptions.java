package io.moiety.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Option;

/** The Spark options shared by the {@code moiety-spark} commands: master, settings, task size. */
final class SparkOptions {

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL",
            description = "Spark master: local[N] (one machine, N cores), spark://HOST:7077 (standalone), yarn, "
                + "or k8s://https://HOST:PORT. Default: ${DEFAULT-VALUE}. Under spark-submit, its --master wins.")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A Spark setting (repeatable), e.g. --conf spark.executor.cores=8 --conf spark.task.maxFailures=4.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--tasks-per-core", defaultValue = "4", paramLabel = "N",
            description = "Spark tasks per cluster core in each wave of units: more gives finer progress and balance, "
                + "fewer less scheduling overhead. Default: ${DEFAULT-VALUE}.")
    int tasksPerCore;

    /** Starts a Spark context for {@code app} and prints where its web UI is. */
    JavaSparkContext start(String app) {
        SparkConf c = new SparkConf().setAppName(app);
        if (!c.contains("spark.master")) {     // spark-submit sets it
            c.setMaster(master);
        }
        conf.forEach(c::set);
        JavaSparkContext spark = new JavaSparkContext(SparkContext.getOrCreate(c));
        String ui = spark.sc().uiWebUrl().isDefined() ? spark.sc().uiWebUrl().get() : "disabled (spark.ui.enabled=false)";
        System.err.printf("Spark %s, master %s, application %s; Spark UI: %s%n",
                spark.version(), spark.master(), spark.sc().applicationId(), ui);
        return spark;
    }
}
