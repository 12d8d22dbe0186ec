package io.moiety.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteLoaderTest {
    private static final StandardPotentials STD = new StandardPotentials("cpu");

    private static Suite parse(String yaml) throws Exception {
        return SuiteLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", "t");
    }

    @Test
    void committedSuitesParseAndNameRealModels() throws Exception {
        for (String name : List.of("quick", "medium", "paper")) {
            Suite s = SuiteLoader.load("benchmarks/" + name + ".yaml");
            assertEquals(name, s.name());
            assertTrue(s.models().stream().anyMatch(m -> m.name().equals("group-additivity")));
            assertTrue(s.tasks().containsAll(List.of("chain-extension", "fusion", "duplication", "combination")));
        }
        Suite quick = SuiteLoader.load("quick");
        assertEquals("default", quick.data());
        assertTrue(quick.overrides().containsKey("training.max_epochs"));
        assertTrue(SuiteLoader.available().containsAll(List.of("quick", "medium", "paper")));
    }

    @Test
    void overridesAreFlattenedAndMerged() throws Exception {
        Suite s = parse("""
                tasks: [a]
                seeds: [3, 4]
                overrides: {training: {max_epochs: 5, lr: 0.001}, features: 32}
                models:
                  - element-reference
                  - {name: schnet-small, overrides: {training: {max_epochs: 9}}}
                  - {name: painn-small, tasks: [b]}
                tasks: [a, b]
                """.replace("tasks: [a]\n", ""));
        assertEquals(Map.of("training.max_epochs", "5", "training.lr", "0.001", "features", "32"), s.overrides());
        assertEquals(List.of("training.max_epochs", "training.lr", "features"), List.copyOf(s.overrides().keySet()),
                "in the file's order, so that reports and checkpoints read the same on every run");
        List<BenchCell> cells = BenchmarkRunner.cells(s, List.of("a/*"), STD);
        assertEquals(4, cells.size(), "painn-small runs on task b only");
        assertEquals(2, BenchmarkRunner.cells(s, List.of("*/painn-small"), STD).size());
        assertEquals(Map.of(), cells.get(0).overrides(), "baselines take no training overrides");
        assertEquals("9", cells.get(2).overrides().get("training.max_epochs"));
        assertEquals("32", cells.get(2).overrides().get("features"));
        assertEquals(List.of("a/schnet-small/seed-3", "a/schnet-small/seed-4", "b/schnet-small/seed-3", "b/schnet-small/seed-4"),
                BenchmarkRunner.cells(s, List.of("*/schnet*"), STD).stream().map(BenchCell::id).toList());
        assertTrue(BenchmarkRunner.cells(s, List.of("c/*"), STD).isEmpty());
    }

    @Test
    void aModelMayRunWithItsOwnSeeds() throws Exception {
        Suite s = parse("tasks: [a, b]\nseeds: [1, 2, 3, 4]\nmodels:\n  - schnet-small\n"
                + "  - {name: painn-small, seeds: [1], tasks: [b]}\n");
        List<BenchCell> cells = BenchmarkRunner.cells(s, List.of(), STD);
        assertEquals(4, cells.stream().filter(c -> c.model().equals("schnet-small") && c.task().equals("a")).count());
        assertEquals(List.of("b/painn-small/seed-1"), cells.stream().filter(c -> c.model().equals("painn-small"))
                .map(BenchCell::id).toList());
        var bad = assertThrows(IllegalArgumentException.class,
                () -> parse("tasks: [a]\nseeds: [1]\nmodels:\n  - {name: x, seeds: [one]}\n"));
        assertTrue(bad.getMessage().contains("models.x") && bad.getMessage().contains("'one'"), bad.getMessage());
        Suite committed = SuiteLoader.load("benchmarks/compositional-delta-committee.yaml");
        committed.check(List.of("fusion", "duplication"), STD);
        assertEquals(List.of(1L), committed.models().get(3).seedsOr(committed.seeds()));
    }

    @Test
    void trainingFramesAreSubsampledEvenlyButTestFramesNot() throws Exception {
        Suite s = parse("tasks: [a]\nseeds: [1]\nmodels: [x]\ntrain_frames_per_molecule: 4\n");
        assertEquals(4, s.trainFramesPerMolecule());
        var split = SyntheticChains.task("a", 10);
        var sub = BenchmarkRunner.subsample(split, 4);
        assertEquals(4, sub.train().get(0).frames().size());
        assertSame(split.train().get(0).frames().get(5), sub.train().get(0).frames().get(2));
        assertEquals(split.idTest(), sub.idTest());
        assertEquals(split.ood(), sub.ood());
        assertSame(split, BenchmarkRunner.subsample(split, 0));
    }

    @Test
    void badInputIsNamed() throws Exception {
        var unknownSuite = assertThrows(IllegalArgumentException.class, () -> SuiteLoader.load("nonesuch"));
        assertTrue(unknownSuite.getMessage().contains("quick") && unknownSuite.getMessage().contains("paper"), unknownSuite.getMessage());
        var unknownKey = assertThrows(IllegalArgumentException.class, () -> parse("tasks: [a]\nseeds: [1]\nmodels: [x]\nepochs: 3\n"));
        assertTrue(unknownKey.getMessage().contains("test.yaml") && unknownKey.getMessage().contains("epochs"));
        var noSeeds = assertThrows(IllegalArgumentException.class, () -> parse("tasks: [a]\nmodels: [x]\n"));
        assertTrue(noSeeds.getMessage().contains("seeds"));
        Suite typo = parse("tasks: [a]\nseeds: [1]\nmodels: [element-reference, schnet-small]\n"
                + "overrides: {feature: 128}\n");
        var typoKey = assertThrows(IllegalArgumentException.class, () -> typo.check(List.of("a"), STD));
        assertTrue(typoKey.getMessage().contains("test.yaml") && typoKey.getMessage().contains("[feature]")
                && typoKey.getMessage().contains("features"), typoKey.getMessage());
        Suite trainingTypo = parse("tasks: [a]\nseeds: [1]\nmodels: [schnet-small]\noverrides: {training: {max_epoch: 3}}\n");
        var trainingKey = assertThrows(IllegalArgumentException.class, () -> trainingTypo.check(List.of("a"), STD));
        assertTrue(trainingKey.getMessage().contains("max_epoch") && trainingKey.getMessage().contains("max_epochs"),
                trainingKey.getMessage());
        var unknownTask = assertThrows(IllegalArgumentException.class, () -> typo.check(List.of("b"), STD));
        assertTrue(unknownTask.getMessage().contains("'a'") && unknownTask.getMessage().contains("b"));
        parse("tasks: [a]\nseeds: [1]\nmodels: [element-reference, schnet-small]\noverrides: {features: 16}\n")
                .check(List.of("a"), STD);
        var unknownModel = assertThrows(IllegalArgumentException.class, () -> StandardPotentials.check("schnet-huge"));
        assertTrue(unknownModel.getMessage().contains("group-additivity") && unknownModel.getMessage().contains("schnet-small"),
                unknownModel.getMessage());
        var missingData = assertThrows(IllegalArgumentException.class,
                () -> DataLocator.resolve("data/nope.h5", "moiety generate --all --scale paper --out data/nope.h5"));
        assertTrue(missingData.getMessage().contains("moiety generate --all --scale paper --out data/nope.h5"));
        assertTrue(new BenchCell("fusion", "painn-small", 1, Map.of()).matches("fusion"));
        assertEquals(Path.of("r/cells/fusion/painn-small/seed-1"), new BenchCell("fusion", "painn-small", 1, Map.of()).dir(Path.of("r")));
    }
}
