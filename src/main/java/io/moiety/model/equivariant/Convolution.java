package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.CompositeBlock;
import io.moiety.model.nn.Constants;
import io.moiety.model.nn.Dense;
import io.moiety.model.nn.Activations;
import io.moiety.model.nn.Tensors;
import java.util.ArrayList;
import java.util.List;

/**
 * The equivariant convolution of one layer, building MACE's atomic basis
 * {@code A_i = (1/n̄) Σ_j Σ_paths R_path(r_ij) ⊙ (W h_j ⊗ Y(r̂_ij))} (NequIP's convolution):
 * neighbour features after a per-degree linear map are coupled with the edge harmonics through
 * every even-parity path {@code l1 ⊗ l2 → l3} ({@link CouplingPaths}), each path and channel
 * weighted by a radial MLP of the enveloped Bessel features, summed over neighbours (sparse
 * segment sum) and divided by a fixed average neighbour count, then mixed by another per-degree
 * linear map. All paths are one sparse×dense product ({@link SparseCoupling}).
 * The radial MLP has no biases, so with the envelope every message vanishes smoothly at the cutoff.
 */
final class Convolution extends CompositeBlock {
    private final CouplingPaths paths;
    private final int channels;
    private final EquivariantLinear up;
    private final EquivariantLinear down;
    private final List<Dense> radial = new ArrayList<>();
    private final double avgNumNeighbors;

    Convolution(int lmaxIn, int lmax, int channels, int numBessel, int hidden, int hiddenLayers, double avgNumNeighbors) {
        this.paths = CouplingPaths.of(lmaxIn, lmax, lmax, false);
        this.channels = channels;
        this.avgNumNeighbors = avgNumNeighbors;
        up = child("linear_up", new EquivariantLinear(lmaxIn, channels, channels));
        int in = numBessel;
        for (int k = 0; k < hiddenLayers; k++) {
            radial.add(child("radial" + k, new Dense(in, hidden, false)));
            in = hidden;
        }
        Dense last = child("radial" + hiddenLayers, new Dense(in, paths.size() * channels, false));
        last.setInitializer(new NormalInitializer((float) (1 / Math.sqrt(in))), Parameter.Type.WEIGHT);
        radial.add(last);
        down = child("linear_down", new EquivariantLinear(lmax, channels, channels));
    }

    CouplingPaths paths() {
        return paths;
    }

    /**
     * @param h      node features {@code [N, (lmaxIn+1)², C]}
     * @param sh     edge harmonics {@code [E, (lmax+1)²]}
     * @param basis  enveloped radial features {@code [E, numBessel]}
     * @return the atomic basis {@code A [N, (lmax+1)², C]}
     */
    NDArray apply(ParameterStore ps, GraphBatch b, NDArray h, NDArray sh, NDArray basis, CouplingConstants cg,
                  boolean training) {
        Constants c = b.constants();
        long e = b.numEdges();
        int p = paths.size();
        NDArray hu = up.apply(ps, h, training);
        NDArray hs = Tensors.gather(hu, b.edgeSrc(), b.manager());
        NDArray w = basis;
        for (int i = 0; i < radial.size(); i++) {
            w = radial.get(i).apply(ps, w, training);
            if (i < radial.size() - 1) {
                w = Activations.silu(w);
            }
        }
        NDArray msg = SparseCoupling.couple(cg.sparse(paths), paths, hs, sh, w.reshape(e, p, channels), b.manager());
        NDArray a = b.edgesToAtoms().sum(msg).mul(c.scalar(1.0 / avgNumNeighbors));
        return down.apply(ps, a, training);
    }
}
