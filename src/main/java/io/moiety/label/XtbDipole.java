package io.moiety.label;

import io.moiety.chem.Structure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The GFN2-xTB molecular dipole moment (Debye) through the {@code xtb} program: at a given
 * geometry (single point) or at the geometry xtb optimises. Each call runs in its own
 * temporary directory below {@code scratch} with one OpenMP thread and a wall-clock timeout,
 * and fails with a {@link ToolFailure} naming the reason.
 */
public final class XtbDipole extends ScratchProgram {
    public XtbDipole(Path executable, Path scratch, Duration timeout) {
        super(executable, scratch, timeout);
    }

    /** xtb found on PATH (or {@code MOIETY_XTB}); throws naming the Debian package when missing. */
    public static XtbDipole locate(Path scratch, Duration timeout) {
        return new XtbDipole(ExternalTool.XTB.locate(), scratch, timeout);
    }

    /** An optimised geometry (Å) and its dipole moment (Debye). */
    public record Optimised(Structure structure, double dipoleDebye) {}

    /** Dipole moment (Debye) at the geometry of {@code s}. */
    public double singlePoint(Structure s) throws IOException, InterruptedException {
        try (ToolRun run = newRun("dip-")) {
            run.write("frame.xyz", XyzText.write(s, "moiety dipole"));
            exec(run, command("frame.xyz", s, false), "xtb single point");
            return parseDipole(run.stdout(), "xtb single point");
        }
    }

    /** Optimises {@code s} (xtb default convergence) and returns the geometry with its dipole (Debye). */
    public Optimised optimised(Structure s) throws IOException, InterruptedException {
        try (ToolRun run = newRun("dipopt-")) {
            run.write("start.xyz", XyzText.write(s, "moiety dipole optimisation"));
            exec(run, command("start.xyz", s, true), "xtb --opt");
            String out = run.stdout();
            if (out.contains("FAILED TO CONVERGE")) {
                throw new ToolFailure("xtb --opt: geometry optimisation failed to converge");
            }
            String xyz = run.read("xtbopt.xyz");
            if (xyz.isBlank()) {
                throw new ToolFailure("xtb --opt wrote no xtbopt.xyz: " + run.errorSummary());
            }
            Structure opt = XyzText.read(xyz, "xtbopt.xyz", s.charge(), s.multiplicity()).get(0).structure();
            return new Optimised(opt, parseDipole(out, "xtb --opt"));
        }
    }

    private List<String> command(String input, Structure s, boolean optimise) {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), input, "--gfn", "2", "--norestart",
                "--chrg", Integer.toString(s.charge()), "--uhf", Integer.toString(s.multiplicity() - 1)));
        if (optimise) {
            cmd.add("--opt");
        }
        return cmd;
    }

    private void exec(ToolRun run, List<String> command, String step) throws IOException, InterruptedException {
        int rc = run.exec(command, timeout);
        if (rc != 0) {
            throw new ToolFailure(step + " exited with code " + rc + ": " + run.errorSummary());
        }
    }

    /**
     * The total dipole (Debye) of the last {@code molecular dipole:} block of xtb's standard
     * output: the fourth number of its {@code full:} line.
     */
    static double parseDipole(String stdout, String step) {
        int block = stdout.lastIndexOf("molecular dipole:");
        if (block < 0) {
            throw new ToolFailure(step + ": no 'molecular dipole:' block in the output");
        }
        String[] lines = stdout.substring(block).split("\n", 6);
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("full:")) {
                String[] f = l.substring("full:".length()).strip().split("\\s+");
                if (f.length < 4) {
                    break;
                }
                try {
                    return Double.parseDouble(f[3]);
                } catch (NumberFormatException e) {
                    throw new ToolFailure(step + ": unreadable dipole '" + f[3] + "'");
                }
            }
        }
        throw new ToolFailure(step + ": the 'molecular dipole:' block has no 'full:' line with a total");
    }
}
