package io.moiety.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.chem.SmilesGraph;
import io.moiety.chem.Structure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeded Open Babel embedding (frozen clock via faketime): same seed → identical coordinates
 * in fresh directories, other seed → another conformer, and a clear unseeded fallback.
 */
class OpenBabelSeedTest {
    /** Decanedioic acid: flexible, so an unseeded --gen3d gives another structure almost every call. */
    private static final SmilesGraph DECANEDIOIC = SmilesGraph.parse("OC(=O)CCCCCCCCC(=O)O");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    private static void assumeTools() {
        assumeTrue(ExternalTool.OBABEL.available(), "obabel is needed (CI installs openbabel)");
        assumeTrue(FaketimeLibrary.find(System.getenv()).isPresent(), "libfaketime is needed (CI installs the Debian package faketime)");
    }

    private Structure embed(String scratch, long seed) throws Exception {
        OpenBabel ob = OpenBabel.locate(tmp.resolve(scratch), TIMEOUT);
        assertTrue(ob.seeded());
        return ob.embed(DECANEDIOIC, seed);
    }

    @Test
    void sameSeedGivesIdenticalCoordinatesInFreshDirectories() throws Exception {
        assumeTools();
        Structure a = embed("a", 1);
        Structure b = embed("b", 1);
        assertArrayEquals(a.atomicNumbers(), b.atomicNumbers());
        assertArrayEquals(a.positions(), b.positions(), 0.0);
    }

    @Test
    void otherSeedsGiveOtherConformersReproducibly() throws Exception {
        assumeTools();
        Structure one = embed("s1", 1);
        Structure two = embed("s2", 2);
        Structure twoAgain = embed("s2again", 2);
        assertArrayEquals(one.atomicNumbers(), two.atomicNumbers());
        assertFalse(Arrays.equals(one.positions(), two.positions()), "seeds 1 and 2 gave the same conformer");
        assertArrayEquals(two.positions(), twoAgain.positions(), 0.0);
    }

    @Test
    void frozenClockUsesTheMicrosecondsOpenBabelSeedsFrom() {
        assertEquals("2000-01-01 00:00:00.0000025", OpenBabel.frozenClock(1));
        assertEquals("2000-01-01 00:00:00.0000035", OpenBabel.frozenClock(2));
        // seeds agree modulo the usable range (srand(0) = srand(1) in glibc, tv_usec % 70092 in Open Babel)
        assertEquals(OpenBabel.frozenClock(5), OpenBabel.frozenClock(5 + OpenBabel.SEED_PERIOD));
        assertEquals("2000-01-01 00:00:00.0700915", OpenBabel.frozenClock(-1));

        Path lib = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
        OpenBabel seeded = new OpenBabel(Path.of("/usr/bin/obabel"), lib, tmp, TIMEOUT);
        Map<String, String> env = new HashMap<>(Map.of("LD_PRELOAD", "/other.so", "FAKETIME_START_AFTER_SECONDS", "5", "PATH", "/usr/bin"));
        seeded.applyClock(env, 7);
        assertEquals(Map.of("LD_PRELOAD", lib + ":/other.so", "FAKETIME", "2000-01-01 00:00:00.0000085",
                "FAKETIME_NO_CACHE", "1", "PATH", "/usr/bin"), env);
        OpenBabel unseeded = new OpenBabel(Path.of("/usr/bin/obabel"), null, tmp, TIMEOUT);
        Map<String, String> untouched = new HashMap<>(Map.of("PATH", "/usr/bin"));
        unseeded.applyClock(untouched, 7);
        assertEquals(Map.of("PATH", "/usr/bin"), untouched);
        assertEquals(List.of("/usr/bin/obabel", "-:" + DECANEDIOIC.input().strip(), "-h", "--gen3d", "-oxyz", "-O", "embedded.xyz"),
                unseeded.command(DECANEDIOIC));
    }

    @Test
    void missingFaketimeWarnsOnceAndMarksTheEmbeddingUnseeded() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MOIETY_FAKETIME", tmp.resolve("no-such-faketime").toString());
        Optional<String> warning = FaketimeLibrary.missingWarning(env);
        assertTrue(warning.isPresent());
        assertTrue(warning.get().contains("NOT seeded") && warning.get().contains("apt-get install faketime")
                && warning.get().contains("not reproducible") && warning.get().contains("MOIETY_FAKETIME"), warning.get());

        MdSettings md = new MdSettings("gfn2", 300, 0.5, 10, 5, 4, 1, 0, 2);
        MoleculeJob job = new MoleculeJob("decanedioic", DECANEDIOIC, true);
        LabelPipeline unseeded = new LabelPipeline(new PipelineOptions(tmp.resolve("w"), md, md, 1, 1, TIMEOUT, false, null), env);
        assertFalse(unseeded.embeddingSeeded());
        assertEquals(warning, unseeded.unseededWarning());
        assertTrue(unseeded.embeddingDescription().contains("NOT seeded"), unseeded.embeddingDescription());

        // work-directory keys: an unseeded embedding and another seed never reuse a cached embedded.xyz
        Map<String, String> withFaketime = new HashMap<>(System.getenv());
        withFaketime.put("MOIETY_FAKETIME", java.nio.file.Files.writeString(tmp.resolve("libfaketime.so.1"), "").toString());
        LabelPipeline seeded1 = new LabelPipeline(new PipelineOptions(tmp.resolve("w"), md, md, 1, 1, TIMEOUT, false, null), withFaketime);
        LabelPipeline seeded2 = new LabelPipeline(new PipelineOptions(tmp.resolve("w"), md, md, 2, 1, TIMEOUT, false, null), withFaketime);
        assertTrue(seeded1.embeddingSeeded());
        assertTrue(seeded1.embeddingDescription().contains("2000-01-01 00:00:00.0000025"), seeded1.embeddingDescription());
        Path d1 = seeded1.store().molecule(job);
        assertNotEquals(d1, seeded2.store().molecule(job));
        assertNotEquals(d1, unseeded.store().molecule(job));
        assertEquals(d1, new LabelPipeline(new PipelineOptions(tmp.resolve("w"), md, md, 1, 1, TIMEOUT, false, null), withFaketime)
                .store().molecule(job), "same seed, same key: resumable");

        assumeTrue(ExternalTool.OBABEL.available(), "obabel is needed for the unseeded embedding itself");
        OpenBabel ob = OpenBabel.locate(env, tmp.resolve("scratch"), TIMEOUT);
        assertFalse(ob.seeded());
        assertEquals(DECANEDIOIC.formula(), ob.embed(DECANEDIOIC, 1).formula());
    }

    @Test
    void theJvmTimeoutStopsObabelUnderTheFrozenClock() throws Exception {
        assumeTools();
        OpenBabel ob = new OpenBabel(ExternalTool.OBABEL.locate(), FaketimeLibrary.locate(System.getenv()), tmp.resolve("t"), Duration.ofMillis(1));
        ToolFailure f = assertThrows(ToolFailure.class, () -> ob.embed(DECANEDIOIC, 1));
        assertTrue(f.getMessage().startsWith("timeout after"), f.getMessage());
        boolean left = true;
        for (int i = 0; i < 50 && left; i++) {
            left = ProcessHandle.current().descendants()
                    .anyMatch(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("obabel")).orElse(false));
            if (left) {
                Thread.sleep(100);
            }
        }
        assertFalse(left, "obabel still running after the timeout");
    }
}
