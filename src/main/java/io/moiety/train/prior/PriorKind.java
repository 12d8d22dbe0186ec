package io.moiety.train.prior;

import io.moiety.chem.Structure;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/** The chemistry priors a network can learn the residual of ({@code training.prior}). */
public enum PriorKind {
    /** No prior: the network learns the whole energy. */
    NONE("none", s -> Map.of()),
    /** Per-element references plus the group-additivity model ({@link GroupAdditivityFeatures}). */
    GROUP_ADDITIVITY("group-additivity", GroupAdditivityFeatures::of),
    /** Per-element references plus bond increments ({@link BondIncrementFeatures}). */
    BOND_INCREMENT("bond-increment", BondIncrementFeatures::of);

    private final String key;
    private final Function<Structure, Map<String, Double>> features;

    PriorKind(String key, Function<Structure, Map<String, Double>> features) {
        this.key = key;
        this.features = features;
    }

    /** The name in configs, suites and checkpoints. */
    public String key() { return key; }

    /** The prior's features of one structure, by name. */
    public Map<String, Double> features(Structure s) {
        return features.apply(s);
    }

    /** The kind named {@code key}; the error lists the valid names. */
    public static PriorKind of(String key) {
        for (PriorKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown prior '" + key + "'; valid: "
                + String.join(", ", Arrays.stream(values()).map(PriorKind::key).toList()));
    }
}
