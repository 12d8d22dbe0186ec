package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.chem.Structure;
import io.moiety.label.ExternalTool;
import io.moiety.label.ToolFailure;
import io.moiety.label.XtbDipole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dipole store resumes: finished molecules are read back, never recomputed; failures are recorded. */
class XtbDipoleStoreTest {
    @TempDir
    Path dir;

    @Test
    void secondRunReadsStoredResultsWithoutXtb() throws Exception {
        assumeTrue(ExternalTool.XTB.available(), "xtb not installed");
        Structure water = Structure.molecule(new int[] {8, 1, 1},
                new double[] {0, 0, 0.1173, 0, 0.7572, -0.4692, 0, -0.7572, -0.4692});
        XtbDipoleStore store = new XtbDipoleStore(dir, XtbDipoleStore.Kind.SP);
        List<XtbDipoleStore.Job> jobs = List.of(XtbDipoleStore.Job.of("water", water), new XtbDipoleStore.Job("bad", () -> {
            throw new ToolFailure("obabel --gen3d failed (exit 1)");
        }));
        List<XtbDipoleStore.Result> first = store.run(jobs, XtbDipole.locate(store.scratch(), Duration.ofSeconds(60)), 1, r -> { });
        assertTrue(first.get(0).ok());
        assertFalse(first.get(1).ok());
        assertEquals("obabel --gen3d failed (exit 1)", first.get(1).failure());
        assertTrue(Files.exists(dir.resolve("sp/water.dipole")));
        XtbDipole missing = new XtbDipole(Path.of("/nonexistent/xtb"), store.scratch(), Duration.ofSeconds(5));
        List<XtbDipoleStore.Result> second = store.run(jobs, missing, 2, r -> { });
        assertEquals(first, second, "read back, not recomputed (xtb here does not exist)");
    }
}
