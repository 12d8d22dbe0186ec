package io.moiety.eval;

import io.moiety.chem.Element;
import io.moiety.data.MoleculeRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chemical-environment labels of atoms: the element followed by its bonded neighbours' elements in
 * alphabetical order, e.g. {@code C(C,H,H,O)} for the CH2 next to the hydroxyl of a primary alcohol
 * and {@code O(C,H)} for the hydroxyl oxygen. Used to group per-atom force errors and as the atom
 * types of the group-additivity baseline.
 */
public final class AtomEnvironments {
    private AtomEnvironments() {}

    /** Label of every atom given its neighbour lists. */
    public static String[] labels(int[] atomicNumbers, int[][] neighbours) {
        String[] out = new String[atomicNumbers.length];
        for (int i = 0; i < atomicNumbers.length; i++) {
            List<String> nb = new ArrayList<>();
            for (int j : neighbours[i]) {
                nb.add(Element.ofZ(atomicNumbers[j]).symbol());
            }
            Collections.sort(nb);
            out[i] = Element.ofZ(atomicNumbers[i]).symbol() + "(" + String.join(",", nb) + ")";
        }
        return out;
    }

    /** Labels of a molecule's atoms from the consensus bond graph of its frames. */
    public static String[] of(MoleculeRecord molecule) {
        return labels(molecule.atomicNumbers(), CovalentBonds.consensus(molecule.frames(), 5));
    }

    /** How many atoms carry each label (sorted by label). */
    public static Map<String, Long> count(String[] labels) {
        Map<String, Long> m = new TreeMap<>();
        for (String l : labels) {
            m.merge(l, 1L, Long::sum);
        }
        return m;
    }
}
