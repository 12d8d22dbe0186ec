package io.moiety.descriptors;

import java.util.BitSet;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.fingerprint.CircularFingerprinter;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Tanimoto similarity of ECFP4 fingerprints (circular, radius 2, folded to 1,024 bits), the
 * Morgan fingerprint of RDKit's {@code GetMorganFingerprintAsBitVect(mol, 2, 1024)} that the
 * published design step uses; CDK's atom invariants differ from RDKit's in detail, so single
 * bits differ while similarities agree closely. Not thread-safe: one per thread.
 */
public final class MorganSimilarity {
    private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    private final CircularFingerprinter fingerprinter = new CircularFingerprinter(CircularFingerprinter.CLASS_ECFP4, 1024);

    /** The folded fingerprint of a SMILES; an unreadable SMILES is an {@link IllegalArgumentException}. */
    public BitSet fingerprint(String smiles) {
        try {
            IAtomContainer mol = parser.parseSmiles(smiles);
            return fingerprinter.getBitFingerprint(mol).asBitSet();
        } catch (CDKException e) {
            throw new IllegalArgumentException("no fingerprint for SMILES '" + smiles + "': " + e.getMessage(), e);
        }
    }

    /** |a ∩ b| / |a ∪ b| (1 for two empty fingerprints). */
    public static double tanimoto(BitSet a, BitSet b) {
        BitSet and = (BitSet) a.clone();
        and.and(b);
        BitSet or = (BitSet) a.clone();
        or.or(b);
        return or.isEmpty() ? 1.0 : and.cardinality() / (double) or.cardinality();
    }

    /** Similarity of two SMILES. */
    public double similarity(String a, String b) {
        return tanimoto(fingerprint(a), fingerprint(b));
    }
}
