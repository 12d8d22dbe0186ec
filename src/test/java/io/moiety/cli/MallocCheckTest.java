package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the allocator warning is given, and for which commands. */
class MallocCheckTest {

    @Test
    void linuxWithGlibcDefaultsIsWarnedWithTheSettingsToExport() {
        Optional<String> w = MallocCheck.warning("Linux", Map.of("PATH", "/usr/bin"));
        assertTrue(w.isPresent());
        assertTrue(w.get().contains("export GLIBC_TUNABLES=" + MallocCheck.TUNABLES), w.get());
        assertTrue(w.get().contains("MOIETY_MALLOC_CHECK=off"), w.get());
    }

    @Test
    void theDocumentedTunablesOrTcmallocOrAnotherSystemOrTheSwitchSilenceIt() {
        assertEquals(Optional.empty(), MallocCheck.warning("Linux", Map.of("GLIBC_TUNABLES", MallocCheck.TUNABLES)));
        assertEquals(Optional.empty(), MallocCheck.warning("Linux",
                Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1:glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=3")));
        assertEquals(Optional.empty(), MallocCheck.warning("Linux",
                Map.of("LD_PRELOAD", "/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4")));
        assertEquals(Optional.empty(), MallocCheck.warning("Mac OS X", Map.of()));
        assertEquals(Optional.empty(), MallocCheck.warning("Windows 11", Map.of()));
        assertEquals(Optional.empty(), MallocCheck.warning("Linux", Map.of("MOIETY_MALLOC_CHECK", "off")));
    }

    @Test
    void partialTunablesAndOtherAllocatorsStillWarn() {
        // trim_threshold without mmap_threshold freezes the mmap threshold at 128 KiB: worse than the defaults
        assertTrue(MallocCheck.warning("Linux", Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=4294967296")).isPresent());
        // jemalloc with its default decay returned memory as often as glibc here
        assertTrue(MallocCheck.warning("Linux", Map.of("LD_PRELOAD", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2")).isPresent());
    }

    @Test
    void onlyCommandsThatRunNetworksOnTheCpuAreChecked() {
        assertTrue(MallocCheck.appliesTo(Main.commandLine().parseArgs("train", "--model", "schnet-small", "--train", "x.xyz")));
        assertTrue(MallocCheck.appliesTo(Main.commandLine().parseArgs("bench", "--suite", "quick", "--device", "cpu")));
        assertTrue(MallocCheck.appliesTo(Main.commandLine().parseArgs("predict", "--run", "r", "--data", "d.xyz", "--out", "o.xyz")));
        assertFalse(MallocCheck.appliesTo(Main.commandLine().parseArgs("bench", "--suite", "quick", "--device", "gpu")));
        assertFalse(MallocCheck.appliesTo(Main.commandLine().parseArgs("inspect", "x.xyz")));
        assertFalse(MallocCheck.appliesTo(Main.commandLine().parseArgs("tasks", "--help")));
    }
}
