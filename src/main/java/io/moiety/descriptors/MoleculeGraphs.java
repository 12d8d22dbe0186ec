package io.moiety.descriptors;

import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * CDK molecules for the descriptor code: parsed from SMILES, hydrogens made explicit atoms
 * (heavy atoms keep their SMILES order, hydrogens follow) and aromaticity
 * set with the Daylight model on all cycles.
 */
public final class MoleculeGraphs {
    private MoleculeGraphs() {}

    /** Parses {@code smiles} with explicit hydrogens; an {@link IllegalArgumentException} names the problem. */
    public static IAtomContainer withExplicitHydrogens(String smiles) {
        IAtomContainer mol;
        try {
            mol = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles.strip());
        } catch (InvalidSmilesException e) {
            throw new IllegalArgumentException("invalid SMILES '" + smiles + "': " + e.getMessage(), e);
        }
        try {
            AtomContainerManipulator.convertImplicitToExplicitHydrogens(mol);
            new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.all(6))).apply(mol);
        } catch (CDKException e) {
            throw new IllegalArgumentException("SMILES '" + smiles + "': " + e.getMessage(), e);
        }
        return mol;
    }
}
