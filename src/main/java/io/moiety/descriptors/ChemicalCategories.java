package io.moiety.descriptors;

import io.moiety.chem.Structure;
import java.util.List;
import java.util.Set;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.ringsearch.RingSearch;
import org.openscience.cdk.smarts.SmartsPattern;

/**
 * The 44 binary chemical categories of Shimakawa, Kumada &amp; Sato (2024) computed from SMILES
 * with CDK, in the authors' column order ({@link #NAMES}). Definitions follow the authors'
 * published category code (their RDKit calls restated as CDK graph rules or SMARTS; all on the
 * molecule with explicit hydrogens, as theirs):
 * <ul>
 * <li>{@code polar}: the point group of a 3D structure has a polar axis (C1, Cs, Cn, Cnv), see
 *     {@link PointGroupPolarity}; </li>
 * <li>{@code acid}, {@code base}: at least one site of {@link AcidBaseSites};</li>
 * <li>{@code with_X}: element X present (H, B, C, N, O, F, Si, P, S, Cl, Br, I);
 *     {@code argon}: a noble gas; {@code halogen}: F, Cl, Br, I or At; {@code metal}: an element
 *     outside the authors' non-metal list; {@code other}: a non-metal outside the twelve elements
 *     and the noble gases (As, Se, Te, …);</li>
 * <li>{@code cation}/{@code anion}: positive/negative total formal charge; {@code ion}: some atom
 *     carries a formal charge (e.g. nitro groups written N⁺–O⁻);</li>
 * <li>{@code SINGLE}, {@code DOUBLE}, {@code TRIPLE}, {@code AROMATIC}: a bond of that kind
 *     (aromatic bonds are not counted as single or double); {@code pi}: a double, triple or
 *     aromatic bond; {@code conjugated}: a conjugated bond (see {@link #conjugated});</li>
 * <li>{@code ring}: a ring; {@code branch}: an atom with three or more neighbours counting
 *     hydrogens (the authors test for a branch in the SMILES written with explicit hydrogens);
 *     {@code rot}: a rotatable bond by RDKit's strict definition (an acyclic single bond between
 *     two atoms with more than one neighbour, neither in a triple bond, nor in a CX3 or t-butyl
 *     end group, nor an amide-like C–N/O/S bond); {@code spiro}: an atom shared by two rings that share
 *     no bond;</li>
 * <li>{@code hba}, {@code hbd}: an H-bond acceptor or donor by the Lipinski-style SMARTS of
 *     RDKit's {@code CalcNumHBA}/{@code CalcNumHBD};</li>
 * <li>{@code O_single} … {@code amide}: the authors' functional-group SMARTS.</li>
 * </ul>
 */
public final class ChemicalCategories {
    /** Column names in the authors' order. */
    public static final List<String> NAMES = List.of("polar", "acid", "base", "with_H", "with_B", "with_C", "with_N", "with_O",
            "with_F", "with_Si", "with_P", "with_S", "with_Cl", "with_Br", "with_I", "argon", "halogen", "metal", "other",
            "cation", "anion", "ion", "SINGLE", "DOUBLE", "TRIPLE", "AROMATIC", "pi", "conjugated", "ring", "branch", "rot",
            "spiro", "hba", "hbd", "O_single", "O_double", "N_triple", "amine", "alcohol", "ether", "cyano", "carboxylic",
            "carbonyl", "amide");

    private static final int[] ELEMENTS = {1, 5, 6, 7, 8, 9, 14, 15, 16, 17, 35, 53};
    private static final Set<Integer> NON_METALS = Set.of(1, 2, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 33, 34, 35, 36, 52, 53, 54, 85, 86);
    private static final Set<Integer> NOBLE = Set.of(2, 10, 18, 36, 54, 86);
    private static final Set<Integer> HALOGENS = Set.of(9, 17, 35, 53, 85);
    private static final Set<Integer> TWELVE = Set.of(1, 5, 6, 7, 8, 9, 14, 15, 16, 17, 35, 53);

    private static final String HBD = "[N&!H0&v3,N&!H0&+1&v4,O&H1&+0,S&H1&+0,n&H1&+0]";
    private static final String HBA = "[$([O,S;H1;v2]-[!$(*=[O,N,P,S])]),$([O,S;H0;v2]),$([O,S;-]),$([N;v3;!$(N-*=!@[O,N,P,S])]),$([nH0,o,s;+0])]";
    /** RDKit's strict rotatable-bond SMARTS (no CX3 end groups, t-butyl, amide-like C–N). */
    private static final String ROTATABLE = "[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])"
            + "&!$([CD3](=[N,O,S])-!@[#7,O,S!D1])&!$([#7,O,S!D1]-!@[CD3]=[N,O,S])&!$([CD3](=[N+])-!@[#7!D1])&!$([#7!D1]-!@[CD3]=[N+])]"
            + "-,:;!@[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])]";
    private static final List<String> GROUPS = List.of(
            "*O*", "*=O", "*#N", "[NX3;H2,H1,H0;!$(NC=[!#6])]", "[OX2H]([#6X4])", "[OD2]([#6X4])[#6X4]", "C#N",
            "[#6]([CX3](=O)[OX2H1])", "[$([CX3]=[OX1]),$([CX3+]-[OX1-])]", "[NX3][CX3](=[OX1])[#6]");

    private final AcidBaseSites sites;
    private final SmartsPattern hbd = SmartsPattern.create(HBD);
    private final SmartsPattern hba = SmartsPattern.create(HBA);
    private final SmartsPattern rotatable = SmartsPattern.create(ROTATABLE);
    private final List<SmartsPattern> groups = GROUPS.stream().map(SmartsPattern::create).toList();

