package io.moiety.label;

import io.moiety.chem.Structure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * GFN2-xTB through the {@code xtb} program: geometry optimisation, NVT molecular dynamics and
 * single points with gradient. Every call runs in its own temporary directory below
 * {@code scratch} with {@code --norestart} and one OpenMP thread, and fails with a
 * {@link ToolFailure} naming the reason (non-zero exit, missing output, timeout).
 */
public final class Xtb extends ScratchProgram {
    /** Reference method written to datasets as {@code level_of_theory}. */
    public static final String LEVEL_OF_THEORY = "GFN2-xTB";

    public Xtb(Path executable, Path scratch, Duration timeout) {
        super(executable, scratch, timeout);
    }

    /** xtb found on PATH (or {@code MOIETY_XTB}); throws naming the Debian package when missing. */
    public static Xtb locate(Path scratch, Duration timeout) {
        return new Xtb(ExternalTool.XTB.locate(), scratch, timeout);
    }

    private List<String> base(String input, Structure s) {
        return base(input, s, List.of("--gfn", "2"));
    }

    private List<String> base(String input, Structure s, List<String> method) {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), input));
        cmd.addAll(method);
        cmd.addAll(List.of("--norestart", "--chrg", Integer.toString(s.charge()), "--uhf", Integer.toString(s.multiplicity() - 1)));
        return cmd;
    }

    /** Single point with gradient: energy (eV) and forces (eV/Å). */
    public XtbLabel singlePoint(Structure s) throws IOException, InterruptedException {
        try (ToolRun run = newRun("sp-")) {
            run.write("frame.xyz", XyzText.write(s, "moiety single point"));
            List<String> cmd = base("frame.xyz", s);
            cmd.add("--grad");
            exec(run, cmd, timeout, "xtb single point");
            String grad = output(run, "gradient", "xtb single point", "gradient file");
            return XtbLabel.parseGradientFile(grad, s.size(), "xtb gradient");
        }
    }

    /** The {@code xtb version …} line of {@code xtb --version}, e.g. {@code xtb version 6.5.1 (…) compiled by …}. */
    public String version() throws IOException, InterruptedException {
        try (ToolRun run = newRun("version-")) {
            run.exec(List.of(executable.toString(), "--version"), timeout);
            for (String line : (run.stdout() + "\n" + run.stderr()).split("\n")) {
                if (line.contains("xtb version")) {
                    return line.strip().replaceAll("^\\*\\s*", "");
                }
            }
            throw new ToolFailure("xtb --version printed no 'xtb version' line: " + run.errorSummary());
        }
    }

    /** Geometry optimisation (xtb default convergence); returns the optimised structure. */
    public Structure optimize(Structure s) throws IOException, InterruptedException {
        try (ToolRun run = newRun("opt-")) {
            run.write("start.xyz", XyzText.write(s, "moiety optimisation start"));
            List<String> cmd = base("start.xyz", s);
            cmd.add("--opt");
            exec(run, cmd, timeout, "xtb --opt");
            if (run.stdout().contains("FAILED TO CONVERGE")) {
                throw new ToolFailure("xtb --opt: geometry optimisation failed to converge");
            }
            String opt = output(run, "xtbopt.xyz", "xtb --opt", "xtbopt.xyz");
            return XyzText.read(opt, "xtbopt.xyz", s.charge(), s.multiplicity()).get(0).structure();
        }
    }

    /**
     * NVT molecular dynamics from {@code start} with deterministic initial velocities drawn from
     * {@code seed}; returns the kept snapshots (equilibration dumps discarded), each with the
     * simulation time in fs. The timeout applies per started 1,000 MD steps.
     */
    public List<Snapshot> dynamics(Structure start, MdSettings md, long seed) throws IOException, InterruptedException {
        try (ToolRun run = newRun("md-")) {
            run.write("start.xyz", XyzText.write(start, "moiety md start"));
            run.write("md.inp", md.xcontrol());
            double[] v = InitialVelocities.draw(start, md.temperature() * md.initialTemperatureFactor(), md.hydrogenMass(), seed);
            run.write("mdrestart", InitialVelocities.mdrestart(start, v));
            List<String> cmd = base("start.xyz", start, md.methodFlags());
            cmd.addAll(List.of("--md", "--input", "md.inp"));
            exec(run, cmd, timeout.multipliedBy(Math.max(1, (md.steps() + 999) / 1000)), "xtb --md");
            if (!run.stdout().contains("RESTART")) {
                throw new ToolFailure("xtb --md did not read the initial velocities (no RESTART in output)");
            }
            String trj = run.read("xtb.trj");
            List<XyzText.Entry> all = XyzText.read(trj, "xtb.trj", start.charge(), start.multiplicity());
            int skip = md.discardedFrames();
            if (all.size() < skip + md.frames()) {
                throw new ToolFailure("xtb --md dumped " + all.size() + " snapshots, expected " + (skip + md.frames())
                        + ": " + run.errorSummary());
            }
            List<Snapshot> kept = new ArrayList<>();
            for (int i = skip; i < skip + md.frames(); i++) {
                kept.add(new Snapshot(all.get(i).structure(), i * md.dumpFs()));
            }
            return kept;
        }
    }

    /** Runs {@code command}; a non-zero exit is a {@link ToolFailure} naming the step and xtb's error output. */
    private static void exec(ToolRun run, List<String> command, Duration limit, String step)
            throws IOException, InterruptedException {
        int rc = run.exec(command, limit);
        if (rc != 0) {
            throw new ToolFailure(step + " exited with code " + rc + ": " + run.errorSummary());
        }
    }

    /** The output file {@code name} of the run; missing or empty is a {@link ToolFailure}. */
    private static String output(ToolRun run, String name, String step, String what) throws IOException {
        String text = run.read(name);
        if (text.isEmpty()) {
            throw new ToolFailure(step + " wrote no " + what + ": " + run.errorSummary());
        }
        return text;
    }

    /** One kept MD snapshot and its simulation time (fs). */
    public record Snapshot(Structure structure, double timeFs) {}
}
