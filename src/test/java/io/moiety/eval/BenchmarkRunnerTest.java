package io.moiety.eval;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moiety.data.FolderLock;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.eval.report.ReportWriter;
import io.moiety.metrics.Metric;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import io.moiety.task.Identifiability;
import io.moiety.task.Role;
import io.moiety.task.TaskMolecule;
import io.moiety.task.TaskSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkRunnerTest {
    private static TaskSplit splitA;
    private static TaskSplit splitB;

    @BeforeAll
    static void data() {
        splitA = SyntheticChains.task("alpha", 10);
        splitB = SyntheticChains.task("beta", 6);
    }

    private static final TaskSource TASKS = new TaskSource() {
        @Override public List<String> names() { return List.of("alpha", "beta"); }

        @Override public TaskSplit split(String task) {
            return switch (task) {
                case "alpha" -> splitA;
                case "beta" -> splitB;
                default -> throw new IllegalArgumentException("unknown task '" + task + "'; available: alpha, beta");
            };
        }
    };

    /** Baselines for real; "harmonic" is a real analytic force field; "broken" always fails. */
    private static class CountingFactory implements PotentialFactory {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> seen = new ArrayList<>();

        @Override
        public io.moiety.model.Potential create(BenchCell cell, TaskSplit split, Path workDir) throws Exception {
            calls.incrementAndGet();
            seen.add(cell.id());
            return switch (cell.model()) {
                case "harmonic" -> new HarmonicBondPotential("harmonic", 15.0 + cell.seed(), -60.0);
                case "broken" -> throw new IllegalStateException("diverged: loss is NaN at epoch 3");
                default -> new StandardPotentials("cpu").create(cell, split, workDir);
            };
        }
    }

    private static Suite suite(List<String> models, List<Long> seeds) {
        return new Suite("test", "synthetic harmonic chains", "default", "", List.of("alpha", "beta"),
                models.stream().map(m -> new Suite.ModelEntry(m, Map.of())).toList(), seeds,
                Map.of("training.max_epochs", "3"), 0, "test");
    }

    /** Counts how many potentials are being created at once (each creation takes a moment). */
    private static final class ConcurrencyProbe extends CountingFactory {
        final AtomicInteger active = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public synchronized io.moiety.model.Potential create(BenchCell cell, TaskSplit split, Path workDir) throws Exception {
            return super.create(cell, split, workDir);
        }

        io.moiety.model.Potential createSlowly(BenchCell cell, TaskSplit split, Path workDir) throws Exception {
            most.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
                return create(cell, split, workDir);
            } finally {
                active.decrementAndGet();
            }
        }
    }

    @Test
    void parallelCellsGiveTheSerialResultsInCellOrder(@TempDir Path dir) throws Exception {
        Suite s = suite(List.of("element-reference", "harmonic", "group-additivity"), List.of(1L, 2L));
        List<CellResult> serial = new BenchmarkRunner(new CountingFactory(), TASKS,
                new BenchmarkRunner.Options(dir.resolve("serial"), false, false, List.of(), 1)).run(s);
        ConcurrencyProbe probe = new ConcurrencyProbe();
        PotentialFactory slow = probe::createSlowly;
        BenchmarkRunner runner = new BenchmarkRunner(slow, TASKS,
                new BenchmarkRunner.Options(dir.resolve("parallel"), false, false, List.of(), 3));
        List<CellResult> parallel = runner.run(s);
        assertEquals(12, probe.calls.get());
        assertTrue(probe.most.get() >= 2, "cells must overlap in time with 3 jobs, at most " + probe.most.get() + " did");
        assertEquals(serial.stream().map(r -> r.cell().id()).toList(), parallel.stream().map(r -> r.cell().id()).toList());
        for (int i = 0; i < serial.size(); i++) {
            for (Split split : Split.values()) {
                assertEquals(serial.get(i).metrics().get(split).get(Metric.ENERGY_MAE),
                        parallel.get(i).metrics().get(split).get(Metric.ENERGY_MAE), serial.get(i).cell().id());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new BenchmarkRunner.Options(dir, false, false, List.of(), 0));
    }

    @Test
    void resumeSkipsFinishedCells(@TempDir Path dir) throws Exception {
        Suite s = suite(List.of("element-reference", "harmonic"), List.of(1L, 2L));
        CountingFactory f1 = new CountingFactory();
        List<CellResult> first = new BenchmarkRunner(f1, TASKS, new BenchmarkRunner.Options(dir, false, false, List.of())).run(s);
        assertEquals(8, f1.calls.get());
        assertEquals(8, first.size());
        assertTrue(first.stream().allMatch(CellResult::ok));

        CountingFactory f2 = new CountingFactory();
        BenchmarkRunner resumed = new BenchmarkRunner(f2, TASKS, new BenchmarkRunner.Options(dir, false, false, List.of()));
        List<CellResult> again = resumed.run(s);
        assertEquals(0, f2.calls.get(), "finished cells must not be rerun");
        assertEquals(8, resumed.reusedCells(), "the report must say that this invocation's wall time excludes them");
        assertEquals(first.get(3).metrics().get(Split.OOD).get(Metric.FORCE_MAE),
                again.get(3).metrics().get(Split.OOD).get(Metric.FORCE_MAE));

        BenchCell gone = new BenchCell("beta", "harmonic", 2, Map.of("training.max_epochs", "3"));
        Files.delete(gone.dir(dir).resolve("result.json"));
        CountingFactory f3 = new CountingFactory();
        new BenchmarkRunner(f3, TASKS, new BenchmarkRunner.Options(dir, false, false, List.of())).run(s);
        assertEquals(List.of("beta/harmonic/seed-2"), f3.seen);

        CountingFactory f4 = new CountingFactory();
        new BenchmarkRunner(f4, TASKS, new BenchmarkRunner.Options(dir, true, false, List.of("alpha/*"))).run(s);
        assertEquals(4, f4.calls.get(), "--force with --only alpha/* reruns alpha's cells only");
    }

    /**
     * A finished cell is reused only with the fingerprint it was made with (for network models the
     * hash of the model config's content): after the config changes, the run stops with an error
     * naming the cell and --force, and --force reruns it. Network fingerprints follow the config
     * and its overrides; baselines have none.
     */
    @Test
    void aChangedModelConfigIsNotReusedSilently(@TempDir Path dir) throws Exception {
        Suite s = suite(List.of("harmonic"), List.of(1L));
        final class Fingerprinted extends CountingFactory {
            final String fp;
            Fingerprinted(String fp) { this.fp = fp; }
            @Override public String fingerprint(BenchCell cell) { return fp; }
        }
        BenchmarkRunner.Options plain = new BenchmarkRunner.Options(dir, false, false, List.of());
        new BenchmarkRunner(new Fingerprinted("k15"), TASKS, plain).run(s);
        BenchCell alpha = new BenchCell("alpha", "harmonic", 1, Map.of("training.max_epochs", "3"));
        assertEquals("k15", Files.readString(alpha.dir(dir).resolve(CellStore.FINGERPRINT)).trim());

        Fingerprinted same = new Fingerprinted("k15");
        new BenchmarkRunner(same, TASKS, plain).run(s);
        assertEquals(0, same.calls.get(), "same fingerprint: reused");

        Fingerprinted changed = new Fingerprinted("k20");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new BenchmarkRunner(changed, TASKS, plain).run(s));
        assertTrue(e.getMessage().contains("harmonic") && e.getMessage().contains("--force")
                && e.getMessage().contains("k15") && e.getMessage().contains("k20"), e.getMessage());
        assertEquals(0, changed.calls.get());

        Fingerprinted forced = new Fingerprinted("k20");
        new BenchmarkRunner(forced, TASKS, new BenchmarkRunner.Options(dir, true, false, List.of())).run(s);
        assertEquals(2, forced.calls.get());
        assertEquals("k20", Files.readString(alpha.dir(dir).resolve(CellStore.FINGERPRINT)).trim());

        StandardPotentials std = new StandardPotentials("cpu");
        BenchCell small = new BenchCell("alpha", "schnet-small", 1, Map.of());
        assertEquals(io.moiety.model.ModelConfig.load("schnet-small").sha256(), std.fingerprint(small));
        assertNotEquals(std.fingerprint(small), std.fingerprint(new BenchCell("alpha", "schnet-small", 1,
                Map.of("training.max_epochs", "3"))));
        assertEquals("", std.fingerprint(new BenchCell("alpha", "element-reference", 1, Map.of())));
    }

    /**
     * A second bench process on the same run folder waits while another holds a cell's training
     * folder (the lock file beside it), instead of training into it, and runs once it is released.
     */
    @Test
    void waitsWhileAnotherProcessHoldsTheTrainingFolder(@TempDir Path dir) throws Exception {
        Suite s = suite(List.of("harmonic"), List.of(1L));
        CountingFactory f = new CountingFactory();
        BenchmarkRunner runner = new BenchmarkRunner(f, TASKS, new BenchmarkRunner.Options(dir, false, false, List.of()));
        BenchCell alpha = BenchmarkRunner.cells(s, List.of(), f).get(0);
        assertEquals("alpha/harmonic/seed-1", alpha.id());
        Path trainDir = runner.trainingDir(alpha, BenchmarkRunner.subsample(splitA, s.trainFramesPerMolecule()));
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                outcome.set(runner.run(s));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        try (FolderLock held = FolderLock.tryAcquire(trainDir)) {
            assertNotNull(held);
            assertNull(FolderLock.tryAcquire(trainDir), "a held lock is not handed out twice");
            other.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (other.isAlive() && other.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(other.isAlive(), "the runner must wait for the held training folder");
            assertEquals(Thread.State.TIMED_WAITING, other.getState(), "the runner polls the lock");
            assertEquals(0, f.calls.get(), "nothing may be trained while another process holds the folder");
        }
        other.join(60_000);
        assertFalse(other.isAlive());
        assertInstanceOf(List.class, outcome.get(), String.valueOf(outcome.get()));
        assertEquals(List.of("alpha/harmonic/seed-1", "beta/harmonic/seed-1"), f.seen);
        assertTrue(Files.exists(FolderLock.lockFile(trainDir)));
    }

    @Test
    void oneFailingCellDoesNotStopTheOthers(@TempDir Path dir) throws Exception {
        Suite s = suite(List.of("broken", "group-additivity", "harmonic"), List.of(7L));
        CountingFactory f = new CountingFactory();
        List<CellResult> results = new BenchmarkRunner(f, TASKS, new BenchmarkRunner.Options(dir, false, false, List.of())).run(s);
        assertEquals(6, results.size());
        assertEquals(2, results.stream().filter(r -> !r.ok()).count());
        assertTrue(results.stream().filter(r -> !r.ok()).allMatch(r -> r.error().contains("diverged")));
        assertTrue(Files.exists(new BenchCell("alpha", "broken", 7, Map.of("training.max_epochs", "3")).dir(dir).resolve("error.json")));
        CellResult ga = results.stream().filter(r -> r.cell().model().equals("group-additivity") && r.cell().task().equals("beta")).findFirst().orElseThrow();
        assertTrue(ga.ok());
        assertFalse(ga.predictsForces());
        // the failed cell is retried on the next run; the finished ones are not
        CountingFactory again = new CountingFactory();
        new BenchmarkRunner(again, TASKS, new BenchmarkRunner.Options(dir, false, false, List.of())).run(s);
        assertEquals(List.of("alpha/broken/seed-7", "beta/broken/seed-7"), again.seen);
    }

    @Test
    void tasksWithTheSameTrainingDataShareTheTrainingFolder(@TempDir Path dir) throws Exception {
        TaskSplit fission = new TaskSplit("fission", splitA.train(), splitA.validation(), splitA.idTest(), splitB.ood());
        TaskSource two = new TaskSource() {
            @Override public List<String> names() { return List.of("alpha", "fission", "beta"); }

            @Override public TaskSplit split(String task) {
                return switch (task) {
                    case "alpha" -> splitA;
                    case "fission" -> fission;
                    default -> splitB;
                };
            }
        };
        List<Path> dirs = new ArrayList<>();
        PotentialFactory f = (cell, split, workDir) -> {
            dirs.add(workDir);
            return new HarmonicBondPotential("harmonic", 15, -60);
        };
        Suite s = new Suite("t", "", "default", "", List.of("alpha", "fission", "beta"),
                List.of(new Suite.ModelEntry("harmonic", Map.of())), List.of(1L), Map.of(), 0, "test");
        new BenchmarkRunner(f, two, new BenchmarkRunner.Options(dir, false, false, List.of())).run(s);
        assertEquals(3, dirs.size());
        assertEquals(dirs.get(0), dirs.get(1), "alpha and fission train on the same frames");
        assertNotEquals(dirs.get(0), dirs.get(2));
        assertTrue(dirs.get(0).startsWith(dir.resolve("training").resolve("harmonic")));
    }

    /** A potential's reference energies reach result.json and the report; isolated atoms in the data give another training folder. */
    @Test
    void eachCellStatesItsReferenceEnergies(@TempDir Path dir) throws Exception {
        IsolatedAtoms e0 = new IsolatedAtoms(List.of(new IsolatedAtoms.Atom(1, 2, -10.7)), Map.of(), "synthetic.h5");
        TaskSplit gamma = new TaskSplit("gamma", splitA.train(), splitA.validation(), splitA.idTest(), splitA.ood(), e0);
        TaskSource source = new TaskSource() {
            @Override public List<String> names() { return List.of("alpha", "gamma"); }

            @Override public TaskSplit split(String task) { return task.equals("gamma") ? gamma : splitA; }
        };
        List<Path> dirs = new ArrayList<>();
        PotentialFactory f = (cell, split, workDir) -> {
            dirs.add(workDir);
            Potential h = new HarmonicBondPotential("harmonic", 15, -60);
            String refs = split.isolatedAtoms().isEmpty() ? "E0 (least-squares): H -1.0 eV" : "E0 (isolated atoms from synthetic.h5): H -10.7 eV";
            return new Potential() {
                @Override public String name() { return h.name(); }
                @Override public boolean predictsForces() { return true; }
                @Override public List<Prediction> predict(List<Frame> frames) { return h.predict(frames); }
                @Override public String referenceEnergies() { return refs; }
            };
        };
        Suite s = new Suite("t", "", "default", "", List.of("alpha", "gamma"),
                List.of(new Suite.ModelEntry("harmonic", Map.of())), List.of(1L), Map.of(), 0, "test");
        List<CellResult> results = new BenchmarkRunner(f, source, new BenchmarkRunner.Options(dir, false, false, List.of())).run(s);
        assertNotEquals(dirs.get(0), dirs.get(1), "same frames, but the isolated-atom energies can change the model");
        assertEquals("E0 (least-squares): H -1.0 eV", results.get(0).referenceEnergies());
        PotentialFactory never = (cell, split, workDir) -> {
            throw new AssertionError("finished cells are reused");
        };
        List<CellResult> reused = new BenchmarkRunner(never, source, new BenchmarkRunner.Options(dir, false, false, List.of())).run(s);
        assertEquals("E0 (isolated atoms from synthetic.h5): H -10.7 eV", reused.get(1).referenceEnergies(), "kept in result.json");
        BenchProvenance info = new BenchProvenance("t", "test", "moiety bench", "2026-01-01T00:00:00Z", 1, 2, BenchProvenance.versions(false),
                BenchProvenance.hardware(false), "synthetic.h5", "abc", s.seeds(), "cpu");
        new ReportWriter(dir, s, reused, info).write();
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("# Reference energies (E0)") && md.contains("| `gamma/harmonic/seed-1` | E0 (isolated atoms from synthetic.h5): H -10.7 eV |"),
                md);
    }

    @Test
    void unknownTaskFailsItsCellsWithTheValidNames(@TempDir Path dir) throws Exception {
        Suite s = new Suite("t", "", "default", "", List.of("gamma", "alpha"), List.of(new Suite.ModelEntry("element-reference", Map.of())),
                List.of(1L), Map.of(), 0, "test");
        List<CellResult> r = new BenchmarkRunner(new CountingFactory(), TASKS, new BenchmarkRunner.Options(dir, false, false, List.of())).run(s);
        assertFalse(r.get(0).ok());
        assertTrue(r.get(0).error().contains("available: alpha, beta"), r.get(0).error());
        assertTrue(r.get(1).ok());
    }

    @Test
    void reportFilesAreProduced(@TempDir Path dir) throws Exception {
        Suite s = suite(List.of("element-reference", "group-additivity", "harmonic", "broken"), List.of(1L, 2L));
        List<CellResult> results = new BenchmarkRunner(new CountingFactory(), TASKS,
                new BenchmarkRunner.Options(dir, false, false, List.of())).run(s);
        BenchProvenance info = new BenchProvenance("test", "test", "moiety bench --suite test", "2026-01-01T00:00:00Z", 1.5, 3,
                BenchProvenance.versions(false), BenchProvenance.hardware(false), "synthetic.h5", "abc123", s.seeds(), "cpu");
        Identifiability check = Identifiability.of("alpha",
                List.of(new TaskMolecule("ethanoic-acid", "CC(=O)O", Role.TRAIN), new TaskMolecule("propanoic-acid", "CCC(=O)O", Role.TRAIN)),
                List.of(new TaskMolecule("butanedioic-acid", "OC(=O)CCC(=O)O", Role.OOD)));
        ReportWriter w = new ReportWriter(dir, s, results, info, Map.of("alpha", check));
        Path html = w.write();
        assertTrue(Files.exists(html));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("0 of 1 OOD molecules have an energy determined") && md.contains("| `butanedioic-acid` | COOH ["),
                "identifiability section of task alpha");
        assertTrue(md.contains("Task `alpha`") && md.contains("Task `beta`"));
        assertTrue(md.contains(ReportWriter.ENERGY_ONLY));
        assertTrue(md.contains("`O(C,H)`"), "environment breakdown lists the hydroxyl oxygen");
        assertTrue(md.contains("Failed cells") && md.contains("diverged"));
        assertTrue(md.contains("abc123") && md.contains("cores"));
        assertTrue(md.contains("reused 3 of 16 cells") && md.contains("summed over all 16 cells"), "resume stated in the report");
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<img src=\"plots/bars-alpha-energy.png\""));
        for (String base : List.of("bars-alpha-energy", "bars-beta-forces", "parity-alpha-harmonic-forces", "parity-beta-group-additivity-energy")) {
            byte[] png = Files.readAllBytes(dir.resolve("plots").resolve(base + ".png"));
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
            assertTrue(png.length > 5000, base + ".png is " + png.length + " bytes");
            assertTrue(Files.readString(dir.resolve("plots").resolve(base + ".svg")).contains("<svg"), base + ".svg");
        }
        assertFalse(Files.exists(dir.resolve("plots").resolve("parity-alpha-element-reference-forces.png")),
                "no force parity plot for an energy-only model");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(16, json.get("cells").size());
        JsonNode row = json.get("summary").get(2);
        assertEquals("harmonic", row.get("model").asText());
        assertEquals(2, row.get("ood").get("force_mae").get("n").asInt());
        assertTrue(row.get("ood_over_id").get("force_mae").get("mean").asDouble() > 0);
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertTrue(csv.get(0).startsWith("task,model,seed,split,status"));
        // 12 ok cells × 2 splits + 4 failed + 6 rows × 4 stats × 3 (id, ood, ratio) + header
        assertEquals(1 + 24 + 4 + 3 * 4 * 6, csv.size());
        assertTrue(Files.readString(dir.resolve("environments.csv")).contains("\"C(C,H,H,O)\""));
        assertTrue(w.consoleTable().contains("FAILED alpha/broken/seed-1"));
        // the two seeds of the harmonic model (force constants 16 and 17) form a committee; the
        // deterministic baselines (identical members) do not
        assertTrue(md.contains("# Committee uncertainty") && md.contains("| alpha | harmonic | 2 |"), md);
        assertFalse(md.contains("| alpha | group-additivity | 2 |"), "identical members are not a committee");
        assertTrue(Files.readAllLines(dir.resolve("committee/alpha/harmonic/frames-ood.csv")).size() > 1);
        assertTrue(Files.size(dir.resolve("plots/committee-beta-harmonic-force.png")) > 5000);
    }
}
