package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Segment sums {@code out[t] = Σ_{s: index[s] = t} x[s]} by {@code torch.index_add} through a
 * tiny TorchScript module ({@code io/moiety/model/segment_sum.pt}, built by
 * {@code src/main/python/build_segment_module.py}); DJL exposes no index-add. Twice
 * differentiable (backward = gather, double backward = index-add), and unlike the sparse-matrix
 * product of {@link SegmentSum}'s fallback its backward needs no transposed sparse matrix, which
 * makes it the faster of the two (benchmarks/perf.md). One instance per model,
 * closed with it; {@link SegmentSum} uses it when given one.
 */
public final class IndexAddKernel implements AutoCloseable {
    /** Classpath location of the TorchScript module. */
    public static final String RESOURCE = "/io/moiety/model/segment_sum.pt";

    private final ScriptModule module;

    private IndexAddKernel(ScriptModule module) {
        this.module = module;
    }

    /** Loads the module onto {@code parent}'s device; it lives in a sub-manager closed by {@link #close()}. */
    public static IndexAddKernel load(NDManager parent) {
        return new IndexAddKernel(ScriptModule.load(parent, RESOURCE, "src/main/python/build_segment_module.py"));
    }

    /**
     * Sums rows of {@code x [S, ...]} into {@code [targets, ...]}; differentiable (twice).
     *
     * @param x       rows to sum
     * @param index   int64 {@code [S]}, target of each row, values in {@code [0, targets)}
     * @param targets 0-d int64 array holding the number of segments
     * @param home    manager the result is attached to (the batch manager)
     */
    public NDArray sum(NDArray x, NDArray index, NDArray targets, NDManager home) {
        NDList out = module.forward(new NDList(x, index, targets));
        return Tensors.home(out.singletonOrThrow(), home);
    }

    @Override
    public void close() {
        module.close();
    }
}
