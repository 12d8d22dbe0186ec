package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.task.Identifiability;
import io.moiety.task.Role;
import io.moiety.task.Task;
import io.moiety.task.TaskLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TasksCommandTest {
    @TempDir
    Path tmp;

    @Test
    void checkSaysWhyTheDiacidsAreNotDetermined() {
        CliRun r = CliRun.of("tasks", "duplication", "--check");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("duplication: 0 of 9 OOD molecules determined"), r.out());
        assertTrue(r.out().contains("their energies are only known as a sum; here 2 COOH, 0 CH3"), r.out());
    }

    @Test
    void hintsWriteVariantsThatDetermineEveryDiacid() throws IOException {
        Path tasks = Files.createDirectories(tmp.resolve("tasks"));
        Files.copy(Path.of("tasks", "duplication.yaml"), tasks.resolve("duplication.yaml"));
        CliRun r = CliRun.of("tasks", "duplication", "--hints", "--write-variants", "--random-draws", "50", "--tasks-dir", tasks.toString(),
                "--library", Path.of("tasks", "libraries", "straight-chains.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("without hints: 0 of 9 OOD determined, 1 undetermined direction(s)"), r.out());
        assertTrue(r.out().contains("-> 9 of 9 OOD determined"), r.out());
        TaskLoader loader = TaskLoader.fromDirectory(tasks);
        Task min = loader.load("minhints-duplication");
        assertEquals(10, min.molecules(Role.TRAIN).size());
        assertEquals(9, Identifiability.of(min).determined());
        assertEquals(10, loader.load("randhints-duplication").molecules(Role.TRAIN).size());
        TaskLoader.checkConsistent(loader.loadAll());
    }

    @Test
    void checkWithoutATaskAndWriteWithoutHintsAreUsageErrors() {
        CliRun r = CliRun.of("tasks", "--check");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("need task names"), r.err());
        assertEquals(2, CliRun.of("tasks", "duplication", "--write-variants").code());
    }
}
