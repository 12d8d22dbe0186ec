package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import io.moiety.chem.Structure;
import io.moiety.model.AtomOutputs;
import io.moiety.model.AtomisticModel;
import io.moiety.model.ModelConfig;
import io.moiety.model.ModelFactory;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.graph.NeighbourList;
import io.moiety.model.nn.CompositeBlock;
import io.moiety.model.nn.Constants;
import io.moiety.model.nn.Dense;
import io.moiety.model.nn.Embedding;
import io.moiety.model.nn.Activations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Equivariant tensor-product potential of the NequIP/MACE family ({@code type: tp}).
 * Node features are packed irreps {@code [N, (L+1)², C]} (degrees {@code 0..L ≤ 2}, natural parity).
 * Per layer: {@link Convolution} (edge harmonics ⊗ neighbour features, radial-MLP path weights,
 * segment sum → atomic basis {@code A}), {@link SymmetricProduct} (element-dependent products of
 * {@code A} up to correlation 3 → {@code B}), per-degree linear update plus a residual linear map
 * of the previous features, a {@link Gate} (not after the last layer) and an invariant readout of
 * the scalars; the per-atom energy is the sum of all layers' readouts (linear for inner layers,
 * a small SiLU MLP for the last), in normalised units. The last layer only produces scalars.
 * Energies are invariant and forces equivariant under rotations, reflections, translations
 * and permutations. See {@code docs/equivariant.md}.
 */
public final class TensorProductModel extends CompositeBlock implements AtomisticModel {
    private final ModelConfig config;
    private final TpConfig tp;
    private final Embedding embedding;
    private final List<Convolution> convolutions = new ArrayList<>();
    private final List<SymmetricProduct> products = new ArrayList<>();
    private final List<EquivariantLinear> updates = new ArrayList<>();
    private final List<EquivariantLinear> skips = new ArrayList<>();
    private final List<Gate> gates = new ArrayList<>();
    private final List<Dense> readouts = new ArrayList<>();
    private final Dense readoutOut;
    private final Dense directForces;
    private CouplingConstants cg;

    /** Registry entry for type {@code tp}. */
    public static final class Factory implements ModelFactory {
        @Override public String type() { return "tp"; }

        @Override public Set<String> keys() { return TpConfig.KEYS; }

        @Override public AtomisticModel create(ModelConfig config) { return new TensorProductModel(config); }

        /** {@code avg_num_neighbors: auto} → the training set's mean neighbour count within the cutoff. */
        @Override public ModelConfig resolveAuto(ModelConfig config, List<Structure> training) {
            if (!ModelConfig.AUTO.equals(config.architecture().get(TpConfig.AVG_NUM_NEIGHBORS))) {
                return config;
            }
            double n = NeighbourList.meanNeighbours(training, config.cutoff());
            if (!(n > 0)) {
                throw new IllegalArgumentException(config.source() + ": field '" + TpConfig.AVG_NUM_NEIGHBORS
                        + "': auto found no atom of the training set with a neighbour within " + config.cutoff()
                        + " Å; give a number");
            }
            // four decimals, rounded half up: the value the checkpoint's YAML shows is the one trained with
            return config.with(TpConfig.AVG_NUM_NEIGHBORS,
                    BigDecimal.valueOf(n).setScale(4, RoundingMode.HALF_UP).doubleValue());
        }
    }

    /** A model with the sizes of {@code config} (see {@link TpConfig} for the keys). */
    public TensorProductModel(ModelConfig config) {
        this.config = config;
        this.tp = TpConfig.of(config);
        int c = tp.channels();
        int lmax = tp.lmax();
        embedding = child("embedding", new Embedding(c));
        embedding.setInitializer(new NormalInitializer(1f), Parameter.Type.WEIGHT);
        for (int t = 0; t < tp.layers(); t++) {
            boolean last = t == tp.layers() - 1;
            int lIn = t == 0 ? 0 : lmax;
            int lOut = last ? 0 : lmax;
            convolutions.add(child("conv" + t, new Convolution(lIn, lmax, c, tp.numBessel(), tp.radialHidden(),
                    tp.radialLayers(), tp.avgNumNeighbors())));
            products.add(child("product" + t, new SymmetricProduct(lmax, lOut, tp.correlation(), c)));
            updates.add(child("update" + t, new EquivariantLinear(lOut, c, c)));
            skips.add(t == 0 ? null : child("skip" + t, new EquivariantLinear(lOut, c, c)));
            gates.add(last || !tp.gate() ? null : child("gate" + t, new Gate(lOut, c)));
            readouts.add(child("readout" + t, new Dense(c, last ? tp.readoutHidden() : 1, last)));
        }
        readoutOut = child("readout_out", new Dense(tp.readoutHidden(), 1, true));
        directForces = tp.directForces() ? child("direct_forces", new Dense(c, 1, false)) : null;
    }

    @Override public ModelConfig config() { return config; }

    @Override public Block block() { return this; }

    @Override public boolean hasDirectForces() { return directForces != null; }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initializeChildBlocks(manager, dataType, inputShapes);
        if (cg != null) {
            cg.close();
        }
        cg = new CouplingConstants(manager, dataType);
    }

    @Override
    public AtomOutputs forward(GraphBatch b, ParameterStore ps, boolean training) {
        if (cg == null) {
            throw new IllegalStateException("model not initialised (EnergyModel.create or load initialises it)");
        }
        if (cg.dtype() != b.dtype()) {
            throw new IllegalArgumentException("batch dtype " + b.dtype() + " differs from the model's " + cg.dtype());
        }
        Constants c = b.constants();
        long n = b.numAtoms();
        int ch = tp.channels();
        NDArray r = b.edgeLengths();
        NDArray sh = EdgeHarmonics.of(b.edgeVectors(), r, tp.lmax(), c);
        NDArray basis = RadialBasis.features(r, tp.numBessel(), tp.cutoff(), tp.envelopeP(), c);
        NDArray h = embedding.apply(ps, b.atomicNumbers(), b.manager(), training).reshape(n, 1, ch);
        NDArray energy = null;
        NDArray lastA = null;
        for (int t = 0; t < tp.layers(); t++) {
            NDArray a = convolutions.get(t).apply(ps, b, h, sh, basis, cg, training);
            lastA = a;
            NDArray bb = products.get(t).apply(ps, b, a, cg, training);
            NDArray next = updates.get(t).apply(ps, bb, training);
            if (gates.get(t) != null) {
                next = gates.get(t).apply(ps, next, training);
            }
            if (skips.get(t) != null) {
                next = next.add(skips.get(t).apply(ps, h, training));
            }
            h = next;
            NDArray scalars = h.get(":, 0, :");
            NDArray e = readouts.get(t).apply(ps, scalars, training);
            if (t == tp.layers() - 1) {
                e = readoutOut.apply(ps, Activations.silu(e), training);
            }
            energy = energy == null ? e : energy.add(e);
        }
        NDArray forces = null;
        if (directForces != null) {
            // l = 1 block of the last atomic basis, (y, z, x) order → (x, y, z)
            NDArray v = directForces.apply(ps, lastA.get(":, 1:4, :"), training).reshape(n, 3);
            double[] perm = {0, 1, 0, 0, 0, 1, 1, 0, 0};
            forces = v.matMul(c.array(perm, new Shape(3, 3)));
        }
        return new AtomOutputs(energy.reshape(n), forces);
    }
}
