package io.moiety.label;

import io.moiety.chem.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * Energy and forces of one xtb single point, converted from xtb's Turbomole-style
 * {@code gradient} file: energy Eh → eV, gradient Eh/bohr → forces eV/Å with
 * F = −∇E · (Hartree/bohr in eV/Å).
 *
 * @param energy total energy (eV)
 * @param forces forces (eV/Å), flattened {@code [N*3]}
 */
public record XtbLabel(double energy, double[] forces) {

    /**
     * Parses the {@code gradient} file written by {@code xtb --grad}: a {@code $grad} block with
     * a {@code cycle = 1  SCF energy = E} line, N coordinate lines and N gradient lines.
     *
     * @param natoms expected number of atoms
     * @param what   file name for error messages
     */
    public static XtbLabel parseGradientFile(String text, int natoms, String what) {
        String[] lines = text.split("\r?\n");
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("$grad")) {
                start = i;
            }
        }
        if (start < 0 || start + 2 + 2 * natoms >= lines.length + 1) {
            throw new ToolFailure(what + ": no complete $grad block for " + natoms + " atoms");
        }
        String header = lines[start + 1];
        int at = header.indexOf("SCF energy =");
        if (at < 0) {
            throw new ToolFailure(what + " line " + (start + 2) + ": no 'SCF energy =' field");
        }
        double energyHartree;
        try {
            energyHartree = parse(header.substring(at + "SCF energy =".length()).strip().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw new ToolFailure(what + " line " + (start + 2) + ": unreadable energy");
        }
        double[] forces = new double[3 * natoms];
        List<String> coordLines = new ArrayList<>();
        for (int a = 0; a < natoms; a++) {
            coordLines.add(lines[start + 2 + a]);
        }
        for (int a = 0; a < natoms; a++) {
            int ln = start + 2 + natoms + a;
            String[] f = lines[ln].strip().split("\\s+");
            if (f.length != 3) {
                throw new ToolFailure(what + " line " + (ln + 1) + ": expected 3 gradient components, got '" + lines[ln].strip() + "'");
            }
            for (int k = 0; k < 3; k++) {
                double g;
                try {
                    g = parse(f[k]);
                } catch (NumberFormatException e) {
                    throw new ToolFailure(what + " line " + (ln + 1) + ": unreadable gradient '" + f[k] + "'");
                }
                forces[3 * a + k] = -g * Units.HARTREE_PER_BOHR_EV_PER_ANGSTROM;
            }
        }
        double energy = energyHartree * Units.HARTREE_EV;
        if (!Double.isFinite(energy)) {
            throw new ToolFailure(what + ": energy is not finite");
        }
        for (double v : forces) {
            if (!Double.isFinite(v)) {
                throw new ToolFailure(what + ": gradient is not finite");
            }
        }
        return new XtbLabel(energy, forces);
    }

    private static double parse(String s) {
        return Double.parseDouble(s.replace('D', 'E').replace('d', 'e'));
    }
}
