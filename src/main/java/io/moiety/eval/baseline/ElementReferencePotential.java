package io.moiety.eval.baseline;

import io.moiety.chem.Element;
import io.moiety.data.Frame;
import io.moiety.model.LeastSquares;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Baseline: the energy of a configuration is the sum of one fitted reference energy (eV) per
 * element, {@code E = Σ_Z n_Z e_Z}, least squares over the training frames. Geometry is ignored,
 * so it predicts no forces. Elements never seen in training contribute 0 eV.
 */
public final class ElementReferencePotential implements Potential {
    /** Name used in suites and tables. */
    public static final String NAME = "element-reference";

    private final Map<Integer, Double> references;

    private ElementReferencePotential(Map<Integer, Double> references) {
        this.references = Collections.unmodifiableMap(new TreeMap<>(references));
    }

    /** Fits the reference energies to the training frames' total energies. */
    public static ElementReferencePotential fit(List<Frame> train) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training frames to fit element reference energies");
        }
        List<Integer> elements = new ArrayList<>(new TreeSet<>(
                train.stream().flatMapToInt(f -> Arrays.stream(f.structure().atomicNumbers())).boxed().toList()));
        double[][] x = new double[train.size()][elements.size()];
        double[] y = new double[train.size()];
        for (int r = 0; r < train.size(); r++) {
            for (int z : train.get(r).structure().atomicNumbers()) {
                x[r][elements.indexOf(z)]++;
            }
            y[r] = train.get(r).energy();
        }
        double[] w = solveStable(x, y);
        Map<Integer, Double> refs = new TreeMap<>();
        for (int i = 0; i < elements.size(); i++) {
            refs.put(elements.get(i), w[i]);
        }
        return new ElementReferencePotential(refs);
    }

    /**
     * Minimum-norm least squares by iterated Tikhonov regularisation: a tiny ridge (relative to
     * the matrix scale) makes each solve well posed, and re-solving for the residual removes the
     * ridge's bias in every direction the data determine, while directions the data do not
     * determine (e.g. H vs C when every training molecule is CnH2nO2) stay at zero. Converges to
     * the pseudo-inverse solution.
     */
    static double[] solveStable(double[][] x, double[] y) {
        int cols = x.length == 0 ? 1 : Math.max(1, x[0].length);
        double diag = 0;
        for (double[] row : x) {
            for (double v : row) {
                diag += v * v;
            }
        }
        double lambda = 1e-8 * diag / cols;
        double[] w = new double[cols];
        double[] r = y.clone();
        for (int it = 0; it < 20; it++) {
            double[] dw = LeastSquares.solve(x, r, lambda);
            double change = 0, norm = 0;
            for (int j = 0; j < cols; j++) {
                w[j] += dw[j];
                change = Math.max(change, Math.abs(dw[j]));
                norm = Math.max(norm, Math.abs(w[j]));
            }
            for (int i = 0; i < x.length; i++) {
                double p = 0;
                for (int j = 0; j < cols; j++) {
                    p += x[i][j] * w[j];
                }
                r[i] = y[i] - p;
            }
            if (change <= 1e-12 * Math.max(1, norm)) {
                break;
            }
        }
        return w;
    }

    /** Reference energy (eV) per atomic number. */
    public Map<Integer, Double> references() { return references; }

    /** Sum of reference energies of the atoms (eV). */
    public double energy(int[] atomicNumbers) {
        double e = 0;
        for (int z : atomicNumbers) {
            e += references.getOrDefault(z, 0.0);
        }
        return e;
    }

    @Override public String name() { return NAME; }

    @Override public boolean predictsForces() { return false; }

    @Override
    public List<Prediction> predict(List<Frame> frames) {
        List<Prediction> out = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            out.add(new Prediction(energy(f.structure().atomicNumbers()), null));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(NAME).append('{');
        references.forEach((z, e) -> sb.append(Element.ofZ(z).symbol()).append('=').append(String.format("%.4f", e)).append(' '));
        return sb.append('}').toString();
    }
}
