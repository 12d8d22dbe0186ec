package io.moiety.descriptors;

import io.moiety.chem.Element;
import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.charges.GasteigerMarsiliPartialCharges;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IRing;
import org.openscience.cdk.interfaces.IRingSet;
import org.openscience.cdk.isomorphism.Pattern;
import org.openscience.cdk.qsar.DescriptorValue;
import org.openscience.cdk.qsar.descriptors.molecular.ALOGPDescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.TPSADescriptor;
import org.openscience.cdk.qsar.result.DoubleArrayResult;
import org.openscience.cdk.qsar.result.DoubleResult;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Twenty whole-molecule descriptors of a SMILES string, computed with CDK and named and defined
 * as RDKit's {@code Descriptors} module defines them, so that models and causal graphs read
 * like those of the RDKit-based literature. Masses in u (Da), polar surface area in Å², molar
 * refractivity in cm³/mol, charges in e, the rest counts. Where CDK has no RDKit definition the
 * class ports it (Lipinski counts and the strict rotatable-bond SMARTS of RDKit's documentation,
 * ring classes over the relevant cycles); logP and molar refractivity are CDK's Ghose–Crippen
 * ALOGP and AMR (RDKit uses Wildman–Crippen), see {@code docs/causal.md}.
 *
 * <p>Not thread-safe (it keeps parsed SMARTS patterns and a CDK descriptor instance): use one
 * per thread.
 */
public final class CdkDescriptors {
    /** Descriptor names in output order. */
    public static final List<String> NAMES = List.of(
            "ExactMolWt", "HeavyAtomMolWt", "TPSA", "MolLogP", "MolMR", "NumValenceElectrons",
            "MaxPartialCharge", "NHOHCount", "NOCount", "NumHAcceptors", "NumHDonors", "NumHeteroatoms",
            "NumRotatableBonds", "RingCount", "NumAliphaticCarbocycles", "NumAliphaticHeterocycles",
            "NumAliphaticRings", "NumSaturatedCarbocycles", "NumSaturatedHeterocycles", "NumSaturatedRings");

    /** RDKit's H-bond acceptor SMARTS ({@code rdMolDescriptors.CalcNumHBA}). */
    static final String ACCEPTOR = "[$([O,S;H1;v2]-[!$(*=[O,N,P,S])]),$([O,S;H0;v2]),$([O,S;-]),"
            + "$([N;v3;!$(N-*=!@[O,N,P,S])]),$([nH0,o,s;+0])]";
    /** RDKit's H-bond donor SMARTS ({@code rdMolDescriptors.CalcNumHBD}). */
    static final String DONOR = "[$([N;!H0;v3]),$([N;!H0;+1;v4]),$([O,S;H1;+0]),$([n;H1;+0])]";
    /** One end of RDKit's strict rotatable bond ({@code NumRotatableBonds}, default strict definition). */
    private static final String ROTOR_END = "!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])";
    static final String ROTATABLE = "[" + ROTOR_END + "&!$([CD3](=[N,O,S])-!@[#7,O,S!D1])&!$([#7,O,S!D1]-!@[CD3]=[N,O,S])"
            + "&!$([CD3](=[N+])-!@[#7!D1])&!$([#7!D1]-!@[CD3]=[N+])]-!@[" + ROTOR_END + "]";

