package io.moiety.model.painn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
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
 * PaiNN (Schütt, Unke, Gastegger, ICML 2021): scalar features {@code s [N,F]} and vector
 * features {@code v [N,3,F]}, alternating message blocks (filters from a sinc radial basis with a
 * cosine cutoff) and update blocks (scalar–vector mixing through norms and inner products),
 * an atom-wise MLP for per-atom energies and, optionally ({@code direct_forces: true}), a gated
 * equivariant block predicting force vectors directly (non-conservative, for comparison).
 * Config keys: see {@link PaiNNConfig}.
 * Radial filters depend on the edge length only and are computed once per unordered atom pair
 * ({@link EdgePairs}), shared by both directions (same function, half the filter work).
 */
public final class PaiNN extends CompositeBlock implements AtomisticModel {
    private static final double EPS = 1e-8;

    private final ModelConfig config;
    private final int features;
    private final int rbf;
    private final Embedding embedding;
    private final List<Message> messages = new ArrayList<>();
    private final List<Update> updates = new ArrayList<>();
    private final Dense out1;
    private final Dense out2;
    private final GatedEquivariant forceHead;

    /** Registry entry for type {@code painn}. */
    public static final class Factory implements ModelFactory {
        @Override public String type() { return "painn"; }

        @Override public Set<String> keys() { return PaiNNConfig.KEYS; }

        @Override public AtomisticModel create(ModelConfig config) { return new PaiNN(config); }
    }

    /** Message block: equivariant messages from neighbours, eq. (7)–(8) of the paper. */
    static final class Message extends CompositeBlock {
        final int f;
        final Dense phi1;
        final Dense phi2;
        final Dense filter;

        Message(int f, int rbf) {
            this.f = f;
            phi1 = child("phi1", new Dense(f, f, true));
            phi2 = child("phi2", new Dense(f, 3 * f, true));
            filter = child("filter", new Dense(rbf, 3 * f, true));
        }

        /**
         * Messages on pair-ordered edges ({@link EdgePairs}): the filter {@code W(r)·f_cut(r)}
         * ({@code radial [P, rbf]}, {@code fcut [P]}) is computed once per pair and used by both
         * directions; {@code unit [2P, 3]} holds each row's direction (opposite for the reverse half).
         */
        NDArray[] apply(ParameterStore ps, GraphBatch b, EdgePairs pairs, NDArray s, NDArray v, NDArray radial,
                        NDArray fcut, NDArray unit, boolean training) {
            int p = pairs.count();
            NDArray phi = phi2.apply(ps, Activations.silu(phi1.apply(ps, s, training)), training);
            NDArray w = filter.apply(ps, radial, training).mul(fcut.expandDims(1));         // [P, 3F]
            NDArray x = Tensors.gather(phi, pairs.ends(), b.manager()).reshape(2, p, 3L * f).mul(w).reshape(2L * p, 3L * f);
            NDList parts = x.split(3, 1);
            NDArray ds = pairs.toAtoms().sum(parts.get(0));
            NDArray vj = Tensors.gather(v, pairs.ends(), b.manager());
            NDArray dvEdge = vj.mul(parts.get(1).expandDims(1)).add(parts.get(2).expandDims(1).mul(unit.expandDims(2)));
            NDArray dv = pairs.toAtoms().sum(dvEdge);
            return new NDArray[] {s.add(ds), v.add(dv)};
        }
    }

    /** Update block: per-atom scalar–vector mixing, eq. (9)–(11). */
    static final class Update extends CompositeBlock {
        final Dense u;
        final Dense vmat;
        final Dense a1;
        final Dense a2;

        Update(int f) {
            u = child("U", new Dense(f, f, false));
            vmat = child("V", new Dense(f, f, false));
            a1 = child("a1", new Dense(2 * f, f, true));
            a2 = child("a2", new Dense(f, 3 * f, true));
        }

