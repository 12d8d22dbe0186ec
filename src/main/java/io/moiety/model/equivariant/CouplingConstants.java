package io.moiety.model.equivariant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.HashMap;
import java.util.Map;

/**
 * The packed Clebsch–Gordan matrices of one model as long-lived NDArrays, created once when the
 * model is initialised, in a sub-manager of the parameters' manager (closed with it).
 * Hazard note: a DJL result belongs to its <em>first</em> operand's manager, so callers put batch
 * arrays first ({@code y.matMul(edge)}) or re-home the result ({@code Tensors.home}); otherwise every
 * step would leave its result in this long-lived manager.
 */
final class CouplingConstants {
    private final NDManager manager;
    private final DataType dtype;
    private final Map<String, NDArray> cache = new HashMap<>();

    CouplingConstants(NDManager parent, DataType dtype) {
        this.manager = parent.newSubManager();
        this.dtype = dtype;
    }

    /** {@link CouplingPaths#edgeMatrix()} as {@code [dim2, P·dimOut·dim1]}. */
    synchronized NDArray edge(CouplingPaths p) {
        return cache.computeIfAbsent("edge" + key(p),
                k -> create(p.edgeMatrix(), new Shape(p.dim2(), (long) p.size() * p.dimOut() * p.dim1())));
    }

    /**
     * {@link CouplingPaths#nodeMatrix()} as a sparse COO tensor {@code [P·dimOut, dim1·dim2]} (its index and
     * value arrays stay alive in this manager: a freed source buffer would corrupt the sparse tensor).
     */
    synchronized NDArray sparse(CouplingPaths p) {
        return cache.computeIfAbsent("sparse" + key(p), k -> {
            double[] g = p.nodeMatrix();
            int cols = p.dim1() * p.dim2();
            int nnz = 0;
            for (double v : g) {
                if (v != 0) {
                    nnz++;
                }
            }
            long[] idx = new long[2 * nnz];
            double[] val = new double[nnz];
            int q = 0;
            for (int i = 0; i < g.length; i++) {
                if (g[i] != 0) {
                    idx[q] = i / cols;
                    idx[nnz + q] = i % cols;
                    val[q] = g[i];
                    q++;
                }
            }
            NDArray indices = manager.create(idx, new Shape(2, nnz));
            NDArray values = create(val, new Shape(nnz));
            NDArray m = JniUtils.createSparseCoo((PtNDArray) indices, (PtNDArray) values,
                    new Shape((long) p.size() * p.dimOut(), cols));
            m.attach(manager);
            return m;
        });
    }

    private static String key(CouplingPaths p) {
        return p.lmax1() + "," + p.lmax2() + "," + p.lmaxOut() + "," + p.symmetric();
    }

    private NDArray create(double[] values, Shape shape) {
        NDArray a;
        if (dtype == DataType.FLOAT64) {
            a = manager.create(values, shape);
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            a = manager.create(f, shape);
        }
        return a;
    }

    DataType dtype() {
        return dtype;
    }

    void close() {
        manager.close();
    }
}