    private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    private final Aromaticity aromaticity = new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.all(6)));
    private final Pattern acceptor = SmartsPattern.create(ACCEPTOR);
    private final Pattern donor = SmartsPattern.create(DONOR);
    private final Pattern rotatable = SmartsPattern.create(ROTATABLE);
    private final TPSADescriptor tpsa = new TPSADescriptor();
    private final ALOGPDescriptor alogp;
    private final GasteigerMarsiliPartialCharges gasteiger;

    public CdkDescriptors() {
        try {
            alogp = new ALOGPDescriptor();
            gasteiger = new GasteigerMarsiliPartialCharges();
        } catch (Exception e) {
            throw new IllegalStateException("CDK ALOGP or Gasteiger-Marsili charges unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * The {@link #NAMES} descriptors of one connected molecule; an unreadable or disconnected
     * SMILES (a {@code .}) is an {@link IllegalArgumentException} saying why.
     */
    public double[] compute(String smiles) {
        IAtomContainer mol = parse(smiles);
        double[] d = new double[NAMES.size()];
        d[0] = AtomContainerManipulator.getMass(mol, AtomContainerManipulator.MonoIsotopic);
        double heavyMass = 0;
        int valence = 0;
        int nhoh = 0;
        int no = 0;
        int hetero = 0;
        for (IAtom a : mol.atoms()) {
            int z = a.getAtomicNumber();
            int h = hydrogens(a);
            Element e = element(z, smiles);
            if (z != 1) {
                heavyMass += e.mass();
            }
            valence += outerElectrons(z) - formalCharge(a) + h;
            if (z == 7 || z == 8) {
                nhoh += h;
                no++;
            }
            if (z != 1 && z != 6) {
                hetero++;
            }
        }
        d[1] = heavyMass;
        d[2] = ((DoubleResult) tpsa.calculate(mol).getValue()).doubleValue();
        IAtomContainer explicit = withExplicitHydrogens(mol, smiles);
        DescriptorValue ghose = alogp.calculate(explicit);
        if (ghose.getException() != null) {
            throw new IllegalArgumentException("SMILES '" + smiles + "': ALOGP failed: " + ghose.getException().getMessage());
        }
        DoubleArrayResult logp = (DoubleArrayResult) ghose.getValue();
        d[3] = logp.get(0);
        d[4] = logp.get(2);
        d[5] = valence;
        d[6] = maxPartialCharge(explicit, smiles);
        d[7] = nhoh;
        d[8] = no;
        d[9] = acceptor.matchAll(mol).uniqueAtoms().count();
        d[10] = donor.matchAll(mol).uniqueAtoms().count();
        d[11] = hetero;
        d[12] = rotatable.matchAll(mol).uniqueAtoms().count();
        ringCounts(mol, d, 13);
        return d;
    }

    private IAtomContainer parse(String smiles) {
        if (smiles == null || smiles.isBlank()) {
            throw new IllegalArgumentException("empty SMILES");
        }
        IAtomContainer mol;
        try {
            mol = parser.parseSmiles(smiles.strip());
        } catch (CDKException e) {
            throw new IllegalArgumentException("unreadable SMILES '" + smiles + "': " + e.getMessage(), e);
        }
        if (!ConnectivityChecker.isConnected(mol)) {
            throw new IllegalArgumentException("SMILES '" + smiles + "' is disconnected (several molecules)");
        }
        try {
            AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(mol);
            aromaticity.apply(mol);
        } catch (CDKException e) {
            throw new IllegalArgumentException("SMILES '" + smiles + "': atom typing or aromaticity failed: " + e.getMessage(), e);
        }
        return mol;
    }

    private static IAtomContainer withExplicitHydrogens(IAtomContainer mol, String smiles) {
        try {
            IAtomContainer copy = mol.clone();
            AtomContainerManipulator.convertImplicitToExplicitHydrogens(copy);
            AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(copy);
            return copy;
        } catch (CloneNotSupportedException | CDKException e) {
            throw new IllegalArgumentException("SMILES '" + smiles + "': cannot add explicit hydrogens: " + e.getMessage(), e);
        }
    }

    /** Largest Gasteiger–Marsili charge (e) on a heavy atom, as RDKit's {@code MaxPartialCharge}. */
    private double maxPartialCharge(IAtomContainer explicit, String smiles) {
        try {
            IAtomContainer copy = explicit.clone();
            gasteiger.assignGasteigerMarsiliSigmaPartialCharges(copy, true);
            double max = Double.NEGATIVE_INFINITY;
            for (IAtom a : copy.atoms()) {
                if (a.getAtomicNumber() != 1) {
                    max = Math.max(max, a.getCharge());
                }
            }
            return max;
        } catch (Exception e) {
            throw new IllegalArgumentException("SMILES '" + smiles + "': Gasteiger charges failed: " + e.getMessage(), e);
        }
    }

    /**
     * RDKit's ring classes over the relevant cycles (the union of all smallest sets of smallest
     * rings, RDKit's "symmetrised SSSR"): ring count, then aliphatic carbo-/hetero-/all rings
     * (at least one non-aromatic bond), then saturated ones (all bonds single, none aromatic).
     */
    private static void ringCounts(IAtomContainer mol, double[] d, int at) {
        IRingSet rings;
        try {
            rings = Cycles.relevant(mol).toRingSet();
        } catch (RuntimeException e) {
            rings = Cycles.sssr(mol).toRingSet();
        }
        int aliphaticCarbo = 0, aliphaticHetero = 0, aliphatic = 0, saturatedCarbo = 0, saturatedHetero = 0, saturated = 0;
        for (int r = 0; r < rings.getAtomContainerCount(); r++) {
            IRing ring = (IRing) rings.getAtomContainer(r);
            boolean anyNonAromatic = false;
            boolean allSingle = true;
            for (IBond b : ring.bonds()) {
                anyNonAromatic |= !b.isAromatic();
                allSingle &= !b.isAromatic() && b.getOrder() == IBond.Order.SINGLE;
            }
            boolean carbo = true;
            for (IAtom a : ring.atoms()) {
                carbo &= a.getAtomicNumber() == 6;
            }
            if (anyNonAromatic) {
                aliphatic++;
                if (carbo) aliphaticCarbo++; else aliphaticHetero++;
            }
            if (allSingle) {
                saturated++;
                if (carbo) saturatedCarbo++; else saturatedHetero++;
            }
        }
        d[at] = rings.getAtomContainerCount();
        d[at + 1] = aliphaticCarbo;
        d[at + 2] = aliphaticHetero;
        d[at + 3] = aliphatic;
        d[at + 4] = saturatedCarbo;
        d[at + 5] = saturatedHetero;
        d[at + 6] = saturated;
    }

    private static int hydrogens(IAtom a) {
        int h = a.getImplicitHydrogenCount() == null ? 0 : a.getImplicitHydrogenCount();
        for (IAtom n : a.getContainer().getConnectedAtomsList(a)) {
            if (n.getAtomicNumber() == 1) {
                h++;
            }
        }
        return h;
    }

    private static int formalCharge(IAtom a) {
        return a.getFormalCharge() == null ? 0 : a.getFormalCharge();
    }

    private static Element element(int z, String smiles) {
        if (!Element.isKnown(z)) {
            throw new IllegalArgumentException("SMILES '" + smiles + "': element Z=" + z + " is not supported");
        }
        return Element.ofZ(z);
    }

    /** Valence-shell electrons of a neutral main-group atom (H–Ar, Br, I). */
    static int outerElectrons(int z) {
        if (z <= 2) {
            return z;
        }
        if (z <= 10) {
            return z - 2;
        }
        if (z <= 18) {
            return z - 10;
        }
        if (z == 35 || z == 53) {
            return 7;
        }
        throw new IllegalArgumentException("no valence-electron count for Z=" + z);
    }

    /** Names and values side by side, for messages and tests. */
    public static List<String> describe(double[] values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            out.add(NAMES.get(i) + "=" + values[i]);
        }
        return out;
    }
}
