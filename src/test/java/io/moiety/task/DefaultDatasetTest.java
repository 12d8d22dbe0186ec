package io.moiety.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.data.Dataset;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed default dataset serves every task at the default scale. */
class DefaultDatasetTest {
    @TempDir Path tmp;

    @Test
    void jarCopyIsUsedWhenThereIsNoCheckoutFile() throws Exception {
        Path jarRoot = tmp.resolve("jar");
        Path resource = jarRoot.resolve(DefaultDataset.RESOURCE);
        Files.createDirectories(resource.getParent());
        Files.copy(DefaultDataset.CHECKOUT_FILE, resource);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarRoot.toUri().toURL()}, null)) {
            Path found = DefaultDataset.locate(tmp.resolve("elsewhere/data/moiety-default.h5"), loader, tmp.resolve("cache"));
            assertTrue(found.startsWith(tmp.resolve("cache")), found.toString());
            assertArrayEquals(Files.readAllBytes(DefaultDataset.CHECKOUT_FILE), Files.readAllBytes(found));
            assertEquals(found, DefaultDataset.locate(tmp.resolve("nope.h5"), loader, tmp.resolve("cache")), "copied once");
        }
    }

    @Test
    void cacheFollowsXdgCacheHomeThenHomeThenTheJvmUserHome() {
        assertEquals(Path.of("/xdg/moiety"), DefaultDataset.userCache(Map.of("XDG_CACHE_HOME", "/xdg", "HOME", "/h"), "/jvm"));
        assertEquals(Path.of("/h/.cache/moiety"), DefaultDataset.userCache(Map.of("HOME", "/h", "XDG_CACHE_HOME", ""), "/jvm"));
        assertEquals(Path.of("/jvm/.cache/moiety"), DefaultDataset.userCache(Map.of(), "/jvm"));
    }

    @Test
    void neitherCheckoutFileNorJarResourceIsAClearError() throws Exception {
        Path missing = tmp.resolve("data/moiety-default.h5");
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            var e = assertThrows(IllegalStateException.class, () -> DefaultDataset.locate(missing, empty, tmp.resolve("cache")));
            assertEquals("default dataset not found: neither " + missing.toAbsolutePath() + " nor the jar resource /"
                    + DefaultDataset.RESOURCE + "; generate it with `moiety generate --all --out data/moiety-default.h5`"
                    + " (needs xtb and openbabel)", e.getMessage());
        }
    }

    @Test
    void committedFileOpensInH5lsAndH5dump() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v h5ls && command -v h5dump").start().waitFor() == 0,
                "needs hdf5-tools");
        String file = DefaultDataset.CHECKOUT_FILE.toString();
        Process ls = new ProcessBuilder("h5ls", "-r", file).redirectErrorStream(true).start();
        String listing = new String(ls.getInputStream().readAllBytes());
        assertEquals(0, ls.waitFor(), listing);
        assertTrue(listing.contains("/ethanol/positions") && listing.contains("/ethanol/forces"), listing);
        Process dump = new ProcessBuilder("h5dump", "-H", file).redirectErrorStream(true).start();
        String header = new String(dump.getInputStream().readAllBytes());
        assertEquals(0, dump.waitFor(), header);
        assertTrue(header.contains("ATTRIBUTE \"level_of_theory\"") && header.contains("DATASET \"energy\""), header.substring(0, 500));
    }

    @Test
    void everyTaskSplitsOnTheCommittedDefaultData() throws Exception {
        Path file = DefaultDataset.locate();
        assertEquals(DefaultDataset.CHECKOUT_FILE, file);
        assertTrue(Files.size(file) < 10_000_000, "default data under 10 MB");
        try (Dataset data = DatasetFiles.open(file)) {
            for (Task task : TaskLoader.fromDirectory(Path.of("tasks")).loadAll()) {
                TaskSplit split = TaskSplitter.split(task, data);
                assertEquals(task.molecules(Role.TRAIN).size(), split.train().size(), task.name());
                assertEquals(task.molecules(Role.OOD).size(), split.ood().size(), task.name());
                for (MoleculeRecord m : split.train()) {
                    assertTrue(m.frames().size() >= 36, m.id() + " has " + m.frames().size() + " frames");
                    assertEquals("GFN2-xTB", m.levelOfTheory());
                }
                for (MoleculeRecord m : split.validation()) {
                    assertTrue(m.frames().size() >= 2, m.id());
                }
                for (MoleculeRecord m : split.idTest()) {
                    assertTrue(m.frames().size() >= 10, m.id());
                }
                for (MoleculeRecord m : split.ood()) {
                    assertTrue(m.frames().size() >= 36, m.id() + " has " + m.frames().size() + " frames");
                    // forces are conservative-looking: they sum to ~0 for an isolated molecule
                    double[] f = m.frames().get(0).forces();
                    double sx = 0;
                    for (int i = 0; i < f.length; i += 3) {
                        sx += f[i];
                    }
                    assertEquals(0.0, sx, 1e-3, m.id());
                }
            }
        }
    }
}
