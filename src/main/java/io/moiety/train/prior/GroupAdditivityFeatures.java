package io.moiety.train.prior;

import io.moiety.chem.StructuralCategories;
import io.moiety.chem.Structure;
import io.moiety.metrics.AtomEnvironments;
import io.moiety.metrics.CovalentBonds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Features of the group-additivity energy model, in the spirit of interactive linear regression:
 * counts {@code n_t} of atom-environment types ({@link AtomEnvironments}, bonds from the
 * structure's geometry), indicators {@code [g]} of functional groups and their products with the
 * chain length {@code n_C} ({@link StructuralCategories}), and the environment–group interactions
 * {@code n_t [g]}. Named {@code env:C(C,H,H,H)}, {@code group:alcohol}, {@code group:alcohol×nC},
 * {@code env:C(C,H,H,O)×alcohol}.
 */
public final class GroupAdditivityFeatures {
    private GroupAdditivityFeatures() {}

    /** The features of one structure (dimensionless counts and indicators). */
    public static Map<String, Double> of(Structure s) {
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
}