        NDArray[] apply(ParameterStore ps, GraphBatch b, NDArray s, NDArray v, boolean training) {
            Constants c = b.constants();
            NDArray uv = u.apply(ps, v, training);
            NDArray vv = vmat.apply(ps, v, training);
            NDArray vnorm = Tensors.norm(vv, 1, EPS, c);
            NDArray a = a2.apply(ps, Activations.silu(a1.apply(ps, s.concat(vnorm, 1), training)), training);
            NDList parts = a.split(3, 1);
            NDArray dv = parts.get(0).expandDims(1).mul(uv);
            NDArray dot = uv.mul(vv).sum(new int[] {1});
            NDArray ds = parts.get(1).mul(dot).add(parts.get(2));
            return new NDArray[] {s.add(ds), v.add(dv)};
        }
    }

    /** Gated equivariant block producing one vector per atom (the direct-force head). */
    static final class GatedEquivariant extends CompositeBlock {
        final Dense w1;
        final Dense w2;
        final Dense g1;
        final Dense g2;

        GatedEquivariant(int f) {
            int h = Math.max(1, f / 2);
            w1 = child("W1", new Dense(f, h, false));
            w2 = child("W2", new Dense(f, 1, false));
            g1 = child("gate1", new Dense(f + h, h, true));
            g2 = child("gate2", new Dense(h, 1, true));
        }

        NDArray apply(ParameterStore ps, GraphBatch b, NDArray s, NDArray v, boolean training) {
            NDArray n1 = Tensors.norm(w1.apply(ps, v, training), 1, EPS, b.constants());
            NDArray gate = g2.apply(ps, Activations.silu(g1.apply(ps, s.concat(n1, 1), training)), training);
            NDArray vec = w2.apply(ps, v, training).reshape(new Shape(b.numAtoms(), 3));
            return vec.mul(gate);
        }
    }

    /** A PaiNN with the sizes of {@code config}. */
    public PaiNN(ModelConfig config) {
        this.config = config;
        PaiNNConfig p = PaiNNConfig.of(config);
        features = p.features();
        rbf = p.rbf();
        embedding = child("embedding", new Embedding(features));
        for (int i = 0; i < p.interactions(); i++) {
            messages.add(child("message" + i, new Message(features, rbf)));
            updates.add(child("update" + i, new Update(features)));
        }
        out1 = child("out1", new Dense(features, features / 2, true));
        out2 = child("out2", new Dense(features / 2, 1, true));
        forceHead = p.directForces() ? child("force_head", new GatedEquivariant(features)) : null;
    }

    @Override public ModelConfig config() { return config; }

    @Override public Block block() { return this; }

    @Override public boolean hasDirectForces() { return forceHead != null; }

    @Override
    public AtomOutputs forward(GraphBatch b, ParameterStore ps, boolean training) {
        Constants c = b.constants();
        EdgePairs pairs = b.edgePairs();
        NDArray r = pairs.lengths();                                          // [P]: one per unordered pair
        NDArray radial = RadialFunctions.sincRbf(r, rbf, b.cutoff(), c);
        NDArray fcut = RadialFunctions.cosineCutoff(r, b.cutoff(), c);
        NDArray unitPair = pairs.vectors().div(r.expandDims(1));
        NDArray unit = unitPair.concat(unitPair.neg(), 0);                    // [2P, 3]: reverse half points back
        NDArray s = embedding.apply(ps, b.atomicNumbers(), b.manager(), training);
        NDArray v = c.zeros(new Shape(b.numAtoms(), 3, features));
        for (int i = 0; i < messages.size(); i++) {
            NDArray[] sv = messages.get(i).apply(ps, b, pairs, s, v, radial, fcut, unit, training);
            sv = updates.get(i).apply(ps, b, sv[0], sv[1], training);
            s = sv[0];
            v = sv[1];
        }
        NDArray e = out2.apply(ps, Activations.silu(out1.apply(ps, s, training)), training).reshape(b.numAtoms());
        NDArray f = forceHead == null ? null : forceHead.apply(ps, b, s, v, training);
        return new AtomOutputs(e, f);
    }
}
