package io.moiety.descriptors;

import io.moiety.chem.Element;
import io.moiety.chem.SmilesGraph;
import io.moiety.chem.Structure;
import io.moiety.chem.Units;
import io.moiety.label.OpenBabel;
import io.moiety.label.ToolFailure;
import io.moiety.label.ToolRun;
import io.moiety.label.XyzText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * The 22 QMex descriptors of one molecule computed with GFN2-xTB (definitions and units in
 * {@link QmexDescriptor} and {@code docs/props.md}). Each molecule costs these xtb calls, each in
 * its own temporary directory with one OpenMP thread and a wall-clock timeout:
 * <ol>
 * <li>{@code --ohess}: optimisation then frequencies at 298.15 K in the gas phase (geometry,
 *     orbitals, dipole, polarisability, charges, Wiberg bond orders, rotational constants,
 *     partition functions, Gibbs energy);</li>
 * <li>{@code --vipea} at the optimised geometry (IPEA-xTB ΔSCC with xtb's empirical shift);</li>
 * <li>{@code --alpb water} and {@code --alpb octanol} single points at the optimised geometry (Gsolv);</li>
 * <li>{@code --opt --alpb water} of the neutral molecule and of its deprotonated (charge −1) and
 *     protonated (charge +1) forms at one acid and one base site.</li>
 * </ol>
 * The acid site is the site atom of {@link AcidBaseSites} carrying the most positive hydrogen,
 * the base site the site atom with the most negative charge (charges of the gas-phase GFN2
 * calculation); a molecule without a listed site uses the same rule over all heavy atoms.
 */
public final class XtbQmex {
    /** Temperature of the thermochemistry (K); xtb's default. */
    public static final double TEMPERATURE = 298.15;
    /** log10 of the volume kT/P (cm³) of one molecule of ideal gas at 298.15 K and 1 atm. */
    static final double LOG10_GAS_VOLUME_CM3 = Math.log10(1.380649e-23 * TEMPERATURE / 101325.0 * 1e6);
    /** cm⁻¹ → GHz. */
    static final double WAVENUMBER_GHZ = 29.9792458;
    /** Grid step (Å) of the volume integration. */
    static final double VOLUME_STEP = 0.1;
    /** Longest X–H bond (Å) when looking for the hydrogen an acid site loses. */
    static final double MAX_XH = 1.35;
    /** X–H bond length (Å) of the proton placed on a base site before optimisation. */
    static final double NEW_XH = 1.03;

    private final Path xtb;
    private final Path scratch;
    private final Duration timeout;
    private final OpenBabel obabel;
    private final AcidBaseSites siteTable;

    public XtbQmex(Path xtb, OpenBabel obabel, AcidBaseSites siteTable, Path scratch, Duration timeout) {
        this.xtb = xtb;
        this.obabel = obabel;
        this.siteTable = siteTable;
        this.scratch = scratch;
        this.timeout = timeout;
    }

    /** Directory of xtb's parameter files (needed for IPEA-xTB): {@code XTBPATH}, else {@code BIN/../share/xtb}. */
    Path parameterDirectory() {
        String env = System.getenv("XTBPATH");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(":")[0]);
        }
        Path real;
        try {
            real = xtb.toRealPath();
        } catch (IOException e) {
            real = xtb;
        }
        Path parent = real.getParent() == null ? Path.of(".") : real.getParent();
        return parent.resolveSibling("share").resolve("xtb");
    }

    /** All 22 values (in {@link QmexDescriptor} order; NaN where not defined) of {@code smiles}, embedded with {@code seed}. */
    public double[] compute(String smiles, long seed) throws IOException, InterruptedException {
        SmilesGraph graph = SmilesGraph.parse(smiles);
        Structure start = obabel.embed(graph, seed);
        int q = graph.charge();
        double[] v = new double[QmexDescriptor.values().length];
        v[QmexDescriptor.MW.ordinal()] = molecularWeight(start.atomicNumbers());
        v[QmexDescriptor.NE_NA.ordinal()] = electronsPerAtom(start.atomicNumbers());

        Structure opt;
        double[] charges;
        try (ToolRun run = ToolRun.in(scratch, "qmex-ohess-")) {
            run.write("start.xyz", XyzText.write(start, "moiety qmex start"));
            String out = exec(run, List.of("start.xyz", "--ohess"), q, "xtb --ohess");
            if (out.contains("FAILED TO CONVERGE")) {
                throw new ToolFailure("xtb --ohess: geometry optimisation failed to converge");
            }
            opt = XyzText.read(require(run, "xtbopt.xyz", "xtb --ohess"), "xtbopt.xyz", q, 1).get(0).structure();
            v[QmexDescriptor.HOMO.ordinal()] = XtbOutput.homo(out);
            v[QmexDescriptor.LUMO.ordinal()] = XtbOutput.lumo(out);
            v[QmexDescriptor.ALPHA.ordinal()] = XtbOutput.polarisability(out);
            v[QmexDescriptor.G.ordinal()] = XtbOutput.totalFreeEnergy(out);
            double logQ = Math.log10(XtbOutput.partitionFunction(out, "INT"))
                    + Math.log10(XtbOutput.partitionFunction(out, "TR")) + LOG10_GAS_VOLUME_CM3;
            v[QmexDescriptor.LOG_Q.ordinal()] = logQ;
            double[] rot = XtbOutput.rotationalConstants(out);
            double a = Math.max(rot[0], Math.max(rot[1], rot[2]));
            v[QmexDescriptor.LOG_RA.ordinal()] = Math.log10(a * WAVENUMBER_GHZ);
            v[QmexDescriptor.MU.ordinal()] = XtbOutput.dipole(out);
            charges = XtbOutput.charges(require(run, "charges", "xtb --ohess"), opt.size());
            double[][] wbo = XtbOutput.wibergBondOrders(require(run, "wbo", "xtb --ohess"), opt.size());
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int[] b : graph.graph().bonds()) {
                lo = Math.min(lo, wbo[b[0]][b[1]]);
                hi = Math.max(hi, wbo[b[0]][b[1]]);
            }
            v[QmexDescriptor.MIN_MBO.ordinal()] = graph.graph().bonds().isEmpty() ? Double.NaN : lo;
            v[QmexDescriptor.MAX_MBO.ordinal()] = graph.graph().bonds().isEmpty() ? Double.NaN : hi;
        }
        double qmin = Double.POSITIVE_INFINITY;
        double qmax = Double.NEGATIVE_INFINITY;
        for (double c : charges) {
            qmin = Math.min(qmin, c);
            qmax = Math.max(qmax, c);
        }
        v[QmexDescriptor.MIN_ESP.ordinal()] = qmin;
        v[QmexDescriptor.MAX_ESP.ordinal()] = qmax;
        double vm = MolecularShape.volume(opt, VOLUME_STEP) / Math.pow(Units.BOHR_ANGSTROM, 3);
        v[QmexDescriptor.VM.ordinal()] = vm;
        v[QmexDescriptor.ALPHA_VM.ordinal()] = v[QmexDescriptor.ALPHA.ordinal()] / vm;
        v[QmexDescriptor.LOG_R2.ordinal()] = Math.log10(MolecularShape.spatialExtent(opt, charges));

        Path params = parameterDirectory();
        try (ToolRun run = ToolRun.in(scratch, "qmex-vipea-")) {
            run.write("opt.xyz", XyzText.write(opt, "moiety qmex optimised"));
            String out = exec(run, List.of("opt.xyz", "--vipea"), q, "xtb --vipea", env -> env.putIfAbsent("XTBPATH", params.toString()));
            v[QmexDescriptor.EIV.ordinal()] = XtbOutput.verticalIp(out);
            v[QmexDescriptor.EAV.ordinal()] = XtbOutput.verticalEa(out);
        }
        v[QmexDescriptor.DEW.ordinal()] = gsolv(opt, q, "water");
        v[QmexDescriptor.DEO.ordinal()] = gsolv(opt, q, "octanol");

        double neutral = optimisedWaterEnergy(opt, q, "neutral");
        int heavy = heavyAtoms(opt.atomicNumbers());
        AcidBaseSites.Sites sites = sites(smiles, opt, heavy);
        int acidSite = pickAcidSite(sites.acid(), opt, charges, heavy);
        if (acidSite >= 0) {
            Structure anion = deprotonate(opt, acidSite, charges);
            v[QmexDescriptor.DEACID.ordinal()] = optimisedWaterEnergy(anion, q - 1, "deprotonated") - neutral;
        } else {
            v[QmexDescriptor.DEACID.ordinal()] = Double.NaN;
        }
        int baseSite = pickBaseSite(sites.base(), charges, heavy);
        Structure cation = protonate(opt, baseSite);
        v[QmexDescriptor.DEBASE.ordinal()] = neutral - optimisedWaterEnergy(cation, q + 1, "protonated");
        return v;
    }

    private double gsolv(Structure s, int charge, String solvent) throws IOException, InterruptedException {
        try (ToolRun run = ToolRun.in(scratch, "qmex-" + solvent + "-")) {
            run.write("opt.xyz", XyzText.write(s, "moiety qmex optimised"));
            String out = exec(run, List.of("opt.xyz", "--alpb", solvent), charge, "xtb --alpb " + solvent);
            return XtbOutput.gsolv(out) * Units.HARTREE_EV;
        }
    }

    /** Total energy (eV) after optimisation in ALPB water. */
    private double optimisedWaterEnergy(Structure s, int charge, String what) throws IOException, InterruptedException {
        try (ToolRun run = ToolRun.in(scratch, "qmex-wopt-")) {
            run.write("start.xyz", XyzText.write(s, "moiety qmex " + what));
            String out = exec(run, List.of("start.xyz", "--opt", "--alpb", "water"), charge, "xtb --opt --alpb water (" + what + ")");
            if (out.contains("FAILED TO CONVERGE")) {
                throw new ToolFailure("xtb --opt --alpb water (" + what + "): optimisation failed to converge");
            }
            return XtbOutput.totalEnergy(out) * Units.HARTREE_EV;
        }
    }

    private String exec(ToolRun run, List<String> args, int charge, String step) throws IOException, InterruptedException {
        return exec(run, args, charge, step, env -> { });
    }

    private String exec(ToolRun run, List<String> args, int charge, String step, Consumer<Map<String, String>> env)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(xtb.toString());
        cmd.addAll(args);
        cmd.addAll(List.of("--gfn", "2", "--norestart", "--chrg", Integer.toString(charge), "--uhf", "0"));
        int rc = run.exec(cmd, timeout, env);
        if (rc != 0) {
            throw new ToolFailure(step + " exited with code " + rc + ": " + run.errorSummary());
        }
        return run.stdout();
    }

    private static String require(ToolRun run, String name, String step) throws IOException {
        String text = run.read(name);
        if (text.isBlank()) {
            throw new ToolFailure(step + " wrote no " + name + ": " + run.errorSummary());
        }
        return text;
    }

    /** Sites from the SMARTS table, kept only when the heavy atoms of SMILES and structure agree in order. */
    private AcidBaseSites.Sites sites(String smiles, Structure s, int heavy) {
        IAtomContainer mol = MoleculeGraphs.withExplicitHydrogens(smiles);
        for (int i = 0; i < heavy; i++) {
            Integer z = mol.getAtom(i).getAtomicNumber();
            if (z == null || z != s.atomicNumbers()[i]) {
                return new AcidBaseSites.Sites(List.of(), List.of());
            }
        }
        AcidBaseSites.Sites all = siteTable.find(mol);
        return new AcidBaseSites.Sites(all.acid().stream().filter(i -> i < heavy).toList(),
                all.base().stream().filter(i -> i < heavy).toList());
    }

    static int heavyAtoms(int[] z) {
        int n = 0;
        while (n < z.length && z[n] != 1) {
            n++;
        }
        for (int i = n; i < z.length; i++) {
            if (z[i] != 1) {
                return z.length;
            }
        }
        return n;
    }

    /** Acid site: among {@code candidates} (all heavy atoms when empty), the one with the most positive bonded H; −1 when none has H. */
    static int pickAcidSite(List<Integer> candidates, Structure s, double[] charges, int heavy) {
        List<Integer> pool = candidates.isEmpty() ? IntStream.range(0, heavy).boxed().toList() : candidates;
        int best = -1;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int site : pool) {
            int h = bondedHydrogen(s, site, charges);
            if (h >= 0 && charges[h] > bestQ) {
                bestQ = charges[h];
                best = site;
            }
        }
        if (best < 0 && !candidates.isEmpty()) {
            return pickAcidSite(List.of(), s, charges, heavy);
        }
        return best;
    }

    /** Base site: among {@code candidates} (all heavy atoms when empty), the most negative atom. */
    static int pickBaseSite(List<Integer> candidates, double[] charges, int heavy) {
        List<Integer> pool = candidates.isEmpty() ? IntStream.range(0, Math.max(1, heavy)).boxed().toList() : candidates;
        int best = pool.get(0);
        for (int site : pool) {
            if (charges[site] < charges[best]) {
                best = site;
            }
        }
        return best;
    }

    /** The hydrogen bonded to {@code atom} (within {@link #MAX_XH}) with the most positive charge, or −1. */
    static int bondedHydrogen(Structure s, int atom, double[] charges) {
        int best = -1;
        for (int h = 0; h < s.size(); h++) {
            if (h == atom || s.atomicNumbers()[h] != 1 || distance(s, h, atom) > MAX_XH) {
                continue;
            }
            if (best < 0 || charges[h] > charges[best]) {
                best = h;
            }
        }
        return best;
    }

    /** The structure without the most positive hydrogen on {@code site} (charge lowered by one). */
    static Structure deprotonate(Structure s, int site, double[] charges) {
        int h = bondedHydrogen(s, site, charges);
        int n = s.size();
        int[] z = new int[n - 1];
        double[] x = new double[3 * (n - 1)];
        for (int a = 0, b = 0; a < n; a++) {
            if (a == h) {
                continue;
            }
            z[b] = s.atomicNumbers()[a];
            System.arraycopy(s.positions(), 3 * a, x, 3 * b, 3);
            b++;
        }
        return new Structure(z, x, s.charge() - 1, 1, null);
    }

    /**
     * The structure with a proton on {@code site}, {@link #NEW_XH} Å away opposite the mean
     * direction of the site's bonded neighbours (along +z for an isolated atom).
     */
    static Structure protonate(Structure s, int site) {
        double[] p = s.positions();
        double[] dir = new double[3];
        for (int a = 0; a < s.size(); a++) {
            if (a == site) {
                continue;
            }
            double d = distance(s, a, site);
            double bond = 1.25 * (Element.ofZ(s.atomicNumbers()[a]).covalentRadius() + Element.ofZ(s.atomicNumbers()[site]).covalentRadius());
            if (d < bond) {
                for (int k = 0; k < 3; k++) {
                    dir[k] -= (p[3 * a + k] - p[3 * site + k]) / d;
                }
            }
        }
        double norm = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
        if (norm < 1e-3) {
            dir = perpendicularOrZ(s, site);
            norm = 1;
        }
        int n = s.size();
        int[] z = new int[n + 1];
        double[] x = new double[3 * (n + 1)];
        System.arraycopy(s.atomicNumbers(), 0, z, 0, n);
        System.arraycopy(p, 0, x, 0, 3 * n);
        z[n] = 1;
        for (int k = 0; k < 3; k++) {
            x[3 * n + k] = p[3 * site + k] + NEW_XH * dir[k] / norm;
        }
        return new Structure(z, x, s.charge() + 1, 1, null);
    }

    /** For a site whose neighbours cancel (linear or symmetric), a direction perpendicular to its first bond, else +z. */
    private static double[] perpendicularOrZ(Structure s, int site) {
        double[] p = s.positions();
        for (int a = 0; a < s.size(); a++) {
            if (a != site && distance(s, a, site) < 2.0) {
                double[] b = {p[3 * a] - p[3 * site], p[3 * a + 1] - p[3 * site + 1], p[3 * a + 2] - p[3 * site + 2]};
                double[] t = Math.abs(b[0]) < 0.9 * Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]) ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
                double[] c = {b[1] * t[2] - b[2] * t[1], b[2] * t[0] - b[0] * t[2], b[0] * t[1] - b[1] * t[0]};
                double nc = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
                return new double[] {c[0] / nc, c[1] / nc, c[2] / nc};
            }
        }
        return new double[] {0, 0, 1};
    }

    private static double distance(Structure s, int a, int b) {
        double[] p = s.positions();
        double dx = p[3 * a] - p[3 * b];
        double dy = p[3 * a + 1] - p[3 * b + 1];
        double dz = p[3 * a + 2] - p[3 * b + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Molecular weight (g/mol) from IUPAC standard atomic weights. */
    public static double molecularWeight(int[] atomicNumbers) {
        double m = 0;
        for (int z : atomicNumbers) {
            m += Element.ofZ(z).mass();
        }
        return m;
    }

    /** Σ Z of heavy atoms / number of atoms including hydrogens (the data README's Ne/Na). */
    public static double electronsPerAtom(int[] atomicNumbers) {
        int sum = 0;
        for (int z : atomicNumbers) {
            if (z > 1) {
                sum += z;
            }
        }
        return (double) sum / atomicNumbers.length;
    }
}
