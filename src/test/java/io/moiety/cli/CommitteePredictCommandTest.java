package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.PredictionInfo;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code moiety predict} with several runs: the committee's mean and spread in both output formats. */
class CommitteePredictCommandTest {

    @TempDir
    Path dir;

    private List<Frame> read(Path file) throws Exception {
        try (Dataset d = DatasetFiles.open(file)) {
            return d.readAll().get(0).frames();
        }
    }

    @Test
    void twoSeedsGiveTheirMeanAndSpreadPerFrameAndAtom() throws Exception {
        Path data = dir.resolve("water.xyz");
        DatasetFiles.write(data, List.of(new MoleculeRecord("water", "O", "H2O", 0, 1, "toy", "test",
                TrainPredictCommandTest.frames(10))), WriteOptions.defaults());
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, "type: schnet\ncutoff: 4.0\ndtype: float32\nfeatures: 8\nfilters: 8\ninteractions: 1\n"
                + "rbf: 8\ntraining:\n  energy_weight: 1\n  forces_weight: 10\n");
        Path[] runs = {dir.resolve("s1"), dir.resolve("s2")};
        for (int s = 0; s < 2; s++) {
            CliRun r = CliRun.of("train", "--model", cfg.toString(), "--train", data.toString(), "--valid-fraction", "0.2",
                    "--epochs", "1", "--batch-size", "4", "--seed", Integer.toString(s + 1), "--device", "cpu",
                    "--out", runs[s].toString(), "--no-progress");
            assertEquals(0, r.code(), r.err());
        }
        Path[] single = {dir.resolve("p1.xyz"), dir.resolve("p2.xyz")};
        for (int s = 0; s < 2; s++) {
            assertEquals(0, CliRun.of("predict", "--run", runs[s].toString(), "--data", data.toString(), "--out",
                    single[s].toString(), "--device", "cpu", "--no-progress").code());
        }
        Path xyz = dir.resolve("committee.xyz");
        CliRun c = CliRun.of("predict", "--run", runs[0].toString(), "--run", runs[1].toString(), "--data",
                data.toString(), "--out", xyz.toString(), "--device", "cpu", "--no-progress");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("committee of 2: mean energy σ"), c.out());
        List<Frame> a = read(single[0]);
        List<Frame> b = read(single[1]);
        List<Frame> m = read(xyz);
        for (int i = 0; i < m.size(); i++) {
            double ea = a.get(i).energy(), eb = b.get(i).energy();
            assertEquals((ea + eb) / 2, m.get(i).energy(), 1e-9);
            assertEquals(Math.abs(ea - eb) / Math.sqrt(2), Double.parseDouble(m.get(i).info().get(PredictionInfo.ENERGY_STD)),
                    1e-9 + 1e-9 * Math.abs(ea));
            assertEquals((a.get(i).forces()[4] + b.get(i).forces()[4]) / 2, m.get(i).forces()[4], 1e-9);
        }
        String text = Files.readString(xyz);
        assertTrue(text.contains(":forces_std:R:1") && text.contains("energy_std="), text.substring(0, 400));
        // atom 1 of frame 0: σ of each component is |a − b|/√2; the column holds their norm
        double expected = 0;
        for (int k = 0; k < 3; k++) {
            double d = a.get(0).forces()[3 + k] - b.get(0).forces()[3 + k];
            expected += d * d / 2;
        }
        String atom1 = text.split("\n")[3].trim();
        String[] cols = atom1.split("\\s+");
        assertEquals(Math.sqrt(expected), Double.parseDouble(cols[cols.length - 1]), 1e-5 * Math.max(1, Math.sqrt(expected)));

        Path h5 = dir.resolve("committee.h5");
        assertEquals(0, CliRun.of("predict", "--run", runs[0].toString(), "--run", runs[1].toString(), "--data",
                data.toString(), "--out", h5.toString(), "--device", "cpu", "--no-progress").code());
        try (HdfFile f = new HdfFile(h5)) {
            double[] e = (double[]) f.getDatasetByPath("water/energy_std").getData();
            float[][] fs = (float[][]) f.getDatasetByPath("water/forces_std").getData();
            assertEquals(10, e.length);
            assertEquals(3, fs[0].length);
            assertEquals(Double.parseDouble(m.get(2).info().get(PredictionInfo.ENERGY_STD)), e[2], 1e-12);
        }
        assertEquals(10, read(h5).size(), "the HDF5 output is still a readable dataset");
    }
}
