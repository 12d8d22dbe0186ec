package io.moiety.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.descriptors.DescriptorTable;
import io.moiety.descriptors.XtbDescriptorSource;
import io.moiety.label.ExternalTool;
import io.moiety.label.LocalEngine;
import io.moiety.label.OpenBabel;
import io.moiety.label.WorkEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QMex descriptors of two molecules through Spark in local mode, with the real xtb and obabel,
 * against the local engine in another work directory; then a rerun that reads everything back.
 */
class SparkDescriptorsTest {
    private static final List<String> SMILES = List.of("CO", "CC(=O)O");

    private static XtbDescriptorSource source(Path work, WorkEngine engine) {
        return new XtbDescriptorSource(null, work, Duration.ofSeconds(300), engine, (row, failed, reused) -> { }, true);
    }

    @Test
    void twoMoleculesThroughSparkEqualTheLocalEngineAndResume(@TempDir Path tmp) throws Exception {
        assumeTrue(ExternalTool.XTB.available() && ExternalTool.OBABEL.available(), "xtb and obabel are needed (CI installs them)");
        assumeTrue(OpenBabel.locate(tmp, Duration.ofSeconds(60)).seeded(),
                "faketime is needed to seed the Open Babel embedding (CI installs it)");
        DescriptorTable local = source(tmp.resolve("local"), new LocalEngine(2)).descriptors(SMILES);
        assertEquals(0, local.failed(), local.failures().toString());

        XtbDescriptorSource spark = source(tmp.resolve("spark"), new SparkEngine(LocalSpark.context(), 2));
        DescriptorTable got = spark.descriptors(SMILES);
        assertEquals(0, spark.reused());
        assertEquals(local.failures(), got.failures());
        for (int r = 0; r < SMILES.size(); r++) {
            assertArrayEquals(local.values()[r], got.values()[r], 0.0, "row " + r + " (" + SMILES.get(r) + ")");
        }

        XtbDescriptorSource again = source(tmp.resolve("spark"), new SparkEngine(LocalSpark.context(), 2));
        DescriptorTable reread = again.descriptors(SMILES);
        assertEquals(SMILES.size(), again.reused(), "a rerun computes nothing");
        for (int r = 0; r < SMILES.size(); r++) {
            assertArrayEquals(got.values()[r], reread.values()[r], 0.0);
        }
    }
}
