package io.moiety.eval.baseline;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.metrics.AtomEnvironments;
import io.moiety.metrics.CovalentBonds;
import io.moiety.model.LeastSquares;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Baseline in the spirit of interactive linear regression: on top of per-element reference
 * energies ({@link ElementReferencePotential}), the residual energy (eV) is
 * <pre>
 *   ΔE = Σ_t n_t c_t  +  Σ_g [g] (b_g + d_g · n_C)  +  Σ_{t,g} n_t [g] c_{t,g}
 * </pre>
 * with {@code n_t} the count of atom-environment type t ({@link AtomEnvironments}, bonds from the
 * frame's geometry), {@code [g]} whether functional group g is present, and {@code n_C} the chain
 * length ({@link StructuralCategories}). Coefficients are fitted by ridge least squares; the ridge
 * strength is picked from a small grid by validation energy MAE. Types and groups never seen in
 * training get no term (the prediction falls back to the element references for them).
 * Energy only: geometry enters only through the bond graph, so forces are not defined.
 */
public final class GroupAdditivityPotential implements Potential {
    /** Name used in suites and tables. */
    public static final String NAME = "group-additivity";
    private static final double[] RIDGE_GRID = {1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1};

    private final ElementReferencePotential elements;
    private final Map<String, Integer> columns;
    private final double[] coefficients;
    private final double ridge;

    private GroupAdditivityPotential(ElementReferencePotential elements, Map<String, Integer> columns,
                                     double[] coefficients, double ridge) {
        this.elements = elements;
        this.columns = columns;
        this.coefficients = coefficients;
        this.ridge = ridge;
    }

    /** Fits to the training frames; the validation frames (may be empty) pick the ridge strength. */
    public static GroupAdditivityPotential fit(List<Frame> train, List<Frame> validation) {
        ElementReferencePotential elements = ElementReferencePotential.fit(train);
        List<Map<String, Double>> trainFeatures = train.stream().map(f -> features(f.structure())).toList();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String key : new TreeSet<>(trainFeatures.stream().flatMap(m -> m.keySet().stream()).toList())) {
            columns.put(key, columns.size());
        }
        double[][] x = design(trainFeatures, columns);
        double[] y = new double[train.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = train.get(i).energy() - elements.energy(train.get(i).structure().atomicNumbers());
        }
        List<Map<String, Double>> valFeatures = validation.stream().map(f -> features(f.structure())).toList();
        GroupAdditivityPotential best = null;
        double bestMae = Double.POSITIVE_INFINITY;
        for (double alpha : RIDGE_GRID) {
            double lambda = alpha * train.size();
            GroupAdditivityPotential candidate = new GroupAdditivityPotential(elements, columns,
                    LeastSquares.solve(x, y, lambda), lambda);
            if (validation.isEmpty()) {
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

    /** Features of one structure: environment counts, group indicators and their interactions. */
    static Map<String, Double> features(Structure s) {
        int[] z = s.atomicNumbers();
        int[][] nb = CovalentBonds.neighbours(s);
        String[] env = AtomEnvironments.labels(z, nb);
        StructuralCategories cat = StructuralCategories.of(z, nb);
        Map<String, Double> f = new LinkedHashMap<>();
        for (String t : env) {
            f.merge("env:" + t, 1.0, Double::sum);
            for (String g : cat.groups()) {
                f.merge("env:" + t + "×" + g, 1.0, Double::sum);
            }
        }
        for (String g : cat.groups()) {
            f.put("group:" + g, 1.0);
            f.put("group:" + g + "×nC", (double) cat.carbons());
        }
        return f;
    }

    private static double[][] design(List<Map<String, Double>> rows, Map<String, Integer> columns) {
        double[][] x = new double[rows.size()][columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (Map.Entry<String, Double> e : rows.get(r).entrySet()) {
                Integer c = columns.get(e.getKey());
                if (c != null) {
                    x[r][c] = e.getValue();
                }
            }
        }
        return x;
    }

    private double energy(Structure s, Map<String, Double> f) {
        double e = elements.energy(s.atomicNumbers());
        for (Map.Entry<String, Double> t : f.entrySet()) {
            Integer c = columns.get(t.getKey());
            if (c != null) {
                e += coefficients[c] * t.getValue();
            }
        }
        return e;
    }

    /** Fitted coefficient (eV) per feature name, e.g. {@code env:C(C,H,H,H)} or {@code group:alcohol×nC}. */
    public Map<String, Double> coefficients() {
        Map<String, Double> m = new LinkedHashMap<>();
        columns.forEach((k, c) -> m.put(k, coefficients[c]));
        return m;
    }

    /** The chosen ridge strength λ (on the normal equations). */
    public double ridge() { return ridge; }

    @Override public String name() { return NAME; }

    @Override public boolean predictsForces() { return false; }

    @Override
    public List<Prediction> predict(List<Frame> frames) {
        List<Prediction> out = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            out.add(new Prediction(energy(f.structure(), features(f.structure())), null));
        }
        return out;
    }
}