    public ChemicalCategories(AcidBaseSites sites) {
        this.sites = sites;
    }

    /**
     * The 44 flags of {@code smiles} in {@link #NAMES} order; {@code polar} from {@code geometry}
     * (a 3D structure of the molecule, Å), or {@code true} when it is null (the authors' value
     * when their 3D step fails).
     */
    public boolean[] compute(String smiles, Structure geometry) {
        IAtomContainer mol = MoleculeGraphs.withExplicitHydrogens(smiles);
        boolean[] f = new boolean[NAMES.size()];
        int i = 0;
        f[i++] = geometry == null || PointGroupPolarity.polar(geometry);
        AcidBaseSites.Sites s = sites.find(mol);
        f[i++] = s.hasAcid();
        f[i++] = s.hasBase();
        boolean[] present = new boolean[120];
        int charge = 0;
        boolean charged = false;
        for (IAtom a : mol.atoms()) {
            present[a.getAtomicNumber()] = true;
            int q = a.getFormalCharge() == null ? 0 : a.getFormalCharge();
            charge += q;
            charged |= q != 0;
        }
        for (int z : ELEMENTS) {
            f[i++] = present[z];
        }
        f[i++] = any(present, NOBLE::contains);
        f[i++] = any(present, HALOGENS::contains);
        f[i++] = any(present, z -> !NON_METALS.contains(z));
        f[i++] = any(present, z -> NON_METALS.contains(z) && !TWELVE.contains(z) && !NOBLE.contains(z));
        f[i++] = charge > 0;
        f[i++] = charge < 0;
        f[i++] = charged;
        boolean single = false;
        boolean dbl = false;
        boolean triple = false;
        boolean aromatic = false;
        for (IBond b : mol.bonds()) {
            if (b.isAromatic()) {
                aromatic = true;
            } else if (b.getOrder() == IBond.Order.SINGLE) {
                single = true;
            } else if (b.getOrder() == IBond.Order.DOUBLE) {
                dbl = true;
            } else if (b.getOrder() == IBond.Order.TRIPLE) {
                triple = true;
            }
        }
        f[i++] = single;
        f[i++] = dbl;
        f[i++] = triple;
        f[i++] = aromatic;
        f[i++] = dbl || triple || aromatic;
        f[i++] = conjugated(mol);
        RingSearch rings = new RingSearch(mol);
        f[i++] = rings.cyclic().length > 0;
        boolean branch = false;
        for (IAtom a : mol.atoms()) {
            branch |= mol.getConnectedBondsCount(a) >= 3;
        }
        f[i++] = branch;
        f[i++] = rotatable.matches(mol);
        f[i++] = spiro(mol);
        f[i++] = hba.matches(mol);
        f[i++] = hbd.matches(mol);
        for (SmartsPattern g : groups) {
            f[i++] = g.matches(mol);
        }
        return f;
    }

    private interface ZTest {
        boolean test(int z);
    }

    private static boolean any(boolean[] present, ZTest t) {
        for (int z = 1; z < present.length; z++) {
            if (present[z] && t.test(z)) {
                return true;
            }
        }
        return false;
    }

    private static boolean multiple(IBond b) {
        return b.isAromatic() || b.getOrder() == IBond.Order.DOUBLE || b.getOrder() == IBond.Order.TRIPLE;
    }

    /** Whether an atom has a multiple (double, triple or aromatic) bond other than {@code except}. */
    private static boolean hasMultiple(IAtomContainer mol, IAtom a, IBond except) {
        for (IBond b : mol.getConnectedBondsList(a)) {
            if (b != except && multiple(b)) {
                return true;
            }
        }
        return false;
    }

    /** N or O with a lone pair that can join a π system (at most three neighbours). */
    private static boolean lonePairDonor(IAtomContainer mol, IAtom a) {
        int z = a.getAtomicNumber();
        return (z == 7 || z == 8) && mol.getConnectedBondsCount(a) <= 3 && !hasMultiple(mol, a, null);
    }

    /** C, N or O with a multiple bond (a π centre that can conjugate). */
    private static boolean piCentre(IAtomContainer mol, IAtom a) {
        int z = a.getAtomicNumber();
        return (z == 6 || z == 7 || z == 8) && hasMultiple(mol, a, null);
    }

    /**
     * Whether some bond is conjugated: an aromatic bond, or a single bond joining two π centres
     * (C, N or O with a multiple bond), or a π centre and an N or O lone-pair donor. Hypervalent
     * P and S (phosphates, sulfones) and halogens do not conjugate, as in RDKit.
     */
    static boolean conjugated(IAtomContainer mol) {
        for (IBond b : mol.bonds()) {
            if (b.isAromatic()) {
                return true;
            }
            if (b.getOrder() != IBond.Order.SINGLE) {
                continue;
            }
            IAtom u = b.getBegin();
            IAtom v = b.getEnd();
            boolean pu = piCentre(mol, u);
            boolean pv = piCentre(mol, v);
            if (pu && pv || pu && lonePairDonor(mol, v) || pv && lonePairDonor(mol, u)) {
                return true;
            }
        }
        return false;
    }

    /** An atom in two smallest rings that share no bond with each other. */
    private static boolean spiro(IAtomContainer mol) {
        int[][] rings = Cycles.sssr(mol).paths();
        for (int x = 0; x < rings.length; x++) {
            for (int y = x + 1; y < rings.length; y++) {
                int sharedAtoms = 0;
                for (int p = 0; p < rings[x].length - 1; p++) {
                    for (int q = 0; q < rings[y].length - 1; q++) {
                        if (rings[x][p] == rings[y][q]) {
                            sharedAtoms++;
                        }
                    }
                }
                if (sharedAtoms == 1) {
                    return true;
                }
            }
        }
        return false;
    }
}
