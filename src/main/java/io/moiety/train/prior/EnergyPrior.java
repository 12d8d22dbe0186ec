package io.moiety.train.prior;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.model.LeastSquares;
import io.moiety.model.ReferenceEnergies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A fitted linear chemistry energy model (eV), the prior of Δ-learning and the linear baselines:
 * <pre>
 *   E = Σ_Z n_Z e_Z  +  Σ_k c_k f_k(structure)
 * </pre>
 * with per-element references {@code e_Z} (minimum-norm least squares on the training energies, or
 * isolated-atom energies corrected by least squares along the compositions the training set
 * determines: {@link ReferenceEnergies#anchored}) and coefficients {@code c_k} of the kind's features
 * ({@link PriorKind#features}) fitted by ridge least squares to what the references leave; the
 * ridge strength is picked from a small grid by validation energy MAE. Features never seen in
 * training get no term. Energy only: geometry enters through the bond graph, so the prior has no
 * forces. Immutable; stored in checkpoints (JSON) so that a trained Δ-model predicts the same
 * after reloading.
 *
 * @param kind            {@link PriorKind#key()}
 * @param elementEnergies e_Z per atomic number, eV
 * @param elementSource   where e_Z came from: {@code least-squares}, or {@code anchored at } and the isolated-atom source
 * @param coefficients    c_k per feature name, eV
 * @param ridge           the chosen ridge strength λ (on the normal equations)
 */
public record EnergyPrior(String kind, Map<Integer, Double> elementEnergies, String elementSource,
                          Map<String, Double> coefficients, double ridge) {
    private static final double[] RIDGE_GRID = {1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1};

    public EnergyPrior {
        PriorKind.of(kind);
        // sorted, so that checkpoints list them in the same order every time
        elementEnergies = Collections.unmodifiableMap(new TreeMap<>(elementEnergies));
        coefficients = Collections.unmodifiableMap(new TreeMap<>(coefficients));
    }

    /** The kind as an enum. */
    public PriorKind priorKind() {
        return PriorKind.of(kind);
    }

    /**
     * Fits a prior on training frames with energies.
     *
     * @param kind       which features
     * @param train      training frames
     * @param validation frames that pick the ridge strength (may be empty: the smallest is taken)
     * @param isolated   isolated-atom energies to anchor the element part at, or null to fit it by
     *                   least squares. Anchored, not taken as they are: with raw isolated-atom
     *                   references the feature coefficients would have to carry the whole atomization
     *                   energy (eV per group), and wherever the training set ties two features
     *                   together that large split extrapolates to tens of eV on a molecule that
     *                   unties them; anchored, the coefficients only fit what the references leave
     * @param source     where {@code isolated} came from, for the record (ignored without them)
     */
    public static EnergyPrior fit(PriorKind kind, List<Frame> train, List<Frame> validation,
                                  ReferenceEnergies isolated, String source) {
        if (kind == PriorKind.NONE) {
            throw new IllegalArgumentException("prior 'none' has nothing to fit");
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training frames to fit the " + kind.key() + " prior");
        }
        ReferenceEnergies refs = isolated != null ? ReferenceEnergies.anchored(train, isolated)
                : ReferenceEnergies.fitMinimumNorm(train);
        String refSource = isolated != null ? "anchored at " + source : "least-squares";
        List<Map<String, Double>> trainFeatures = train.stream().map(f -> kind.features(f.structure())).toList();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String key : new TreeSet<>(trainFeatures.stream().flatMap(m -> m.keySet().stream()).toList())) {
            columns.put(key, columns.size());
        }
        double[][] x = new double[train.size()][columns.size()];
        double[] y = new double[train.size()];
        for (int r = 0; r < train.size(); r++) {
            for (Map.Entry<String, Double> e : trainFeatures.get(r).entrySet()) {
                x[r][columns.get(e.getKey())] = e.getValue();
            }
            Frame f = train.get(r);
            y[r] = f.energy() - refs.total(f.structure().atomicNumbers());
        }
        List<Map<String, Double>> valFeatures = validation.stream().map(f -> kind.features(f.structure())).toList();
        EnergyPrior best = null;
        double bestMae = Double.POSITIVE_INFINITY;
        for (double alpha : RIDGE_GRID) {
            double lambda = alpha * train.size();
            double[] w = columns.isEmpty() ? new double[0] : LeastSquares.solve(x, y, lambda);
            Map<String, Double> coef = new LinkedHashMap<>();
            columns.forEach((k, c) -> coef.put(k, w[c]));
            EnergyPrior candidate = new EnergyPrior(kind.key(), refs.asMap(), refSource, coef, lambda);
            if (validation.isEmpty() || columns.isEmpty()) {
                return candidate;
            }
            double mae = 0;
            for (int i = 0; i < validation.size(); i++) {
                Frame f = validation.get(i);
                mae += Math.abs(candidate.energy(f.structure(), valFeatures.get(i)) - f.energy());
            }
            mae /= validation.size();
            if (mae < bestMae) {
                bestMae = mae;
                best = candidate;
            }
        }
        return best;
    }

    /** The prior energy of a structure, eV. */
    public double energy(Structure s) {
        return energy(s, priorKind().features(s));
    }

    private double energy(Structure s, Map<String, Double> features) {
        double e = 0;
        for (int z : s.atomicNumbers()) {
            e += elementEnergies.getOrDefault(z, 0.0);
        }
        for (Map.Entry<String, Double> t : features.entrySet()) {
            Double c = coefficients.get(t.getKey());
            if (c != null) {
                e += c * t.getValue();
            }
        }
        return e;
    }

    /**
     * The frames with what the prior leaves of their energy, {@code E − E_prior} (eV); forces and
     * info unchanged (the prior has no forces). Unlabelled energies stay NaN.
     */
    public List<Frame> residuals(List<Frame> frames) {
        List<Frame> out = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            out.add(new Frame(f.structure(), f.energy() - energy(f.structure()), f.forces(), f.info()));
        }
        return out;
    }
}
