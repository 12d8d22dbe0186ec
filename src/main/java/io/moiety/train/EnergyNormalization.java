package io.moiety.train;

import io.moiety.data.Frame;
import io.moiety.model.EnergyHead;
import io.moiety.model.Normalisation;
import io.moiety.model.ReferenceEnergies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checkpointed form of a model's {@link EnergyHead}: per-element reference energies (eV;
 * least squares on the training energies, or isolated-atom energies from a file) and the per-atom
 * shift (eV/atom) and scale (RMS training force component, eV/Å) of the remaining energy.
 *
 * @param referenceEnergies element Z → reference energy (eV)
 * @param shift             mean per-atom energy left after the references (eV/atom)
 * @param scale             factor on the network's normalised per-atom outputs
 * @param source            {@code least-squares} or the isolated-atoms file
 */
public record EnergyNormalization(Map<Integer, Double> referenceEnergies, double shift, double scale,
                                  String source) {

    public EnergyNormalization {
        referenceEnergies = Map.copyOf(new TreeMap<>(referenceEnergies));
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("energy scale must be positive and finite, got " + scale);
        }
    }

    /**
     * Fits the statistics on training frames.
     *
     * @param train         training frames with energies (and forces for the scale)
     * @param isolatedAtoms file of single-atom frames giving the reference energies, or null to fit
     *                      them by least squares on {@code train}
     */
    public static EnergyNormalization fit(List<Frame> train, Path isolatedAtoms) throws IOException {
        ReferenceEnergies refs;
        String source;
        if (isolatedAtoms != null) {
            refs = ReferenceEnergies.fromIsolatedAtoms(isolatedAtoms);
            source = isolatedAtoms.toString();
            for (Frame f : train) {
                for (int z : f.structure().atomicNumbers()) {
                    if (!refs.asMap().containsKey(z)) {
                        throw new IllegalArgumentException(isolatedAtoms + ": no isolated-atom energy for element Z="
                                + z + " (present in the training data)");
                    }
                }
            }
        } else {
            refs = ReferenceEnergies.of(fitReferences(train));
            source = "least-squares";
        }
        Normalisation n = Normalisation.fit(train, refs);
        return new EnergyNormalization(refs.asMap(), n.shift(), n.scale(), source);
    }

    /**
     * Least-squares reference energies {@code E ≈ Σ_Z n_Z·E_ref(Z)} over the labelled frames, solved
     * through the normal equations in plain Java (Gaussian elimination with partial pivoting; a
     * jitter of 1e-12 of the mean diagonal makes collinear element counts, e.g. a single
     * composition, give the minimum-norm-like solution). Deliberately not ND4J
     * ({@code model.LeastSquares}): once ND4J's OpenMP threads start they busy-wait and make every
     * later PyTorch step in the same JVM several times slower (measured in benchmarks/equivariant.md).
     */
    static Map<Integer, Double> fitReferences(List<Frame> frames) {
        TreeMap<Integer, Integer> column = new TreeMap<>();
        for (Frame f : frames) {
            if (f.hasEnergy()) {
                for (int z : f.structure().atomicNumbers()) {
                    column.putIfAbsent(z, 0);
                }
            }
        }
        if (column.isEmpty()) {
            throw new IllegalArgumentException("no training frame has an energy: cannot fit reference energies");
        }
        int k = 0;
        for (Map.Entry<Integer, Integer> e : column.entrySet()) {
            e.setValue(k++);
        }
        double[][] a = new double[k][k + 1];
        for (Frame f : frames) {
            if (!f.hasEnergy()) {
                continue;
            }
            double[] n = new double[k];
            for (int z : f.structure().atomicNumbers()) {
                n[column.get(z)] += 1;
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] += n[i] * n[j];
                }
                a[i][k] += n[i] * f.energy();
            }
        }
        double trace = 0;
        for (int i = 0; i < k; i++) {
            trace += a[i][i];
        }
        for (int i = 0; i < k; i++) {
            a[i][i] += 1e-12 * Math.max(trace / k, 1.0);
        }
        double[] w = solve(a, k);
        Map<Integer, Double> refs = new TreeMap<>();
        column.forEach((z, c) -> refs.put(z, w[c]));
        return refs;
    }

    /** Solves the augmented system {@code a = [A | b]} ({@code k × (k+1)}) in place. */
    private static double[] solve(double[][] a, int k) {
        for (int c = 0; c < k; c++) {
            int p = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = c + 1; r < k; r++) {
                double m = a[r][c] / a[c][c];
                for (int j = c; j <= k; j++) {
                    a[r][j] -= m * a[c][j];
                }
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = a[r][k];
            for (int j = r + 1; j < k; j++) {
                s -= a[r][j] * x[j];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    /** The model head these statistics describe. */
    public EnergyHead toHead() {
        return new EnergyHead(ReferenceEnergies.of(referenceEnergies), new Normalisation(shift, scale));
    }
}
