package io.moiety.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.chem.SmilesGraph;
import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import io.moiety.data.MoleculeRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests with the real xtb and obabel (installed in CI by .ci/run): one tiny molecule
 * (methanol), a few MD steps and single points.
 */
class LabelPipelineTest {
    private static final MdSettings PRIMARY = new MdSettings("gfn2", 300, 0.5, 10, 5, 4, 1, 0, 2);
    private static final MdSettings SECONDARY = PRIMARY.withFrames(2);
    private static final List<MoleculeJob> METHANOL = List.of(new MoleculeJob("methanol", SmilesGraph.parse("CO"), true));

    @TempDir
    Path tmp;

    @BeforeAll
    static void tools() {
        assumeTrue(ExternalTool.XTB.available() && ExternalTool.OBABEL.available(), "xtb and obabel are needed (CI installs them)");
    }

    private static PipelineOptions options(Path work, PipelineOptions.FrameHook hook) {
        return new PipelineOptions(work, PRIMARY, SECONDARY, 7, 2, Duration.ofSeconds(120), false, hook);
    }

    @Test
    void overlappingAtomsAreAFailedCallWithTheReason() throws Exception {
        Xtb xtb = Xtb.locate(tmp.resolve("scratch"), Duration.ofSeconds(60));
        Structure overlapping = Structure.molecule(new int[] {8, 1, 1}, new double[] {0, 0, 0, 0, 0, 0, 0, 0.76, 0.58});
        ToolFailure f = assertThrows(ToolFailure.class, () -> xtb.singlePoint(overlapping));
        assertTrue(f.getMessage().contains("exited with code"), f.getMessage());
        assertTrue(f.getMessage().contains("short distance"), f.getMessage());
        try (var dirs = Files.list(tmp.resolve("scratch"))) {
            assertEquals(0, dirs.count(), "private temporary directories are removed");
        }
    }

    @Test
    void failedFrameIsRecordedSkippedAndCounted() throws Exception {
        Path work = tmp.resolve("work");
        LabelPipeline pipeline = new LabelPipeline(options(work, null));
        GenerationSummary first = pipeline.run(METHANOL);
        assertEquals(6, first.framesLabelled());
        assertEquals(0, first.framesFailed());

        // Put one snapshot's H onto its C (overlapping atoms), forget that frame's label, re-run.
        Path traj = pipeline.store().trajectory(METHANOL.get(0), Trajectory.PRIMARY, PRIMARY, pipeline.trajectorySeed(METHANOL.get(0), Trajectory.PRIMARY));
        Path snapFile = traj.resolve("snapshots.xyz");
        List<Xtb.Snapshot> snaps = WorkStore.parseSnapshots(Files.readString(snapFile), snapFile, 0, 1);
        Structure s = snaps.get(2).structure();
        double[] x = s.positions().clone();
        int h = 2; // an H atom of methanol in obabel order (C, O, H...)
        assertEquals(1, s.atomicNumbers()[h]);
        System.arraycopy(x, 0, x, 3 * h, 3);
        snaps.set(2, new Xtb.Snapshot(s.withPositions(x), snaps.get(2).timeFs()));
        WorkStore.put(snapFile, WorkStore.formatSnapshots(snaps));
        Files.delete(WorkStore.labelFile(traj, 2));

        GenerationSummary second = pipeline.run(METHANOL);
        assertEquals(5, second.framesLabelled());
        assertEquals(1, second.framesFailed());
        assertEquals(1, second.framesComputedThisRun());
        Failure f = second.failures().get(0);
        assertEquals(2, f.frame());
        assertEquals(Trajectory.PRIMARY, f.trajectory());
        assertTrue(f.reason().contains("short distance"), f.reason());
        assertTrue(Files.readString(WorkStore.failedFile(traj, 2)).contains("short distance"));
        List<MoleculeRecord> records = pipeline.records(METHANOL, "test");
        assertEquals(3, records.get(0).frames().size());
        assertEquals(2, records.get(1).frames().size());
    }

