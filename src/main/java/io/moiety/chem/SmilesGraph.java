package io.moiety.chem;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * A molecule parsed from SMILES with CDK: canonical (isomeric) SMILES, Hill formula, total charge
 * (e), spin multiplicity (2S+1, from unpaired electrons at atoms whose bond-order sum is below
 * their usual valence) and the explicit-hydrogen connectivity graph.
 *
 * @param input           the SMILES as given
 * @param canonicalSmiles CDK canonical SMILES without stereo marks (stereo-canonical SMILES would need cdk-inchi); used as the molecule key
 * @param graph           all atoms with hydrogens explicit (heavy atoms in SMILES order, then H)
 * @param charge          total formal charge (e)
 * @param multiplicity    spin multiplicity (1 for closed-shell molecules)
 */
public record SmilesGraph(String input, String canonicalSmiles, MolecularGraph graph, int charge, int multiplicity) implements Serializable {

    /** Hill formula, e.g. {@code C2H6O}. */
    public String formula() { return graph.formula(); }

    /** Parses a closed-shell molecule; radicals are rejected. */
    public static SmilesGraph parse(String smiles) {
        return parse(smiles, false);
    }

    /**
     * Parses {@code smiles}.
     *
     * @param allowRadicals accept open-shell molecules (multiplicity > 1); otherwise they are an error
     * @throws IllegalArgumentException for invalid SMILES, unknown elements or rejected radicals
     */
    public static SmilesGraph parse(String smiles, boolean allowRadicals) {
        if (smiles == null || smiles.isBlank()) {
            throw new IllegalArgumentException("empty SMILES");
        }
        IAtomContainer mol;
        try {
            mol = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles.trim());
        } catch (InvalidSmilesException e) {
            throw new IllegalArgumentException("invalid SMILES '" + smiles + "': " + e.getMessage(), e);
        }
        String canonical;
        try {
            canonical = new SmilesGenerator(SmiFlavor.Canonical).create(mol);
        } catch (CDKException e) {
            throw new IllegalArgumentException("cannot write canonical SMILES for '" + smiles + "': " + e.getMessage(), e);
        }
        int charge = 0;
        int unpaired = 0;
        int heavy = mol.getAtomCount();
        List<Integer> z = new ArrayList<>();
        List<int[]> bonds = new ArrayList<>();
        for (IAtom a : mol.atoms()) {
            Integer atomicNumber = a.getAtomicNumber();
            if (atomicNumber == null || !Element.isKnown(atomicNumber)) {
                throw new IllegalArgumentException("SMILES '" + smiles + "': unsupported atom '" + a.getSymbol() + "'");
            }
            z.add(atomicNumber);
            int q = a.getFormalCharge() == null ? 0 : a.getFormalCharge();
            charge += q;
            int h = a.getImplicitHydrogenCount() == null ? 0 : a.getImplicitHydrogenCount();
            int used = h;
            for (IBond b : mol.getConnectedBondsList(a)) {
                used += b.getOrder() == null || b.getOrder() == IBond.Order.UNSET ? 1 : b.getOrder().numeric();
            }
            unpaired += unpairedElectrons(atomicNumber, q, used);
        }
        for (IBond b : mol.bonds()) {
            bonds.add(new int[] {mol.indexOf(b.getBegin()), mol.indexOf(b.getEnd())});
        }
        for (int i = 0; i < heavy; i++) {
            Integer hc = mol.getAtom(i).getImplicitHydrogenCount();
            for (int k = 0; k < (hc == null ? 0 : hc); k++) {
                z.add(1);
                bonds.add(new int[] {i, z.size() - 1});
            }
        }
        int electrons = -charge;
        for (int atomicNumber : z) {
            electrons += atomicNumber;
        }
        if ((electrons - unpaired) % 2 != 0) {
            unpaired += 1;
        }
        int multiplicity = unpaired + 1;
        if (multiplicity > 1 && !allowRadicals) {
            throw new IllegalArgumentException("SMILES '" + smiles + "' is a radical (" + unpaired
                    + " unpaired electron" + (unpaired == 1 ? "" : "s") + ", multiplicity " + multiplicity
                    + "); Moiety generates closed-shell molecules only: give the SMILES of a closed-shell molecule");
        }
        int[] zs = z.stream().mapToInt(Integer::intValue).toArray();
        return new SmilesGraph(smiles, canonical, new MolecularGraph(zs, bonds), charge, multiplicity);
    }

    /**
     * Unpaired electrons at an atom: the smallest usual valence of its isoelectronic neutral
     * element (N+ like C, O- like F) that is at least the bond-order sum, minus that sum.
     */
    static int unpairedElectrons(int z, int formalCharge, int used) {
        int[] valences = switch (z - formalCharge) {
            case 1, 3, 9, 11, 17, 35, 53 -> new int[] {1};
            case 2, 10, 18 -> new int[] {0};
            case 4, 8, 12 -> new int[] {2};
            case 5, 7, 13 -> new int[] {3};
            case 6, 14 -> new int[] {4};
            case 15 -> new int[] {3, 5};
            case 16 -> new int[] {2, 4, 6};
            default -> new int[0];
        };
        for (int v : valences) {
            if (v >= used) {
                return v - used;
            }
        }
        return 0;
    }
}
