package io.moiety.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Segment sums {@code out[t] = Σ_{s: index[s] = t} x[s]} by {@code torch.index_add} through a
 * tiny TorchScript module ({@code io/moiety/model/segment_sum.pt}, built by
 * {@code src/main/python/build_segment_module.py}); DJL exposes no index-add. Twice
 * differentiable (backward = gather, double backward = index-add), and unlike the sparse-matrix
 * product of {@link Segment}'s fallback its backward needs no transposed sparse matrix: about
 * 1 ms less per sum of {@code [6784, 64]} rows (benchmarks/perf.md). One instance per model,
 * closed with it; {@link Segment} uses it when given one.
 */
public final class SegmentSum implements AutoCloseable {
    /** Classpath location of the TorchScript module. */
    public static final String RESOURCE = "/io/moiety/model/segment_sum.pt";

    private final NDManager manager;
    private final PtSymbolBlock module;

    private SegmentSum(NDManager manager, PtSymbolBlock module) {
        this.manager = manager;
        this.module = module;
    }

    /** Loads the module onto {@code parent}'s device; it lives in a sub-manager closed by {@link #close()}. */
    public static SegmentSum load(NDManager parent) {
        NDManager m = parent.newSubManager();
        try (InputStream in = SegmentSum.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " (run src/main/python/build_segment_module.py)");
            }
            PtSymbolBlock block = JniUtils.loadModule((PtNDManager) m, in, true, false);
            JniUtils.enableTrainingMode(block);
            return new SegmentSum(m, block);
        } catch (IOException e) {
            m.close();
            throw new UncheckedIOException("cannot load " + RESOURCE, e);
        }
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
        NDList out = IValueUtils.forward(module, new NDList(x, index, targets), true);
        return Ops.home(out.singletonOrThrow(), home);
    }

    @Override
    public void close() {
        module.close();
        manager.close();
    }
}
