package io.moiety.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points for parity plots of one split: every frame's energy per atom (eV/atom; minus a
 * composition-dependent offset such as per-element reference energies, see {@link ErrorAccumulator}) and a
 * deterministic random subset of force components (eV/Å), reference against prediction.
 * Force arrays are empty for energy-only models.
 */
public record ParitySample(double[] energyReference, double[] energyPredicted,
                           double[] forceReference, double[] forcePredicted) {

    /** JSON-friendly map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy_per_atom_reference", energyReference);
        m.put("energy_per_atom_predicted", energyPredicted);
        m.put("force_reference", forceReference);
        m.put("force_predicted", forcePredicted);
        return m;
    }

    /** Inverse of {@link #toMap()}. */
    public static ParitySample fromMap(Map<String, ?> m) {
        return new ParitySample(arr(m.get("energy_per_atom_reference")), arr(m.get("energy_per_atom_predicted")),
                arr(m.get("force_reference")), arr(m.get("force_predicted")));
    }

    private static double[] arr(Object o) {
        if (o == null) {
            return new double[0];
        }
        List<?> list = (List<?>) o;
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            Object v = list.get(i);
            a[i] = v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return a;
    }
}
