package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MainTest {


    @Test
    void helpListsEveryWorkingCommand() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.code());
        for (String c : new String[] {"inspect", "convert", "tasks", "generate", "train", "predict", "bench"}) {
            assertTrue(r.out().contains("  " + c), "--help should list " + c + ":\n" + r.out());
        }
    }

    @Test
    void badOptionValueIsOneErrorLinePlusAPointerToHelpNotTheWholeUsage() {
        CliRun r = CliRun.of("inspect", "--format", "foo", "x.xyz");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("--format"), r.err());
        assertTrue(r.err().contains("Run 'moiety inspect --help'"), r.err());
        assertFalse(r.err().contains("Usage:"), "no full usage dump:\n" + r.err());
    }

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        CliRun r = CliRun.of("inspekt");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("inspect"), r.err());
    }

    @Test
    void networkCommandsTakeAThreadCountAndRejectZero() {
        assertTrue(CliRun.of("train", "--help").out().contains("--threads"));
        assertTrue(CliRun.of("predict", "--help").out().contains("--threads"));
        assertTrue(CliRun.of("bench", "--help").out().contains("--threads"));
        CliRun r = CliRun.of("train", "--threads", "0", "--model", "schnet-small", "--train", "x.xyz");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--threads must be ≥ 1, got 0"), r.err());
    }
}
