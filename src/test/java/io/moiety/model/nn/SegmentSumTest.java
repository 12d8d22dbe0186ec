package io.moiety.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The index-add kernel against the sparse-product segment sum: values, first and second derivatives. */
class SegmentSumTest {

    @Test
    void kernelMatchesSparseProductWithDerivatives() {
        int[] target = {2, 0, 2, 1, 4, 0, 2};
        double[] xv = new double[target.length * 6];
        for (int i = 0; i < xv.length; i++) {
            xv[i] = Math.cos(0.9 * i + 0.2);
        }
        try (NDManager m = NDManager.newBaseManager(); IndexAddKernel kernel = IndexAddKernel.load(m);
             ForceGrad grad = ForceGrad.load(m); GradMode g = GradMode.enabled()) {
            Constants c = new Constants(m, DataType.FLOAT64);
            SegmentSum[] segments = {new SegmentSum(m, target, 5, DataType.FLOAT64), new SegmentSum(m, target, 5, DataType.FLOAT64, kernel)};
            for (int call = 0; call < 4; call++) { // past TorchScript's profiling runs, where the executor may re-optimise
                double[][] results = new double[2][];
                double[][] firsts = new double[2][];
                double[][] seconds = new double[2][];
                for (int k = 0; k < 2; k++) {
                    NDArray x = c.array(xv, new Shape(target.length, 2, 3));
                    x.setRequiresGradient(true);
                    NDArray y = segments[k].sum(x);
                    results[k] = y.toDoubleArray();
                    // first derivative of Σ y³ kept differentiable, then the derivative of its square sum
                    NDArray d1 = grad.forces(y.mul(y).mul(y), x, true);
                    firsts[k] = d1.toDoubleArray();
                    seconds[k] = grad.forces(d1.square(), x, false).toDoubleArray();
                }
                assertArrayEquals(results[0], results[1], 1e-13, "values, call " + call);
                assertArrayEquals(firsts[0], firsts[1], 1e-12, "first derivative, call " + call);
                assertArrayEquals(seconds[0], seconds[1], 1e-11, "second derivative, call " + call);
            }
            assertArrayEquals(new long[] {5, 2, 3}, segments[1].sum(c.array(xv, new Shape(target.length, 2, 3))).getShape().getShape());
        }
    }
}
