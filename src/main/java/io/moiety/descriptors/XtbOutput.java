package io.moiety.descriptors;

import io.moiety.label.ToolFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers read from xtb 6.x text output (standard output, {@code charges} and {@code wbo} files).
 * Every reader takes the last occurrence in the text (an optimisation prints intermediate values
 * first) and throws a {@link ToolFailure} naming what was missing.
 */
public final class XtbOutput {
    private static final String NUM = "([-+]?\\d+\\.?\\d*(?:[EeDd][-+]?\\d+)?)";

    private XtbOutput() {}

    /** Last match of {@code regex} (group 1 parsed as a number), or a failure naming {@code what}. */
    static double last(String text, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        if (found == null) {
            throw new ToolFailure("xtb output has no " + what);
        }
        return parse(found);
    }

    private static double parse(String s) {
        return Double.parseDouble(s.replace('D', 'E').replace('d', 'e'));
    }

    /** Final total energy (Eh) from the summary box. */
    public static double totalEnergy(String stdout) {
        return last(stdout, "\\|\\s*TOTAL ENERGY\\s+" + NUM + "\\s+Eh", "TOTAL ENERGY");
    }

    /** Total free energy (Eh) of a {@code --hess}/{@code --ohess} run (electronic energy plus G(RRHO)). */
    public static double totalFreeEnergy(String stdout) {
        return last(stdout, "\\|\\s*TOTAL FREE ENERGY\\s+" + NUM + "\\s+Eh", "TOTAL FREE ENERGY");
    }

    /** HOMO orbital energy (eV), from the orbital table line ending in {@code (HOMO)}. */
    public static double homo(String stdout) {
        return last(stdout, NUM + "\\s+\\(HOMO\\)", "HOMO");
    }

    /** LUMO orbital energy (eV). */
    public static double lumo(String stdout) {
        return last(stdout, NUM + "\\s+\\(LUMO\\)", "LUMO");
    }

    /** Total dipole moment (Debye): the fourth number of the {@code full:} line after {@code molecular dipole:}. */
    public static double dipole(String stdout) {
        return lastGroup(stdout, "molecular dipole:[^\\n]*\\n[^\\n]*\\n[^\\n]*\\n\\s*full:\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM
                + "\\s+" + NUM, 4, "molecular dipole");
    }

    private static double lastGroup(String text, String regex, int group, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(group);
        }
        if (found == null) {
            throw new ToolFailure("xtb output has no " + what);
        }
        return parse(found);
    }

    /** Isotropic static polarisability α(0) in atomic units (bohr³). */
    public static double polarisability(String stdout) {
        return last(stdout, "Mol\\. α\\(0\\) /au\\s*:\\s*" + NUM, "Mol. α(0)");
    }

    /** The three rotational constants (cm⁻¹) as printed. */
    public static double[] rotationalConstants(String stdout) {
        String regex = "rotational constants/cm⁻¹\\s*:\\s*" + NUM + "\\s+" + NUM + "\\s+" + NUM;
        String what = "rotational constants";
        return new double[] {lastGroup(stdout, regex, 1, what), lastGroup(stdout, regex, 2, what), lastGroup(stdout, regex, 3, what)};
    }

    /**
     * A partition function of the thermochemistry table at the first listed temperature:
     * {@code VIB}, {@code ROT}, {@code INT} (= VIB·ROT) or {@code TR} (translational, per cm³).
     */
    public static double partitionFunction(String stdout, String kind) {
        return last(stdout, "(?m)^\\s*(?:\\d+\\.\\d+\\s+)?" + kind + "\\s+" + NUM + "\\s+\\S+\\s+\\S+\\s+\\S+", kind + " partition function");
    }

    /** Solvation free energy Gsolv (Eh) of an implicit-solvent run. */
    public static double gsolv(String stdout) {
        return last(stdout, "->\\s*Gsolv\\s+" + NUM + "\\s+Eh", "Gsolv");
    }

    /** Vertical ionisation potential (eV) of {@code --vip}/{@code --vipea}. */
    public static double verticalIp(String stdout) {
        return last(stdout, "delta SCC IP \\(eV\\):\\s*" + NUM, "delta SCC IP");
    }

    /** Vertical electron affinity (eV) of {@code --vea}/{@code --vipea}. */
    public static double verticalEa(String stdout) {
        return last(stdout, "delta SCC EA \\(eV\\):\\s*" + NUM, "delta SCC EA");
    }

    /** Atomic partial charges (e) of the {@code charges} file, one per line. */
    public static double[] charges(String text, int atoms) {
        List<Double> q = new ArrayList<>();
        for (String line : text.split("\\r?\\n")) {
            if (!line.isBlank()) {
                q.add(parse(line.strip()));
            }
        }
        if (q.size() != atoms) {
            throw new ToolFailure("xtb charges file has " + q.size() + " values for " + atoms + " atoms");
        }
        return q.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Wiberg bond orders of the {@code wbo} file as an {@code atoms × atoms} matrix (0 for pairs
     * the file does not list; its atom numbers are 1-based).
     */
    public static double[][] wibergBondOrders(String text, int atoms) {
        double[][] w = new double[atoms][atoms];
        int lineNo = 0;
        for (String line : text.split("\\r?\\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (f.length != 3) {
                throw new ToolFailure("xtb wbo line " + lineNo + ": expected 'i j order', got '" + line.strip() + "'");
            }
            int i = Integer.parseInt(f[0]) - 1;
            int j = Integer.parseInt(f[1]) - 1;
            if (i < 0 || j < 0 || i >= atoms || j >= atoms) {
                throw new ToolFailure("xtb wbo line " + lineNo + ": atom out of range 1.." + atoms);
            }
            w[i][j] = w[j][i] = parse(f[2]);
        }
        return w;
    }
}
