package io.moiety.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moiety-spark bench} in local mode on the committed default dataset: the two physics
 * baselines on one task, each cell a Spark task, then the report written by {@code moiety bench}
 * on the driver from the stored cells.
 */
class SparkBenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void cellsRunAsSparkTasksAndTheDriverWritesTheReportFromThem() throws Exception {
        LocalSpark.context();      // the command takes the test JVM's context
        Path out = tmp.resolve("run");
        int rc = SparkMain.commandLine().execute("bench", "--master", "local[2]", "--suite", "quick",
                "--only", "fusion/element-reference,fusion/group-additivity", "--out", out.toString(), "--no-progress");
        assertEquals(0, rc);
        String results = Files.readString(out.resolve("results.json"));
        assertTrue(results.contains("element-reference") && results.contains("group-additivity"), results);
        assertTrue(Files.exists(out.resolve("report.md")));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("fusion"), report);
        // both cells came from the Spark tasks: the report step reused them
        assertTrue(report.contains("reused 2 of 2 cells"), report);
    }
}
