package io.moiety.model.equivariant;

import io.moiety.model.ModelConfig;
import java.util.Set;

/**
 * Hyper-parameters of the tensor-product model ({@code type: tp}) read from a {@link ModelConfig}.
 *
 * @param channels          feature channels per degree {@code l} ({@code channels} key)
 * @param lmax              largest degree of node features, messages and edge harmonics, 0..2 ({@code lmax})
 * @param correlation       body order of the product basis per layer, 1..3 ({@code correlation})
 * @param layers            interaction layers ({@code layers}, default 2)
 * @param numBessel         Bessel radial functions ({@code num_bessel}, default 8)
 * @param envelopeP         exponent of the polynomial cutoff envelope ({@code envelope_p}, default 5)
 * @param radialHidden      width of the radial MLP ({@code radial_hidden}, default 64)
 * @param radialLayers      hidden layers of the radial MLP ({@code radial_layers}, default 3)
 * @param avgNumNeighbors   divisor of the neighbour sum ({@code avg_num_neighbors}, default 8: ethanol
 *                          within 5 Å); a fixed constant so energies never depend on the batch.
 *                          {@code auto} is measured on the training set by {@code moiety train}
 *                          (mean neighbours per atom within the cutoff) and saved as a number
 * @param gate              gated nonlinearity after each non-final layer ({@code gate}, default true)
 * @param readoutHidden     width of the final non-linear readout ({@code readout_hidden}, default 16)
 * @param directForces      add a direct-force head on the l = 1 features ({@code direct_forces},
 *                          default false; needs lmax ≥ 1)
 * @param cutoff            neighbour cutoff, Å
 */
public record TpConfig(int channels, int lmax, int correlation, int layers, int numBessel, int envelopeP,
                       int radialHidden, int radialLayers, double avgNumNeighbors, boolean gate,
                       int readoutHidden, boolean directForces, double cutoff) {

    /** Config key of {@link #avgNumNeighbors()}. */
    public static final String AVG_NUM_NEIGHBORS = "avg_num_neighbors";
    /** The architecture keys of type {@code tp}. */
    public static final Set<String> KEYS = Set.of("channels", "lmax", "correlation", "layers", "num_bessel",
            "envelope_p", "radial_hidden", "radial_layers", AVG_NUM_NEIGHBORS, "gate", "readout_hidden",
            "direct_forces");

    /** Validates and reads the keys of {@code c}. */
    public static TpConfig of(ModelConfig c) {
        if (ModelConfig.AUTO.equals(c.architecture().get(AVG_NUM_NEIGHBORS))) {
            throw new IllegalArgumentException(c.source() + ": field '" + AVG_NUM_NEIGHBORS + "' is 'auto', which"
                    + " `moiety train` measures on the training set; to build this model without training data"
                    + " give a number");
        }
        TpConfig t = new TpConfig(c.integer("channels"), c.integer("lmax", 2), c.integer("correlation", 3),
                c.integer("layers", 2), c.integer("num_bessel", 8), c.integer("envelope_p", 5),
                c.integer("radial_hidden", 64), c.integer("radial_layers", 3), c.number(AVG_NUM_NEIGHBORS, 8.0),
                c.flag("gate", true), c.integer("readout_hidden", 16), c.flag("direct_forces", false), c.cutoff());
        c.require(t.channels >= 1, "channels", "≥ 1", t.channels);
        c.require(t.lmax >= 0 && t.lmax <= SphericalHarmonics.L_MAX, "lmax", "in 0.." + SphericalHarmonics.L_MAX, t.lmax);
        c.require(t.correlation >= 1 && t.correlation <= 3, "correlation", "in 1..3", t.correlation);
        c.require(t.layers >= 1, "layers", "≥ 1", t.layers);
        c.require(t.numBessel >= 1, "num_bessel", "≥ 1", t.numBessel);
        c.require(t.envelopeP >= 2, "envelope_p", "≥ 2", t.envelopeP);
        c.require(t.radialHidden >= 1, "radial_hidden", "≥ 1", t.radialHidden);
        c.require(t.radialLayers >= 1, "radial_layers", "≥ 1", t.radialLayers);
        c.require(t.avgNumNeighbors > 0, AVG_NUM_NEIGHBORS, "> 0", t.avgNumNeighbors);
        c.require(t.readoutHidden >= 1, "readout_hidden", "≥ 1", t.readoutHidden);
        c.require(!t.directForces || t.lmax >= 1, "direct_forces", "false when lmax < 1 (it needs vector features)",
                t.directForces);
        return t;
    }
}