    @Test
    void resumeAfterAKilledRunGivesTheSameDataAsAnUninterruptedRun() throws Exception {
        Path a = tmp.resolve("uninterrupted");
        LabelPipeline full = new LabelPipeline(options(a, null));
        full.run(METHANOL);
        List<MoleculeRecord> expected = full.records(METHANOL, "test");
        assertEquals("methanol", expected.get(0).id());
        assertEquals("methanol.md2", expected.get(1).id());
        assertEquals(4, expected.get(0).frames().size());
        assertEquals(2, expected.get(1).frames().size());
        assertEquals("GFN2-xTB", expected.get(0).levelOfTheory());
        for (Frame f : expected.get(0).frames()) {
            assertTrue(f.hasEnergy() && f.hasForces());
            assertEquals("primary", f.info().get("trajectory"));
        }
        assertFalse(expected.get(0).frames().get(0).structure().equals(expected.get(0).frames().get(1).structure()));

        // Same starting structure (shared, so that the test also holds where faketime is missing
        // and the embedding is not seeded), killed after two stored frames, then resumed.
        Path b = tmp.resolve("killed");
        Path molA = full.store().molecule(METHANOL.get(0));
        LabelPipeline killed = new LabelPipeline(options(b, n -> {
            if (n >= 2) {
                throw new IllegalStateException("injected kill");
            }
        }));
        Path molB = killed.store().molecule(METHANOL.get(0));
        Files.createDirectories(molB);
        Files.copy(molA.resolve("embedded.xyz"), molB.resolve("embedded.xyz"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> killed.run(METHANOL));
        assertEquals("injected kill", e.getMessage());
        int stored = countLabels(b);
        assertTrue(stored >= 2 && stored < 6, "partial results kept: " + stored);

        LabelPipeline resumed = new LabelPipeline(options(b, null));
        GenerationSummary s = resumed.run(METHANOL);
        assertEquals(6, s.framesLabelled());
        assertEquals(6 - stored, s.framesComputedThisRun());
        List<MoleculeRecord> got = resumed.records(METHANOL, "test");
        assertEquals(expected, got);
        // and the HDF5 files written from both are byte-identical
        Path fa = tmp.resolve("a.h5");
        Path fb = tmp.resolve("b.h5");
        DatasetFiles.write(fa, expected, WriteOptions.defaults());
        DatasetFiles.write(fb, got, WriteOptions.defaults());
        assertArrayEquals(Files.readAllBytes(fa), Files.readAllBytes(fb));
        try (Dataset back = DatasetFiles.open(fb)) {
            assertEquals(List.of("methanol", "methanol.md2"), back.moleculeIds());
            MoleculeRecord m = back.molecule("methanol");
            assertEquals(expected.get(0).frames().get(3).energy(), m.frames().get(3).energy(), 0.0);
            assertTrue(m.source().contains("trajectory=primary"), m.source());
            assertTrue(back.molecule("methanol.md2").source().contains("trajectory=secondary"));
        }
    }

    @Test
    void freshWorkDirectoriesWithTheSameSeedGiveIdenticalData() throws Exception {
        assumeTrue(FaketimeLibrary.find(System.getenv()).isPresent(), "libfaketime is needed to seed the Open Babel embedding (CI installs faketime)");
        // 1-propanol: unseeded, obabel --gen3d gives another conformer almost every call
        List<MoleculeJob> propanol = List.of(new MoleculeJob("propanol", SmilesGraph.parse("CCCO"), false));
        LabelPipeline a = new LabelPipeline(options(tmp.resolve("fresh-a"), null));
        LabelPipeline b = new LabelPipeline(options(tmp.resolve("fresh-b"), null));
        GenerationSummary sa = a.run(propanol);
        GenerationSummary sb = b.run(propanol);
        assertTrue(sa.embeddingSeeded() && sb.embeddingSeeded());
        assertEquals(4, sa.framesLabelled());
        assertEquals(Files.readString(a.store().molecule(propanol.get(0)).resolve("embedded.xyz")),
                Files.readString(b.store().molecule(propanol.get(0)).resolve("embedded.xyz")));
        List<MoleculeRecord> ra = a.records(propanol, "test");
        List<MoleculeRecord> rb = b.records(propanol, "test");
        assertEquals(ra, rb);
        assertTrue(ra.get(0).source().contains("seeded by a frozen clock"), ra.get(0).source());
        Path fa = tmp.resolve("fresh-a.h5");
        Path fb = tmp.resolve("fresh-b.h5");
        DatasetFiles.write(fa, ra, WriteOptions.defaults());
        DatasetFiles.write(fb, rb, WriteOptions.defaults());
        assertArrayEquals(Files.readAllBytes(fa), Files.readAllBytes(fb));
    }

    private static int countLabels(Path work) throws IOException {
        try (var files = Files.walk(work)) {
            return (int) files.filter(p -> p.toString().endsWith(".label")).count();
        }
    }
}
