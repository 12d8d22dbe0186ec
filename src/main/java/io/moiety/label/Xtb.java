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
public final class Xtb {
    /** Reference method written to datasets as {@code level_of_theory}. */
    public static final String LEVEL_OF_THEORY = "GFN2-xTB";

    private final Path executable;
    private final Path scratch;
    private final Duration timeout;

    public Xtb(Path executable, Path scratch, Duration timeout) {
        this.executable = executable;
        this.scratch = scratch;
        this.timeout = timeout;
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
        try (ToolRun run = ToolRun.in(scratch, "sp-")) {
            run.write("frame.xyz", XyzText.write(s, "moiety single point"));
            List<String> cmd = base("frame.xyz", s);
            cmd.add("--grad");
            int rc = run.exec(cmd, timeout);
            if (rc != 0) {
                throw new ToolFailure("xtb single point exited with code " + rc + ": " + run.errorSummary());
            }
            String grad = run.read("gradient");
            if (grad.isEmpty()) {
                throw new ToolFailure("xtb single point wrote no gradient file: " + run.errorSummary());
            }
            return XtbLabel.parseGradientFile(grad, s.size(), "xtb gradient");
        }
    }

    /** Geometry optimisation (xtb default convergence); returns the optimised structure. */
    public Structure optimize(Structure s) throws IOException, InterruptedException {
        try (ToolRun run = ToolRun.in(scratch, "opt-")) {
            run.write("start.xyz", XyzText.write(s, "moiety optimisation start"));
            List<String> cmd = base("start.xyz", s);
            cmd.add("--opt");
            int rc = run.exec(cmd, timeout);
            String out = run.stdout();
            if (rc != 0) {
                throw new ToolFailure("xtb --opt exited with code " + rc + ": " + run.errorSummary());
            }
            if (out.contains("FAILED TO CONVERGE")) {
                throw new ToolFailure("xtb --opt: geometry optimisation failed to converge");
            }
            String opt = run.read("xtbopt.xyz");
            if (opt.isEmpty()) {
                throw new ToolFailure("xtb --opt wrote no xtbopt.xyz: " + run.errorSummary());
            }
            return XyzText.read(opt, "xtbopt.xyz", s.charge(), s.multiplicity()).get(0).structure();
        }
    }

    /**
     * NVT molecular dynamics from {@code start} with deterministic initial velocities drawn from
     * {@code seed}; returns the kept snapshots (equilibration dumps discarded), each with the
     * simulation time in fs. The timeout applies per started 1,000 MD steps.
     */
    public List<Snapshot> dynamics(Structure start, MdSettings md, long seed) throws IOException, InterruptedException {
        try (ToolRun run = ToolRun.in(scratch, "md-")) {
            run.write("start.xyz", XyzText.write(start, "moiety md start"));
            run.write("md.inp", md.xcontrol());
            double[] v = InitialVelocities.draw(start, md.temperature() * md.initialTemperatureFactor(), md.hydrogenMass(), seed);
            run.write("mdrestart", InitialVelocities.mdrestart(start, v));
            List<String> cmd = base("start.xyz", start, md.methodFlags());
            cmd.addAll(List.of("--md", "--input", "md.inp"));
            int rc = run.exec(cmd, timeout.multipliedBy(Math.max(1, (md.steps() + 999) / 1000)));
            if (rc != 0) {
                throw new ToolFailure("xtb --md exited with code " + rc + ": " + run.errorSummary());
            }
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

    /** One kept MD snapshot and its simulation time (fs). */
    public record Snapshot(Structure structure, double timeFs) {}
}
