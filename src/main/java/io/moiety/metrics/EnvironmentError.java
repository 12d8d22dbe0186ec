package io.moiety.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-atom force errors of one split restricted to atoms of one chemical environment.
 *
 * @param environment      label such as {@code C(C,H,H,O)}: element, then its bonded neighbours' elements sorted
 * @param atoms            atom occurrences (atoms × frames) of this environment in the split
 * @param trainingAtoms    atom occurrences (atoms × frames) of this environment in the training frames
 *                         (0 marks a motif the model never saw)
 * @param forceMae         MAE over force components, eV/Å ({@code NaN} for energy-only models)
 * @param forceRmse        RMSE over force components, eV/Å
 * @param forceCosine      mean cosine between predicted and reference force vectors
 */
public record EnvironmentError(String environment, long atoms, long trainingAtoms,
                               double forceMae, double forceRmse, double forceCosine) {

    /** JSON-friendly map (undefined values as null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("atoms", atoms);
        m.put("training_atoms", trainingAtoms);
        m.put("force_mae", finite(forceMae));
        m.put("force_rmse", finite(forceRmse));
        m.put("force_cosine", finite(forceCosine));
        return m;
    }

    /** Inverse of {@link #toMap()}. */
    public static EnvironmentError fromMap(Map<String, ?> m) {
        return new EnvironmentError((String) m.get("environment"), ((Number) m.get("atoms")).longValue(),
                ((Number) m.get("training_atoms")).longValue(), num(m.get("force_mae")),
                num(m.get("force_rmse")), num(m.get("force_cosine")));
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
