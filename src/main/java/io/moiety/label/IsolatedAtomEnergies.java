package io.moiety.label;

import io.moiety.chem.AtomGroundState;
import io.moiety.chem.Element;
import io.moiety.chem.Structure;
import io.moiety.data.IsolatedAtoms;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * GFN2-xTB energies of isolated neutral atoms in their ground-state spin
 * ({@link AtomGroundState}: {@code --chrg 0 --uhf N}, N unpaired electrons), with the settings of the
 * frames' single points ({@link Xtb#singlePoint}: xtb's default electronic temperature of 300 K
 * and accuracy 1.0, one OpenMP thread), so that E − Σ E0(Z) is the GFN2-xTB atomisation energy.
 */
public final class IsolatedAtomEnergies {
    /** How each atom is computed, as stored in the provenance ({@code method}). */
    public static final String METHOD = "xtb atom.xyz --gfn 2 --norestart --chrg 0 --uhf N --grad, N = unpaired "
            + "electrons of the ground state (Hund's rule); xtb defaults: electronic temperature 300 K, accuracy 1.0; "
            + "OMP_NUM_THREADS=1; the settings of the frames' single points";

    private final Xtb xtb;

    public IsolatedAtomEnergies(Xtb xtb) {
        this.xtb = xtb;
    }

    /**
     * One single point per element; {@code command} (the Moiety command line that asked for them)
     * goes into the provenance with the xtb version, method and date.
     */
    public IsolatedAtoms compute(SortedSet<Integer> elements, String command) throws IOException, InterruptedException {
        List<IsolatedAtoms.Atom> atoms = new ArrayList<>();
        for (int z : elements) {
            int multiplicity = AtomGroundState.multiplicity(z);
            Structure atom = new Structure(new int[] {z}, new double[3], 0, multiplicity, null);
            try {
                atoms.add(new IsolatedAtoms.Atom(z, multiplicity, xtb.singlePoint(atom).energy()));
            } catch (ToolFailure e) {
                throw new ToolFailure("isolated " + Element.ofZ(z) + " atom (--uhf " + (multiplicity - 1) + "): " + e.getMessage());
            }
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("level_of_theory", Xtb.LEVEL_OF_THEORY);
        provenance.put("program", xtb.version());
        provenance.put("method", METHOD);
        provenance.put("command", command);
        provenance.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return new IsolatedAtoms(atoms, provenance, "");
    }
}
