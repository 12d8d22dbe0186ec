package io.moiety.model.painn;

import io.moiety.model.ModelConfig;
import java.util.Set;

/**
 * Hyper-parameters of PaiNN ({@code type: painn}) read from a {@link ModelConfig}.
 *
 * @param features     scalar and vector feature width ({@code features}, required, ≥ 2)
 * @param interactions message + update blocks ({@code interactions}, required, ≥ 1)
 * @param rbf          sinc radial basis functions ({@code rbf}, default 20)
 * @param directForces add the gated-equivariant direct-force head ({@code direct_forces}, default false)
 */
public record PaiNNConfig(int features, int interactions, int rbf, boolean directForces) {

    /** The architecture keys of type {@code painn}. */
    public static final Set<String> KEYS = Set.of("features", "interactions", "rbf", "direct_forces");

    /** Validates and reads the keys of {@code c}. */
    public static PaiNNConfig of(ModelConfig c) {
        PaiNNConfig p = new PaiNNConfig(c.integer("features"), c.integer("interactions"), c.integer("rbf", 20),
                c.flag("direct_forces", false));
        c.require(p.features >= 2, "features", "≥ 2", p.features);
        c.require(p.interactions >= 1, "interactions", "≥ 1", p.interactions);
        c.require(p.rbf >= 1, "rbf", "≥ 1", p.rbf);
        return p;
    }
}
