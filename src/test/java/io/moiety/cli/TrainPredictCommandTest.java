package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import io.moiety.train.CheckpointFile;
import io.moiety.train.Training;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code moiety train} then {@code moiety predict} end to end on a small extended-XYZ file. */
class TrainPredictCommandTest {

    @TempDir
    Path dir;



    /** Water-like frames from a harmonic-bond toy potential (eV, eV/Å). */
    static List<Frame> frames(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        int[] z = {8, 1, 1};
        double[] x0 = {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0};
        List<Frame> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] x = x0.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.1 * (2 * rng.nextDouble() - 1);
            }
            double[] f = new double[9];
            double e = -2080.0;
            for (int h = 1; h <= 2; h++) {
                double[] d = {x[3 * h] - x[0], x[3 * h + 1] - x[1], x[3 * h + 2] - x[2]};
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                e += 20 * (r - 0.96) * (r - 0.96);
                for (int c = 0; c < 3; c++) {
                    double g = 40 * (r - 0.96) * d[c] / r;
                    f[3 * h + c] -= g;
                    f[c] += g;
                }
            }
            out.add(Frame.of(Structure.molecule(z, x), e, f));
        }
        return out;
    }

    /** {@code water.xyz} in the test folder with {@code n} toy frames. */
    private Path waterFile(int n) throws Exception {
        Path data = dir.resolve("water.xyz");
        DatasetFiles.write(data, List.of(new MoleculeRecord("water", "O", "H2O", 0, 1, "toy", "test", frames(n))),
                WriteOptions.defaults());
        return data;
    }

    @Test
    void trainsPredictsAndGuardsTheRunDirectory() throws Exception {
        Path data = waterFile(12);
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, "type: schnet\ncutoff: 4.0\ndtype: float32\nfeatures: 8\nfilters: 8\ninteractions: 1\n"
                + "rbf: 8\ntraining:\n  energy_weight: 1\n  forces_weight: 10\n");
        Path run = dir.resolve("run");
        CliRun r = CliRun.of("train", "--model", cfg.toString(), "--train", data.toString(), "--valid-fraction", "0.25",
                "--epochs", "2", "--batch-size", "3", "--seed", "4", "--device", "cpu", "--out", run.toString(),
                "--no-progress", "--set", "training.ema_decay=0.9");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tiny: 2 epochs"), r.out());
        assertTrue(Files.exists(run.resolve("best.ckpt")) && Files.exists(run.resolve("metrics.csv")));
        assertEquals(3, Files.readAllLines(run.resolve("metrics.csv")).size());

        CliRun again = CliRun.of("train", "--model", cfg.toString(), "--train", data.toString(), "--out", run.toString());
        assertNotEquals(0, again.code());
        assertTrue(again.err().contains("--resume"), again.err());
        CliRun resumeNothing = CliRun.of("train", "--model", cfg.toString(), "--train", data.toString(),
                "--out", dir.resolve("empty").toString(), "--resume");
        assertNotEquals(0, resumeNothing.code());
        assertTrue(resumeNothing.err().contains("no last.ckpt"), resumeNothing.err());

        Path pred = dir.resolve("pred.xyz");
        CliRun p = CliRun.of("predict", "--run", run.toString(), "--data", data.toString(), "--out", pred.toString(),
                "--device", "cpu");
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("force MAE") && p.out().contains("energy MAE"), p.out());
        try (Dataset d = DatasetFiles.open(pred)) {
            List<Frame> got = d.readAll().get(0).frames();
            assertEquals(12, got.size());
            assertTrue(got.get(0).hasForces());
        }
        Path predH5 = dir.resolve("pred.h5");
        assertEquals(0, CliRun.of("predict", "--run", run.toString(), "--data", data.toString(), "--out", predH5.toString(),
                "--device", "cpu", "--no-progress").code());
        try (Dataset d = DatasetFiles.open(predH5)) {
            MoleculeRecord m = d.readAll().get(0);
            assertEquals("predicted by tiny", m.levelOfTheory());
            assertTrue(m.source().startsWith("moiety predict " + run.toAbsolutePath() + " on water.xyz"), m.source());
        }
        CliRun exists = CliRun.of("predict", "--run", run.toString(), "--data", data.toString(), "--out", pred.toString());
        assertNotEquals(0, exists.code(), "existing output needs --force");

        // --out equal to --data is refused even with --force: the labelled input stays
        byte[] before = Files.readAllBytes(data);
        CliRun self = CliRun.of("predict", "--run", run.toString(), "--data", data.toString(), "--out",
                dir.resolve(".").resolve("water.xyz").toString(), "--force", "--no-progress", "--device", "cpu");
        assertEquals(ExitCode.ERROR.code(), self.code());
        assertTrue(self.err().contains("the output is the --data file"), self.err());
        assertArrayEquals(before, Files.readAllBytes(data));

        // compositions the water-only training set does not determine are named, one warning per molecule
        assertTrue(Files.readString(run.resolve(TrainingCompositions.FILE)).contains("H:2 O:1"));
        Path others = dir.resolve("others.xyz");
        DatasetFiles.write(others, List.of(
                new MoleculeRecord("peroxide", "OO", "H2O2", 0, 1, "toy", "test", List.of(Frame.of(Structure.molecule(
                        new int[] {8, 8, 1, 1}, new double[] {0, 0, 0, 1.45, 0, 0, -0.3, 0.9, 0, 1.75, 0.9, 0}), -4000,
                        new double[12]))),
                new MoleculeRecord("ammonia", "N", "H3N", 0, 1, "toy", "test", List.of(Frame.of(Structure.molecule(
                        new int[] {7, 1, 1, 1}, new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}), -1500, new double[12]))),
                new MoleculeRecord("water", "O", "H2O", 0, 1, "toy", "test", frames(1))), WriteOptions.defaults());
        CliRun warned = CliRun.of("predict", "--run", run.toString(), "--data", others.toString(), "--out",
                dir.resolve("others-pred.xyz").toString(), "--device", "cpu", "--no-progress");
        assertEquals(0, warned.code(), warned.err());
        assertTrue(warned.err().contains("warning: molecule peroxide: composition H2O2 is not a combination"), warned.err());
        assertTrue(warned.err().contains("warning: molecule ammonia: element(s) N never seen in training"), warned.err());
        assertFalse(warned.err().contains("molecule water"), warned.err());

        // a run that fails before writing anything leaves no empty run directory behind
        Path failed = dir.resolve("failed-run");
        CliRun bad = CliRun.of("train", "--model", cfg.toString(), "--train", data.toString(), "--out", failed.toString(),
                "--set", "training.lr=-1", "--device", "cpu", "--no-progress");
        assertEquals(ExitCode.ERROR.code(), bad.code());
        assertFalse(Files.exists(failed), "empty run directory left by a failed run");

        CliRun help = CliRun.of("train", "--help");
        assertTrue(help.out().contains("Examples:") && help.out().contains("--resume"), help.out());
    }

    @Test
    void outAtAFileIsRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("train", "--model", "schnet-small", "--train", waterFile(3).toString(), "--out",
                file.toString(), "--no-progress");
        assertEquals(ExitCode.ERROR.code(), r.code());
        assertTrue(r.err().contains(file + ": --out is a file; give a directory for the run"), r.err());
        assertEquals("mine", Files.readString(file));
    }

    /** Without validation frames neither the training log nor the command's summary shows NaN errors. */
    @Test
    void noValidationFramesLogsNoNaN() throws Exception {
        Path data = waterFile(6);
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, "type: schnet\ncutoff: 4.0\nfeatures: 8\ninteractions: 1\nrbf: 8\n");
        Logger trainingLog = (Logger) LoggerFactory.getLogger(Training.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        trainingLog.addAppender(log);
        CliRun r;
        try {
            r = CliRun.of("train", "--model", cfg.toString(), "--train", data.toString(), "--valid-fraction", "0",
                    "--epochs", "1", "--device", "cpu", "--out", dir.resolve("noval").toString(), "--no-progress");
        } finally {
            trainingLog.detachAppender(log);
        }
        assertEquals(0, r.code(), r.err());
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("best epoch 1 of 1 (lowest training loss): no validation frames")),
                lines.toString());
        assertFalse((lines + r.out() + r.err()).contains("NaN"), lines + r.out() + r.err());
    }

    /**
     * A typo in {@code --set} (architecture, top-level or training key) fails before training and
     * names the valid keys; nothing is trained or stored.
     */
    @Test
    void typosInSetAreRefusedWithTheValidKeys() throws Exception {
        Path data = waterFile(6);
        Path run = dir.resolve("typo");
        for (String[] typo : new String[][] {{"feature=128", "feature"}, {"trainig.lr=0.1", "trainig"},
            {"training.max_epoch=3", "max_epoch"}}) {
            String set = typo[0];
            CliRun r = CliRun.of("train", "--model", "schnet-small", "--train", data.toString(), "--device", "cpu",
                    "--out", run.toString(), "--no-progress", "--set", set);
            assertNotEquals(0, r.code(), set);
            assertTrue(r.err().contains(typo[1]) && r.err().contains("valid keys"), r.err());
            assertTrue(r.err().contains(set.startsWith("training.") ? "max_epochs" : "features"), r.err());
            assertTrue(!Files.exists(run.resolve("last.ckpt")), set);
        }
    }

    /**
     * {@code --resume} without {@code --epochs} continues to the epoch count the run was started with
     * (here a run started with {@code --epochs 3} and stopped after one epoch by its time limit),
     * not to the config's default of 100.
     */
    @Test
    void resumeContinuesTheOriginalPlan() throws Exception {
        Path data = waterFile(8);
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, "type: schnet\ncutoff: 4.0\nfeatures: 8\ninteractions: 1\nrbf: 8\n");
        Path run = dir.resolve("plan");
        String[] common = {"train", "--model", cfg.toString(), "--train", data.toString(), "--valid-fraction", "0.25",
            "--device", "cpu", "--out", run.toString(), "--no-progress"};
        List<String> first = new ArrayList<>(List.of(common));
        first.addAll(List.of("--epochs", "3", "--time-limit", "0.00001"));
        CliRun r = CliRun.of(first.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tiny: 1 epochs"), "stopped by the time limit: " + r.out());
        List<String> resume = new ArrayList<>(List.of(common));
        resume.addAll(List.of("--resume", "--time-limit", "0"));
        CliRun again = CliRun.of(resume.toArray(String[]::new));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("tiny: 3 epochs"), "continued to the original --epochs 3: " + again.out());
    }

    /**
     * train and predict read labels stored under other extended-XYZ keys (--energy-key, --forces-key,
     * the same options as inspect and convert, with --format), and fail naming the key without them.
     */
    /** The isolated-atom energies stored with the training file, HDF5 or extended XYZ, become the run's E0. */
    @Test
    void trainTakesTheIsolatedAtomsOfEitherFormat() throws Exception {
        IsolatedAtoms e0 = new IsolatedAtoms(List.of(new IsolatedAtoms.Atom(1, 2, -13.6), new IsolatedAtoms.Atom(8, 3, -2040.0)),
                Map.of("level_of_theory", "toy"), "");
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, "type: schnet\ncutoff: 4.0\ndtype: float32\nfeatures: 8\nfilters: 8\ninteractions: 1\nrbf: 8\n");
        for (String name : List.of("water-e0.xyz", "water-e0.h5")) {
            Path data = dir.resolve(name);
            DatasetFiles.write(data, List.of(new MoleculeRecord("water", "O", "H2O", 0, 1, "toy", "test", frames(8))), e0,
                    WriteOptions.defaults());
            Path run = dir.resolve("run-" + name);
            CliRun r = CliRun.of("train", "--model", cfg.toString(), "--train", data.toString(), "--valid-fraction", "0.25",
                    "--epochs", "1", "--device", "cpu", "--out", run.toString(), "--no-progress");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("E0 (isolated atoms from " + data + "): H -13.600000 eV, O -2040.000000 eV"), r.out());
            assertEquals(Map.of(1, -13.6, 8, -2040.0), CheckpointFile.readState(run.resolve("best.ckpt")).head().referenceEnergies());
        }
    }

    @Test
    void trainAndPredictReadOtherLabelKeys() throws Exception {
        Path data = dir.resolve("water-ref.xyz");
        DatasetFiles.write(data, List.of(new MoleculeRecord("water", "O", "H2O", 0, 1, "toy", "test", frames(8))),
                new WriteOptions(io.moiety.data.io.Format.EXTXYZ, "REF_energy", "REF_forces", false));
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, "type: schnet\ncutoff: 4.0\ndtype: float32\nfeatures: 8\nfilters: 8\ninteractions: 1\n"
                + "rbf: 8\n");
        Path run = dir.resolve("run-ref");
        String[] keys = {"--format", "xyz", "--energy-key", "REF_energy", "--forces-key", "REF_forces"};
        CliRun plain = CliRun.of("train", "--model", cfg.toString(), "--train", data.toString(), "--epochs", "1",
                "--device", "cpu", "--out", run.toString(), "--no-progress");
        assertNotEquals(0, plain.code(), "no 'energy' key in the file");
        assertTrue(plain.err().contains("energy") && plain.err().contains("water-ref.xyz"), plain.err());
        List<String> args = new ArrayList<>(List.of("train", "--model", cfg.toString(), "--train", data.toString(),
                "--valid-fraction", "0.25", "--epochs", "1", "--device", "cpu", "--out", run.toString(), "--no-progress"));
        args.addAll(List.of(keys));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<String> pargs = new ArrayList<>(List.of("predict", "--run", run.toString(), "--data", data.toString(),
                "--out", dir.resolve("pred-ref.xyz").toString(), "--device", "cpu"));
        pargs.addAll(List.of(keys));
        CliRun p = CliRun.of(pargs.toArray(String[]::new));
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("force MAE"), "predict compares against the REF_ labels: " + p.out());
    }
}
