package io.moiety.chem;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Connectivity of a molecule with every hydrogen as an explicit atom: atomic numbers and
 * undirected bonds (pairs of atom indices, bond orders ignored). Built from a SMILES string
 * ({@link SmilesGraph}) or perceived from 3D coordinates ({@link BondPerception}), and compared
 * with {@link Connectivity}.
 */
public record MolecularGraph(int[] atomicNumbers, List<int[]> bonds) implements Serializable {

    public MolecularGraph {
        atomicNumbers = atomicNumbers.clone();
        List<int[]> copy = new ArrayList<>();
        for (int[] b : bonds) {
            if (b.length != 2 || b[0] == b[1] || b[0] < 0 || b[1] < 0
                    || b[0] >= atomicNumbers.length || b[1] >= atomicNumbers.length) {
                throw new IllegalArgumentException("bad bond " + Arrays.toString(b));
            }
            copy.add(new int[] {Math.min(b[0], b[1]), Math.max(b[0], b[1])});
        }
        bonds = List.copyOf(copy);
    }

    /** Number of atoms, hydrogens included. */
    public int size() { return atomicNumbers.length; }

    /** Neighbour lists, one per atom. */
    public List<List<Integer>> neighbours() {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            adj.add(new ArrayList<>());
        }
        for (int[] b : bonds) {
            adj.get(b[0]).add(b[1]);
            adj.get(b[1]).add(b[0]);
        }
        return adj;
    }

    /**
     * Per heavy atom a label {@code O(H1;C)}: element, number of bonded hydrogens and the sorted
     * heavy neighbours' elements; counted over the molecule. Two graphs with the same skeleton
     * and hydrogen placement have equal environment counts.
     */
    public Map<String, Integer> heavyAtomEnvironments() {
        List<List<Integer>> adj = neighbours();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            if (atomicNumbers[i] == 1) {
                continue;
            }
            int h = 0;
            List<String> heavy = new ArrayList<>();
            for (int j : adj.get(i)) {
                if (atomicNumbers[j] == 1) {
                    h++;
                } else {
                    heavy.add(Element.ofZ(atomicNumbers[j]).symbol());
                }
            }
            heavy.sort(null);
            String label = Element.ofZ(atomicNumbers[i]).symbol() + "(H" + h + ";" + String.join(",", heavy) + ")";
            counts.merge(label, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Whether {@code other} has exactly the same bonds between the same atom indices (no
     * canonicalisation: for frames of one trajectory, which share the atom order).
     */
    public boolean sameBonds(MolecularGraph other) {
        if (!java.util.Arrays.equals(atomicNumbers, other.atomicNumbers) || bonds.size() != other.bonds.size()) {
            return false;
        }
        java.util.Set<Long> mine = new java.util.HashSet<>();
        for (int[] b : bonds) {
            mine.add((long) b[0] << 32 | b[1]);
        }
        for (int[] b : other.bonds) {
            if (!mine.contains((long) b[0] << 32 | b[1])) {
                return false;
            }
        }
        return true;
    }

    /** Hill formula. */
    public String formula() { return Formula.hill(atomicNumbers); }
}
