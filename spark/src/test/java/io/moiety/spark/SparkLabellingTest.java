package io.moiety.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.chem.SmilesGraph;
import io.moiety.chem.Structure;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import io.moiety.label.ExternalTool;
import io.moiety.label.Failure;
import io.moiety.label.GenerationSummary;
import io.moiety.label.LabelPipeline;
import io.moiety.label.MdSettings;
import io.moiety.label.MoleculeJob;
import io.moiety.label.PipelineOptions;
import io.moiety.label.Trajectory;
import io.moiety.label.WorkStore;
import io.moiety.label.Xtb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labelling through Spark in local mode with the real xtb and obabel (CI installs them): methanol
 * (both trajectories) and ethanol (primary only), a few MD steps and single points, compared
 * with the local engine's result in another work directory.
 */
class SparkLabellingTest {
    private static final MdSettings PRIMARY = new MdSettings("gfn2", 300, 0.5, 10, 5, 4, 1, 0, 2);
    private static final MdSettings SECONDARY = PRIMARY.withFrames(2);
    private static final List<MoleculeJob> JOBS = List.of(
            new MoleculeJob("methanol", SmilesGraph.parse("CO"), true),
            new MoleculeJob("ethanol", SmilesGraph.parse("CCO"), false));
    private static final int FRAMES = 4 + 2 + 4;

    @TempDir
    static Path tmp;
    private static List<MoleculeRecord> local;

    @BeforeAll
    static void localEngineReference() throws Exception {
        assumeTrue(ExternalTool.XTB.available() && ExternalTool.OBABEL.available(), "xtb and obabel are needed (CI installs them)");
        LabelPipeline pipeline = new LabelPipeline(options(tmp.resolve("local"), null));
        // the Spark runs must start from the same embedding: seeded by faketime, or else shared
        assumeTrue(pipeline.embeddingSeeded(), "faketime is needed to seed the Open Babel embedding (CI installs it)");
        assertEquals(FRAMES, pipeline.run(JOBS).framesLabelled());
        local = pipeline.records(JOBS, "test");
    }

    private static PipelineOptions options(Path work, PipelineOptions.FrameHook hook) {
        return options(work, PRIMARY, hook);
    }

    private static PipelineOptions options(Path work, MdSettings primary, PipelineOptions.FrameHook hook) {
        return new PipelineOptions(work, primary, SECONDARY, 7, 1, Duration.ofSeconds(120), false, hook);
    }

    private static SparkEngine engine() {
        return new SparkEngine(LocalSpark.context(), 2);
    }

    @Test
    void twoMoleculesThroughSparkEqualTheLocalEngineValueForValue() throws Exception {
        LabelPipeline pipeline = new LabelPipeline(options(tmp.resolve("spark"), null));
        GenerationSummary s = pipeline.run(JOBS, engine());
        assertEquals(FRAMES, s.framesLabelled());
        assertEquals(FRAMES, s.framesComputedThisRun());
        assertEquals(0, s.framesFailed());
        List<MoleculeRecord> got = pipeline.records(JOBS, "test");
        assertEquals(local, got);
        Path a = tmp.resolve("local.h5");
        Path b = tmp.resolve("spark.h5");
        DatasetFiles.write(a, local, WriteOptions.defaults());
        DatasetFiles.write(b, got, WriteOptions.defaults());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void aFrameThatFailsOnAnExecutorIsRecordedWithItsReasonAndTheJobGoesOn() throws Exception {
        Path work = tmp.resolve("failing");
        LabelPipeline pipeline = new LabelPipeline(options(work, null));
        // the local engine's results, then one snapshot made impossible (an H on the C) and its label forgotten
        copyTree(tmp.resolve("local"), work);
        MoleculeJob methanol = JOBS.get(0);
        Path traj = pipeline.store().trajectory(methanol, Trajectory.PRIMARY, PRIMARY, pipeline.trajectorySeed(methanol, Trajectory.PRIMARY));
        Path snapFile = traj.resolve("snapshots.xyz");
        List<Xtb.Snapshot> snaps = WorkStore.parseSnapshots(Files.readString(snapFile), snapFile, 0, 1);
        Structure s = snaps.get(1).structure();
        double[] x = s.positions().clone();
        System.arraycopy(x, 0, x, 3 * 2, 3);
        snaps.set(1, new Xtb.Snapshot(s.withPositions(x), snaps.get(1).timeFs()));
        WorkStore.put(snapFile, WorkStore.formatSnapshots(snaps));
        Files.delete(WorkStore.labelFile(traj, 1));

        GenerationSummary summary = pipeline.run(JOBS, engine());
        assertEquals(FRAMES - 1, summary.framesLabelled());
        assertEquals(1, summary.framesFailed());
        assertEquals(1, summary.framesComputedThisRun());
        Failure f = summary.failures().get(0);
        assertEquals("methanol", f.molecule());
        assertEquals(1, f.frame());
        assertTrue(f.reason().contains("short distance"), f.reason());
        assertTrue(Files.readString(WorkStore.failedFile(traj, 1)).contains("short distance"));
        assertEquals(3, pipeline.records(JOBS, "test").get(0).frames().size());
    }

    @Test
    void aKilledJobResumesWithoutRecomputingAndGivesTheSameData() throws Exception {
        // one molecule, a longer trajectory (cheap methanol single points), so that work is left
        // when the job stops even if Spark takes a while to cancel on a loaded machine
        List<MoleculeJob> methanol = List.of(new MoleculeJob("methanol", SmilesGraph.parse("CO"), false));
        MdSettings longer = PRIMARY.withFrames(30);
        LabelPipeline reference = new LabelPipeline(options(tmp.resolve("long-local"), longer, null));
        reference.run(methanol);
        Path work = tmp.resolve("killed");
        LabelPipeline killed = new LabelPipeline(options(work, longer, n -> {
            if (n >= 3) {
                throw new IllegalStateException("injected kill");
            }
        }));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> killed.run(methanol, new SparkEngine(LocalSpark.context(), 8)));
        assertEquals("injected kill", e.getMessage());
        int stored = countLabels(work);
        assertTrue(stored >= 3 && stored < 30, "partial results kept: " + stored);
        Thread.sleep(500);
        assertEquals(stored, countLabels(work), "nothing is written after the run stopped");

        LabelPipeline resumed = new LabelPipeline(options(work, longer, null));
        GenerationSummary s = resumed.run(methanol, engine());
        assertEquals(30, s.framesLabelled());
        assertEquals(30 - stored, s.framesComputedThisRun());
        assertEquals(reference.records(methanol, "test"), resumed.records(methanol, "test"));
    }

    private static int countLabels(Path work) throws IOException {
        try (var files = Files.walk(work)) {
            return (int) files.filter(p -> p.toString().endsWith(".label")).count();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
