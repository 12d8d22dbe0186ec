package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.data.io.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code moiety causal discover} and {@code active} end to end, and their errors. */
class CausalCommandTest {
    @TempDir
    Path dir;

    private Path chain() throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("id,x,y,z,const\n");
        for (int r = 0; r < 2000; r++) {
            double x = 2 * rng.nextDouble() - 1;
            double y = 1.5 * x + (2 * rng.nextDouble() - 1);
            double z = -0.8 * y + (2 * rng.nextDouble() - 1);
            sb.append(r).append(',').append(x).append(',').append(y).append(',').append(z).append(",1\n");
        }
        Path f = dir.resolve("chain.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void discoverWritesNamedMatrix() throws IOException {
        Path data = chain();
        Path out = dir.resolve("B.csv");
        CliRun run = CliRun.of("causal", "discover", "--data", data.toString(), "--columns", "z,x,y", "--sink", "z",
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("x → y → z"), run.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(",z,x,y", lines.get(0));
        String[] y = lines.get(3).split(",");
        assertEquals("y", y[0]);
        assertEquals(1.5, Double.parseDouble(y[2]), 0.05, "effect of x on y");
        String[] z = lines.get(1).split(",");
        assertEquals(-0.8, Double.parseDouble(z[3]), 0.05, "effect of y on z");
        assertEquals(0.0, Double.parseDouble(z[2]), "no direct x → z");
    }

    @Test
    void discoverErrorsNameFileAndColumn() throws IOException {
        Path data = chain();
        Path out = dir.resolve("B.csv");
        CliRun constant = CliRun.of("causal", "discover", "--data", data.toString(), "--columns", "x,const", "--out", out.toString());
        assertNotEquals(0, constant.code());
        assertTrue(constant.err().contains("chain.csv") && constant.err().contains("'const' is constant"), constant.err());
        CliRun sink = CliRun.of("causal", "discover", "--data", data.toString(), "--columns", "x,y", "--sink", "w", "--out", out.toString());
        assertTrue(sink.err().contains("chain.csv") && sink.err().contains("sink 'w'"), sink.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void activeWritesCurvesAndReport() throws IOException {
        Path qm9 = SharedData.dir().resolve("data/qm9-3k/qm9-3k.csv");
        assumeTrue(Files.exists(qm9), "shared qm9-3k not found");
        List<String> lines = Files.readAllLines(qm9);
        Path small = dir.resolve("qm9-small.csv");
        Files.write(small, lines.subList(0, 101));
        Path out = dir.resolve("active");
        CliRun run = CliRun.of("causal", "active", "--data", small.toString(), "--out", out.toString(), "--batch", "10",
                "--iterations", "2", "--repeats", "2", "--keep", "4");
        assertEquals(0, run.code(), run.err());
        List<String> curves = Files.readAllLines(out.resolve("curves.csv"));
        assertEquals("strategy,repeat,iteration,size,graph_loss,r2,pool", curves.get(0));
        assertEquals(1 + 2 * 2 * 2, curves.size());
        assertTrue(curves.get(1).startsWith("active,0,1,11,"), curves.get(1));
        for (String f : List.of("report.md", "report.html", "graph_loss.png", "r2.svg", "pools.png", "selection.csv", "global_graph.csv")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        Path head = dir.resolve("qm9-bad.csv");
        List<String> bad = new java.util.ArrayList<>(lines.subList(0, 6));
        bad.add(lines.get(338));
        Files.write(head, bad);
        CliRun fail = CliRun.of("causal", "active", "--data", head.toString(), "--out", out.toString(), "--invalid", "fail");
        assertNotEquals(0, fail.code());
        assertTrue(fail.err().contains("qm9-bad.csv:7: smiles:") && fail.err().contains("disconnected"), fail.err());
    }
}
