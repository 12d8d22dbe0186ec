package io.moiety.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one Spark context of the test JVM (Spark allows one per process): {@code local[2,2]}, two
 * cores and two attempts per task, no web UI. Stopped when the JVM exits (or by a command under
 * test, which gets it from {@code SparkContext.getOrCreate}; then the next call starts another).
 */
final class LocalSpark {
    private static JavaSparkContext context;

    private LocalSpark() {
    }

    static synchronized JavaSparkContext context() {
        if (context == null || context.sc().isStopped()) {
            context = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("moiety-spark tests")
                    .set("spark.ui.enabled", "false").set("spark.driver.host", "localhost"));
            JavaSparkContext started = context;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return context;
    }
}
