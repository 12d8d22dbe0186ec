package io.moiety.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Descriptor values against RDKit's. Sources: sulfadiazine from a published RDKit
 * {@code CalcMolDescriptors} dump (ExactMolWt 250.05244656, NumValenceElectrons 88, NHOHCount 3,
 * NOCount 6, NumHAcceptors 5, NumHDonors 2, NumHeteroatoms 7, NumRotatableBonds 3, RingCount 2);
 * Ertl TPSA values (ethanol 20.23, acetic acid 37.3, pyridine 12.89, aspirin 63.6); the rest by
 * RDKit's definitions worked by hand (standard atomic weights for HeavyAtomMolWt, the symmetrised
 * SSSR of cubane with six rings). The methane carbon's Gasteiger–Marsili charge, −0.0776 in RDKit,
 * is quoted from memory, not from a source or a run, hence the loose tolerance.
 */
class CdkDescriptorsTest {
    private final CdkDescriptors cdk = new CdkDescriptors();

    private double get(double[] d, String name) {
        return d[CdkDescriptors.NAMES.indexOf(name)];
    }

    @Test
    void sulfadiazineMatchesRdkit() {
        double[] d = cdk.compute("Nc1ccc(S(=O)(=O)Nc2ncccn2)cc1");
        assertEquals(250.05244656, get(d, "ExactMolWt"), 1e-6);
        assertEquals(88, get(d, "NumValenceElectrons"));
        assertEquals(3, get(d, "NHOHCount"));
        assertEquals(6, get(d, "NOCount"));
        assertEquals(5, get(d, "NumHAcceptors"));
        assertEquals(2, get(d, "NumHDonors"));
        assertEquals(7, get(d, "NumHeteroatoms"));
        assertEquals(3, get(d, "NumRotatableBonds"));
        assertEquals(2, get(d, "RingCount"));
        assertEquals(0, get(d, "NumAliphaticRings"));
        // RDKit 240.203 uses S = 32.067; Moiety's table has the IUPAC 32.06
        assertEquals(240.203, get(d, "HeavyAtomMolWt"), 0.01);
    }

    @Test
    void smallMoleculesMatchRdkitDefinitions() {
        double[] ethanol = cdk.compute("CCO");
        assertEquals(46.041865, get(ethanol, "ExactMolWt"), 1e-5);
        assertEquals(2 * 12.011 + 15.999, get(ethanol, "HeavyAtomMolWt"), 1e-9);
        assertEquals(20.23, get(ethanol, "TPSA"), 0.01);
        assertEquals(20, get(ethanol, "NumValenceElectrons"));
        assertEquals(0, get(ethanol, "NumRotatableBonds"), "terminal bonds are not rotatable");
        double[] acetic = cdk.compute("CC(=O)O");
        assertEquals(37.3, get(acetic, "TPSA"), 0.01);
        assertEquals(1, get(acetic, "NumHAcceptors"), "the acid OH next to C=O is no acceptor in RDKit's SMARTS");
        assertEquals(1, get(acetic, "NumHDonors"));
        assertEquals(12.89, get(cdk.compute("c1ccncc1"), "TPSA"), 0.01);
        double[] aspirin = cdk.compute("CC(=O)Oc1ccccc1C(=O)O");
        assertEquals(63.6, get(aspirin, "TPSA"), 0.01);
        assertEquals(3, get(aspirin, "NumHAcceptors"));
        assertEquals(-0.078, get(cdk.compute("C"), "MaxPartialCharge"), 0.002);
    }

    @Test
    void ringClasses() {
        double[] cubane = cdk.compute("C12C3C4C1C5C2C3C45");
        assertEquals(6, get(cubane, "RingCount"), "symmetrised SSSR: all six faces");
        assertEquals(6, get(cubane, "NumSaturatedCarbocycles"));
        double[] benzene = cdk.compute("c1ccccc1");
        assertEquals(1, get(benzene, "RingCount"));
        assertEquals(0, get(benzene, "NumAliphaticRings"));
        double[] oxetanol = cdk.compute("OC1COC1");
        assertEquals(1, get(oxetanol, "NumSaturatedHeterocycles"));
        assertEquals(0, get(oxetanol, "NumAliphaticCarbocycles"));
        double[] cyclohexene = cdk.compute("C1=CCCCC1");
        assertEquals(1, get(cyclohexene, "NumAliphaticCarbocycles"));
        assertEquals(0, get(cyclohexene, "NumSaturatedRings"), "a double bond makes the ring unsaturated");
    }

    @Test
    void logPAndMrAreCdkGhoseCrippen() {
        double[] ethanol = cdk.compute("CCO");
        // ALOGP / AMR (Ghose et al. 1998), not RDKit's Wildman–Crippen (-0.0014, 12.76): close but not equal
        assertEquals(-0.0014, get(ethanol, "MolLogP"), 0.05);
        assertEquals(12.76, get(ethanol, "MolMR"), 0.5);
    }

    @Test
    void disconnectedAndUnreadableSmilesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cdk.compute("NC(=O)N.O=C=O.C=C"));
        assertTrue(e.getMessage().contains("disconnected"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cdk.compute("C1CC"));
    }
}
