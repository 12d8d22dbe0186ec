package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropsBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesResultsReportAndPlots() throws IOException {
        String[] smiles = {"C", "CC", "CCC", "CCCC", "CCCCC", "CCCCCC", "CO", "CCO", "CCCO", "CCCCO", "CCCCCO",
            "CN", "CCN", "CCCN", "CCCCN", "c1ccccc1", "Cc1ccccc1", "CCc1ccccc1", "Oc1ccccc1", "Nc1ccccc1",
            "CC(C)C", "CC(C)O", "CC(C)N", "CC(=O)C", "CC(=O)O", "CCC(=O)O", "C1CCCCC1", "C1CCCC1", "ClC", "ClCC"};
        Random rnd = new Random(1);
        StringBuilder sb = new StringBuilder("smiles,y,d1,d2,aromatic,oxygen\n");
        for (String s : smiles) {
            double d1 = rnd.nextGaussian();
            double d2 = rnd.nextGaussian();
            boolean ar = s.contains("c");
            sb.append(s).append(',').append(2 * d1 - d2 + (ar ? d1 : 0) + 0.1 * rnd.nextGaussian()).append(',')
                    .append(d1).append(',').append(d2).append(',').append(ar ? 1 : 0).append(',').append(s.contains("O") ? 1 : 0).append('\n');
        }
        Path data = dir.resolve("d.csv");
        Files.writeString(data, sb.toString());
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("props", "bench", "--data", data.toString(), "--target", "y", "--models", "ilr,lr,ridge",
                "--n-in", "10,15", "--seeds", "1", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("report: " + out.resolve("report.html")), run.out());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(csv.get(0).startsWith("dataset,descriptors,model,split,n_in,"));
        for (String col : List.of("n_train", "n_test", "rmse", "mae", "r2", "rmse_over_sigma")) {
            assertTrue(csv.get(0).contains(col), col);
        }
        // 5 interpolation folds + 3 extrapolation kinds × 2 N_in, times 3 models
        assertEquals(1 + 3 * (5 + 3 * 2), csv.size());
        for (String f : List.of("report.md", "report.json", "plots/rmse-property.png", "plots/ilr-coefficients.png",
                "plots/parity-cluster-ilr.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String command = "moiety props bench --data " + data + " --target y";
        assertTrue(Files.readString(out.resolve("report.json")).contains(command), "recorded command names the subcommand once");
        assertTrue(Files.readString(out.resolve("report.md")).contains(command), "recorded command names the subcommand once");
    }

    @Test
    void unknownModelListsTheValidOnes() throws IOException {
        Path data = dir.resolve("e.csv");
        Files.writeString(data, "smiles,y,d\nC,1,2\nCC,2,3\nCCC,3,5\n");
        CliRun run = CliRun.of("props", "bench", "--data", data.toString(), "--target", "y", "--models", "ilr,xgb",
                "--out", dir.resolve("x").toString());
        assertTrue(run.code() != 0);
        assertTrue(run.err().contains("unknown model 'xgb'") && run.err().contains("fingerprint"), run.err());
    }
}
