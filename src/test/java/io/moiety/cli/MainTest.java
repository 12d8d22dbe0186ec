package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryWorkingCommand() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String c : new String[] {"inspect", "convert", "tasks", "generate", "train", "predict", "bench"}) {
            assertTrue(r.out().contains("  " + c), "--help should list " + c + ":\n" + r.out());
        }
    }

    @Test
    void badOptionValueIsOneErrorLinePlusAPointerToHelpNotTheWholeUsage() {
        Run r = run("inspect", "--format", "foo", "x.xyz");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("--format"), r.err());
        assertTrue(r.err().contains("Run 'moiety inspect --help'"), r.err());
        assertFalse(r.err().contains("Usage:"), "no full usage dump:\n" + r.err());
    }

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        Run r = run("inspekt");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("inspect"), r.err());
    }

    @Test
    void networkCommandsTakeAThreadCountAndRejectZero() {
        assertTrue(run("train", "--help").out().contains("--threads"));
        assertTrue(run("predict", "--help").out().contains("--threads"));
        assertTrue(run("bench", "--help").out().contains("--threads"));
        Run r = run("train", "--threads", "0", "--model", "schnet-small", "--train", "x.xyz");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--threads must be ≥ 1, got 0"), r.err());
    }
}
