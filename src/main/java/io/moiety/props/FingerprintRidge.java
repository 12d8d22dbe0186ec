package io.moiety.props;

import io.moiety.descriptors.PropertyTable;
import java.util.BitSet;
import java.util.List;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.fingerprint.CircularFingerprinter;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * The structure-only baseline ("fingerprint"): no quantum descriptors, only CDK ECFP4 circular
 * fingerprints (2048 bits) and kernel ridge regression with the Tanimoto kernel on the
 * standardised target (ddof = 0), α chosen by 5-fold cross-validation inside the training set
 * over {10⁻³ … 1}. It stands for the conventional structure-based learning the paper compares
 * against.
 */
public final class FingerprintRidge implements PropertyModel {
    static final int BITS = 2048;

    @Override
    public String name() {
        return "fingerprint";
    }

    /** ECFP4 bit vectors (as 0/1 rows) of the molecules of {@code table}. */
    static double[][] fingerprints(PropertyTable table) {
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        CircularFingerprinter fp = new CircularFingerprinter(CircularFingerprinter.CLASS_ECFP4, BITS);
        double[][] out = new double[table.size()][BITS];
        for (int i = 0; i < table.size(); i++) {
            try {
                IAtomContainer mol = parser.parseSmiles(table.smiles().get(i));
                BitSet bits = fp.getBitFingerprint(mol).asBitSet();
                for (int b = bits.nextSetBit(0); b >= 0; b = bits.nextSetBit(b + 1)) {
                    out[i][b] = 1;
                }
            } catch (CDKException e) {
                throw new IllegalArgumentException(table.file() + ":" + table.lines()[i]
                        + ": no fingerprint for '" + table.smiles().get(i) + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public Fitted fit(PropertyTable train, long seed) {
        double[][] x = fingerprints(train);
        Standardization ys = Standardization.ofVector(train.target(), 0);
        double[] y = ys.applyToVector(train.target());
        KernelRidge.Choice c = KernelRidge.select(g -> Kernel.tanimoto(), x, y, KernelRidgeRegression.ALPHAS,
                List.of(0.0), 5, seed);
        KernelRidge krr = KernelRidge.fit(Kernel.tanimoto(), x, y, c.alpha());
        return molecules -> ys.invertVector(krr.predict(fingerprints(molecules)));
    }
}
