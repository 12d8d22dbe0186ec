package io.moiety.metrics;

import io.moiety.chem.Connectivity;
import io.moiety.chem.Element;
import io.moiety.chem.MolecularGraph;
import io.moiety.chem.SmilesGraph;
import io.moiety.data.MoleculeRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chemical-environment labels of atoms: the element followed by its bonded neighbours' elements in
 * alphabetical order, e.g. {@code C(C,H,H,O)} for the CH2 next to the hydroxyl of a primary alcohol
 * and {@code O(C,H)} for the hydroxyl oxygen. Used to group per-atom force errors and as the atom
 * types of the group-additivity baseline.
 */
public final class AtomEnvironments {
    private static final Logger LOG = LoggerFactory.getLogger(AtomEnvironments.class);

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

    /**
     * Labels of a molecule's atoms from the consensus bond graph of its frames. When the record has
     * a SMILES, the graph is checked against it with CDK ({@link Connectivity}); a mismatch (e.g. a
     * proton transfer during MD) is logged and the geometric graph kept, since it describes the
     * frames actually evaluated.
     */
    public static String[] of(MoleculeRecord molecule) {
        int[] z = molecule.atomicNumbers();
        int[][] nb = CovalentBonds.consensus(molecule.frames(), 5);
        if (!molecule.smiles().isBlank()) {
            try {
                List<int[]> bonds = new ArrayList<>();
                for (int i = 0; i < nb.length; i++) {
                    for (int j : nb[i]) {
                        if (j > i) {
                            bonds.add(new int[] {i, j});
                        }
                    }
                }
                Connectivity.Result r = Connectivity.compare(SmilesGraph.parse(molecule.smiles()).graph(), new MolecularGraph(z, bonds));
                if (!r.unchanged()) {
                    LOG.warn("{}: bonds perceived from its frames differ from its SMILES {}: {}", molecule.id(), molecule.smiles(), r.reason());
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: cannot check bonds against SMILES {}: {}", molecule.id(), molecule.smiles(), e.getMessage());
            }
        }
        return labels(z, nb);
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
