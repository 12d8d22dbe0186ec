package io.moiety.model.schnet;

import io.moiety.model.ModelConfig;
import java.util.Set;

/**
 * Hyper-parameters of SchNet ({@code type: schnet}) read from a {@link ModelConfig}.
 *
 * @param features     atom feature and hidden width ({@code features}, required, ≥ 2)
 * @param interactions interaction blocks ({@code interactions}, required, ≥ 1)
 * @param rbf          Gaussian radial basis functions on [0, cutoff] ({@code rbf}, default 25)
 * @param filters      continuous-filter width ({@code filters}, default {@code features})
 */
public record SchNetConfig(int features, int interactions, int rbf, int filters) {

    /** The architecture keys of type {@code schnet}. */
    public static final Set<String> KEYS = Set.of("features", "interactions", "rbf", "filters");

    /** Validates and reads the keys of {@code c}. */
    public static SchNetConfig of(ModelConfig c) {
        int features = c.integer("features");
        SchNetConfig s = new SchNetConfig(features, c.integer("interactions"), c.integer("rbf", 25),
                c.integer("filters", features));
        c.require(s.features >= 2, "features", "≥ 2", s.features);
        c.require(s.interactions >= 1, "interactions", "≥ 1", s.interactions);
        c.require(s.rbf >= 1, "rbf", "≥ 1", s.rbf);
        c.require(s.filters >= 1, "filters", "≥ 1", s.filters);
        return s;
    }
}
