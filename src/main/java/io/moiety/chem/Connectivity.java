package io.moiety.chem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * Compares two connectivity graphs of the same molecule without needing an atom mapping: the
 * heavy-atom graph with hydrogen counts is written as a CDK canonical SMILES with all bonds
 * single (a canonical labelling, so equal strings mean isomorphic graphs), and every hydrogen
 * must have exactly one partner. A proton transfer (e.g. neutral glycine → zwitterion), a
 * broken or new bond, or a hydrogen shared between two atoms are reported with a reason.
 */
public final class Connectivity {

    /** Outcome of a comparison; {@code reason} is empty when the graphs match. */
    public record Result(boolean unchanged, String reason) {}

    private Connectivity() {}

    /** Compares the graph expected from SMILES with one perceived from 3D coordinates. */
    public static Result compare(MolecularGraph expected, MolecularGraph found) {
        if (!expected.formula().equals(found.formula())) {
            return new Result(false, "formula differs: expected " + expected.formula() + ", found " + found.formula());
        }
        List<String> problems = new ArrayList<>();
        List<List<Integer>> adj = found.neighbours();
        for (int i = 0; i < found.size(); i++) {
            if (found.atomicNumbers()[i] == 1 && adj.get(i).size() != 1) {
                List<String> partners = new ArrayList<>();
                for (int j : adj.get(i)) {
                    partners.add(Element.ofZ(found.atomicNumbers()[j]).symbol() + (j + 1));
                }
                problems.add("H" + (i + 1) + " has " + adj.get(i).size() + " bonded atoms " + partners);
            }
        }
        Map<String, Integer> a = expected.heavyAtomEnvironments();
        Map<String, Integer> b = found.heavyAtomEnvironments();
        if (!a.equals(b)) {
            TreeSet<String> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            Map<String, String> diff = new TreeMap<>();
            for (String k : keys) {
                int na = a.getOrDefault(k, 0);
                int nb = b.getOrDefault(k, 0);
                if (na != nb) {
                    diff.put(k, na + "→" + nb);
                }
            }
            problems.add("atom environments (element(H count;heavy neighbours) expected→found) " + diff);
        }
        String sa = skeleton(expected);
        String sb = skeleton(found);
        if (!sa.equals(sb)) {
            problems.add("heavy-atom skeleton " + sa + " became " + sb);
        }
        return problems.isEmpty() ? new Result(true, "") : new Result(false, String.join("; ", problems));
    }

    /**
     * Canonical SMILES of the heavy-atom graph with all bonds single and hydrogen counts as
     * implicit hydrogens; charges and bond orders are ignored.
     */
    public static String skeleton(MolecularGraph graph) {
        IAtomContainer mol = SilentChemObjectBuilder.getInstance().newAtomContainer();
        int[] z = graph.atomicNumbers();
        int[] index = new int[z.length];
        List<List<Integer>> adj = graph.neighbours();
        for (int i = 0; i < z.length; i++) {
            index[i] = -1;
            if (z[i] != 1) {
                IAtom atom = SilentChemObjectBuilder.getInstance().newAtom();
                atom.setAtomicNumber(z[i]);
                atom.setSymbol(Element.ofZ(z[i]).symbol());
                int h = 0;
                for (int j : adj.get(i)) {
                    if (z[j] == 1) {
                        h++;
                    }
                }
                atom.setImplicitHydrogenCount(h);
                index[i] = mol.getAtomCount();
                mol.addAtom(atom);
            }
        }
        for (int[] bond : graph.bonds()) {
            if (index[bond[0]] >= 0 && index[bond[1]] >= 0) {
                mol.addBond(index[bond[0]], index[bond[1]], IBond.Order.SINGLE);
            }
        }
        try {
            return new SmilesGenerator(SmiFlavor.Canonical).create(mol);
        } catch (CDKException e) {
            throw new IllegalStateException("cannot write skeleton SMILES: " + e.getMessage(), e);
        }
    }
}
