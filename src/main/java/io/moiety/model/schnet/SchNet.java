package io.moiety.model.schnet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.moiety.model.AtomOutputs;
import io.moiety.model.AtomisticModel;
import io.moiety.model.ModelConfig;
import io.moiety.model.ModelFactory;
import io.moiety.model.graph.EdgePairs;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.CompositeBlock;
import io.moiety.model.nn.Constants;
import io.moiety.model.nn.Dense;
import io.moiety.model.nn.Embedding;
import io.moiety.model.nn.Activations;
import io.moiety.model.nn.RadialFunctions;
import io.moiety.model.nn.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SchNet (Schütt et al., J. Chem. Phys. 148, 241722, 2018): element embedding, interaction
 * blocks with continuous-filter convolutions over Gaussian radial features with a cosine cutoff,
 * shifted-softplus activations and an atom-wise MLP giving per-atom energies.
 * Config keys: see {@link SchNetConfig}.
 * <p>
 * The radial features and filters depend on the edge length only, so they are evaluated once
 * per unordered atom pair ({@link EdgePairs}) and shared by both directions: the same function
 * as per-edge evaluation with half the filter-network work.
 */
public final class SchNet extends CompositeBlock implements AtomisticModel {
    private final ModelConfig config;
    private final int features;
    private final int rbf;
    private final Embedding embedding;
    private final List<Interaction> interactions = new ArrayList<>();
    private final Dense out1;
    private final Dense out2;

    /** Registry entry for type {@code schnet}. */
    public static final class Factory implements ModelFactory {
        @Override public String type() { return "schnet"; }

        @Override public Set<String> keys() { return SchNetConfig.KEYS; }

        @Override public AtomisticModel create(ModelConfig config) { return new SchNet(config); }
    }

    /** One interaction block: cfconv (in2f → filter × neighbour features → sum) → f2out → residual. */
    static final class Interaction extends CompositeBlock {
        final Dense in2f;
        final Dense filter1;
        final Dense filter2;
        final Dense f2out1;
        final Dense f2out2;

        Interaction(int features, int filters, int rbf) {
            in2f = child("in2f", new Dense(features, filters, false));
            filter1 = child("filter1", new Dense(rbf, filters, true));
            filter2 = child("filter2", new Dense(filters, filters, true));
            f2out1 = child("f2out1", new Dense(filters, features, true));
            f2out2 = child("f2out2", new Dense(features, features, true));
        }

        /**
         * One interaction on pair-ordered edges: the filter {@code W(r)·f_cut(r)} depends on the
         * length only, so it is computed once per pair ({@code radial [P, rbf]}, {@code fcut [P]})
         * and multiplies both directions of the pair ({@code [2, P, F]} messages).
         */
        NDArray apply(ParameterStore ps, GraphBatch b, EdgePairs pairs, NDArray x, NDArray radial, NDArray fcut,
                      boolean training) {
            Constants c = b.constants();
            int p = pairs.count();
            NDArray w = filter2.apply(ps, Activations.shiftedSoftplus(filter1.apply(ps, radial, training), c), training);
            w = w.mul(fcut.expandDims(1));                                    // [P, F]
            NDArray h = in2f.apply(ps, x, training);
            long f = h.getShape().get(1);
            NDArray msg = Tensors.gather(h, pairs.ends(), b.manager()).reshape(2, p, f).mul(w); // both directions
            NDArray agg = pairs.toAtoms().sum(msg.reshape(2L * p, f));
            NDArray v = f2out2.apply(ps, Activations.shiftedSoftplus(f2out1.apply(ps, agg, training), c), training);
            return x.add(v);
        }
    }

    /** A SchNet with the sizes of {@code config}. */
    public SchNet(ModelConfig config) {
        this.config = config;
        SchNetConfig s = SchNetConfig.of(config);
        features = s.features();
        rbf = s.rbf();
        embedding = child("embedding", new Embedding(features));
        for (int i = 0; i < s.interactions(); i++) {
            interactions.add(child("interaction" + i, new Interaction(features, s.filters(), rbf)));
        }
        out1 = child("out1", new Dense(features, features / 2, true));
        out2 = child("out2", new Dense(features / 2, 1, true));
    }

    @Override public ModelConfig config() { return config; }

    @Override public Block block() { return this; }

    @Override
    public AtomOutputs forward(GraphBatch b, ParameterStore ps, boolean training) {
        Constants c = b.constants();
        EdgePairs pairs = b.edgePairs();
        NDArray r = pairs.lengths();                                          // [P]: one per unordered pair
        NDArray radial = RadialFunctions.gaussianRbf(r, rbf, b.cutoff(), c);
        NDArray fcut = RadialFunctions.cosineCutoff(r, b.cutoff(), c);
        NDArray x = embedding.apply(ps, b.atomicNumbers(), b.manager(), training);
        for (Interaction block : interactions) {
            x = block.apply(ps, b, pairs, x, radial, fcut, training);
        }
        NDArray e = out2.apply(ps, Activations.shiftedSoftplus(out1.apply(ps, x, training), c), training);
        return new AtomOutputs(e.reshape(b.numAtoms()), null);
    }
}
