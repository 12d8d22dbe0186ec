package io.moiety.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.moiety.data.Frame;
import io.moiety.eval.report.ReportWriter;
import io.moiety.metrics.Metric;
import io.moiety.model.Prediction;
import io.moiety.model.external.ExternalOptions;
import io.moiety.model.external.TorchScriptPotential;
import io.moiety.task.TaskSplit;
import io.moiety.train.Training;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite model with {@code overrides: {torchscript: FILE}} is a deployed potential: its cells
 * load the file instead of training (no suite training overrides reach them), predict what the
 * potential predicts, and the report marks them zero-shot with the reference-energy note.
 */
class ZeroShotCellTest {
    private static Path tinyMace() throws URISyntaxException {
        return Path.of(ZeroShotCellTest.class.getResource("/io/moiety/model/external/tiny_mace_compiled.model").toURI());
    }

    @Test
    void suiteModelWithATorchScriptFileRunsWithoutTraining(@TempDir Path dir) throws Exception {
        Path model = tinyMace();
        String yaml = "tasks: [alpha]\nseeds: [1]\noverrides: {training: {max_epochs: 3}}\nmodels:\n"
                + "  - element-reference\n  - {name: tiny-mace, overrides: {torchscript: " + model + ", convention: mace}}\n";
        Suite suite = SuiteLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml", "t");
        suite.check(List.of("alpha"), new StandardPotentials("cpu"));
        TaskSplit split = SyntheticChains.task("alpha", 4);
        TaskSource tasks = new TaskSource() {
            @Override public List<String> names() { return List.of("alpha"); }
            @Override public TaskSplit split(String task) { return split; }
        };
        List<BenchCell> cells = BenchmarkRunner.cells(suite, List.of(), new StandardPotentials("cpu"));
        BenchCell zero = cells.stream().filter(c -> c.model().equals("tiny-mace")).findFirst().orElseThrow();
        assertFalse(zero.overrides().containsKey("training.max_epochs"), "training overrides do not reach a zero-shot cell");

        List<CellResult> results = new BenchmarkRunner(new StandardPotentials("cpu"), tasks,
                new BenchmarkRunner.Options(dir, false, false, List.of())).run(suite);
        CellResult r = results.stream().filter(c -> c.cell().model().equals("tiny-mace")).findFirst().orElseThrow();
        assertTrue(r.ok(), r.error());
        assertTrue(r.predictsForces());

        // the cell's OOD energy MAE is the potential's own, frame by frame
        List<Frame> ood = Training.frames(split.ood());
        double mae = 0;
        try (TorchScriptPotential p = TorchScriptPotential.load("tiny-mace", model, ExternalOptions.defaults(), Device.cpu())) {
            List<Prediction> pred = p.predict(ood);
            for (int i = 0; i < ood.size(); i++) {
                mae += Math.abs(pred.get(i).energy() - ood.get(i).energy()) / ood.size();
            }
        }
        assertEquals(mae, r.metrics().get(Split.OOD).get(Metric.ENERGY_MAE), 1e-9 * Math.max(1, mae));

        BenchProvenance info = new BenchProvenance("t", "t.yaml", "moiety bench --suite t.yaml", "2026-01-01T00:00:00Z", 1.0, 0,
                BenchProvenance.versions(true), BenchProvenance.hardware(false), "synthetic", "abc", suite.seeds(), "cpu");
        new ReportWriter(dir, suite, results, info).write();
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("tiny-mace (zero-shot)"), "tables mark the model");
        assertTrue(md.contains("Reference energies: their energies are the totals the model returns"), md);

        assertEquals(new StandardPotentials("cpu").fingerprint(zero), new StandardPotentials("cpu").fingerprint(zero));
        assertFalse(new StandardPotentials("cpu").fingerprint(zero).isEmpty(), "a changed file is not reused silently");
    }

    @Test
    void badSettingsAreNamed() throws Exception {
        StandardPotentials potentials = new StandardPotentials("cpu");
        Map<String, String> typo = Map.of("torchscript", tinyMace().toString(), "cutof", "4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> potentials.check("m", typo));
        assertTrue(e.getMessage().contains("cutof") && e.getMessage().contains("valid: batch_size, convention, cutoff"),
                e.getMessage());
        Map<String, String> missing = Map.of("torchscript", "no/such.model");
        e = assertThrows(IllegalArgumentException.class, () -> potentials.check("m", missing));
        assertTrue(e.getMessage().contains("no/such.model") && e.getMessage().contains("does not exist"), e.getMessage());
    }
}
