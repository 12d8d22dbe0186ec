package io.moiety.train;

import io.moiety.data.Frame;
import io.moiety.model.LeastSquares;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the network does not have to learn: per-element reference energies (eV per atom of that
 * element, fitted by least squares on the training energies or taken from isolated-atom
 * calculations), and a per-atom shift (eV) and scale (eV, used for energies; forces scale with it
 * per Å) of the remaining interaction energy, from the training data.
 *
 * @param referenceEnergies element Z → reference energy (eV)
 * @param shift             mean per-atom energy left after the references (eV/atom)
 * @param scale             root-mean-square force component (eV/Å) of the training set; the
 *                          network's per-atom outputs are multiplied by it (falls back to the
 *                          standard deviation of the per-atom residual energy, then 1)
 * @param source            {@code least-squares} or the isolated-atoms file name
 */
public record EnergyNormalization(Map<Integer, Double> referenceEnergies, double shift, double scale,
                                  String source) {

    public EnergyNormalization {
        referenceEnergies = Map.copyOf(new TreeMap<>(referenceEnergies));
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("energy scale must be positive and finite, got " + scale);
        }
    }

    /** Ridge strength of the reference-energy fit (eV²); tiny, so only collinear columns are affected. */
    private static final double RIDGE = 1e-8;

    /** Fits reference energies by least squares on the frames' total energies, then shift and scale. */
    public static EnergyNormalization fit(List<Frame> frames) {
        List<Frame> labelled = frames.stream().filter(Frame::hasEnergy).toList();
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("no training frame has an energy: cannot fit reference energies");
        }
        int[] elements = elements(labelled);
        double[][] x = new double[labelled.size()][elements.length];
        double[] y = new double[labelled.size()];
        for (int i = 0; i < labelled.size(); i++) {
            Frame f = labelled.get(i);
            for (int z : f.structure().atomicNumbers()) {
                x[i][java.util.Arrays.binarySearch(elements, z)] += 1;
            }
            y[i] = f.energy();
        }
        double[] w = LeastSquares.solve(x, y, RIDGE);
        Map<Integer, Double> refs = new TreeMap<>();
        for (int j = 0; j < elements.length; j++) {
            refs.put(elements[j], w[j]);
        }
        return withStatistics(refs, frames, "least-squares");
    }

    /** Uses given reference energies (e.g. isolated atoms) and fits only shift and scale. */
    public static EnergyNormalization withReferences(Map<Integer, Double> refs, List<Frame> frames, String source) {
        for (int z : elements(frames)) {
            if (!refs.containsKey(z)) {
                throw new IllegalArgumentException("no reference energy for element Z=" + z + " in " + source);
            }
        }
        return withStatistics(refs, frames, source);
    }

    private static EnergyNormalization withStatistics(Map<Integer, Double> refs, List<Frame> frames, String source) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        double forceSq = 0;
        long forceCount = 0;
        for (Frame f : frames) {
            if (f.hasEnergy()) {
                double r = (f.energy() - reference(refs, f)) / f.size();
                sum += r;
                sumSq += r * r;
                n++;
            }
            if (f.hasForces()) {
                for (double c : f.forces()) {
                    forceSq += c * c;
                }
                forceCount += f.forces().length;
            }
        }
        double shift = n == 0 ? 0 : sum / n;
        double scale = forceCount > 0 ? Math.sqrt(forceSq / forceCount) : 0;
        if (!(scale > 1e-12) && n > 1) {
            scale = Math.sqrt(Math.max(0, sumSq / n - shift * shift));
        }
        if (!(scale > 1e-12)) {
            scale = 1.0;
        }
        return new EnergyNormalization(refs, shift, scale, source);
    }

    /** Sum of the reference energies of a frame's atoms (eV). */
    public double reference(Frame f) {
        return reference(referenceEnergies, f);
    }

    private static double reference(Map<Integer, Double> refs, Frame f) {
        double e = 0;
        for (int z : f.structure().atomicNumbers()) {
            Double r = refs.get(z);
            if (r == null) {
                throw new IllegalArgumentException("no reference energy for element Z=" + z);
            }
            e += r;
        }
        return e;
    }

    private static int[] elements(List<Frame> frames) {
        TreeSet<Integer> zs = new TreeSet<>();
        for (Frame f : frames) {
            for (int z : f.structure().atomicNumbers()) {
                zs.add(z);
            }
        }
        return zs.stream().mapToInt(Integer::intValue).toArray();
    }
}
