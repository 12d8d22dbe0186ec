package io.moiety.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Each primitive against its formula evaluated in plain Java (float64). */
class NetworkFunctionsTest {
    private static final double[] R = {0.7, 1.3, 2.9, 3.99, 4.2};

    @Test
    void radialFunctionsMatchTheirFormulas() {
        try (NDManager m = NDManager.newBaseManager()) {
            Constants c = new Constants(m, DataType.FLOAT64);
            NDArray r = c.vector(R);
            double rc = 4.0;
            double[] cos = RadialFunctions.cosineCutoff(r, rc, c).toDoubleArray();
            double[] poly = RadialFunctions.polynomialCutoff(r, rc, 6, c).toDoubleArray();
            double[] gauss = RadialFunctions.gaussianRbf(r, 5, rc, c).toDoubleArray();
            double[] ssp = Activations.shiftedSoftplus(c.vector(new double[] {-2, 0, 3}), c).toDoubleArray();
            for (int i = 0; i < R.length; i++) {
                double x = R[i] / rc;
                assertEquals(R[i] < rc ? 0.5 * (Math.cos(Math.PI * x) + 1) : 0, cos[i], 1e-14);
                double env = 1 - 28 * Math.pow(x, 6) + 48 * Math.pow(x, 7) - 21 * Math.pow(x, 8);
                assertEquals(R[i] < rc ? env : 0, poly[i], 1e-12);
                for (int k = 0; k < 5; k++) {
                    double mu = k * rc / 4;
                    assertEquals(Math.exp(-(R[i] - mu) * (R[i] - mu) / (2 * 1.0)), gauss[5 * i + k], 1e-14);
                }
            }
            double[] z = {-2, 0, 3};
            for (int i = 0; i < 3; i++) {
                assertEquals(Math.log(1 + Math.exp(z[i])) - Math.log(2), ssp[i], 1e-14);
            }
            org.junit.jupiter.api.Assertions.assertTrue(poly[3] > 0 && poly[3] < 1e-6, "envelope just inside the cutoff: " + poly[3]);
        }
    }

    @Test
    void segmentSumAndGatherMatchLoops() {
        try (NDManager m = NDManager.newBaseManager()) {
            Constants c = new Constants(m, DataType.FLOAT64);
            int[] target = {2, 0, 2, 1, 2, 0};
            double[] x = new double[6 * 4];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.sin(i + 1);
            }
            SegmentSum seg = new SegmentSum(m, target, 4, DataType.FLOAT64);
            double[] got = seg.sum(c.array(x, new Shape(6, 2, 2))).toDoubleArray();
            double[] want = new double[4 * 4];
            for (int s = 0; s < 6; s++) {
                for (int f = 0; f < 4; f++) {
                    want[4 * target[s] + f] += x[4 * s + f];
                }
            }
            assertArrayEquals(want, got, 1e-14);
            NDArray idx = m.create(new long[] {3, 3, 0});
            double[] g = Tensors.gather(c.array(x, new Shape(6, 4)), idx, m).toDoubleArray();
            assertArrayEquals(new double[] {x[12], x[13], x[14], x[15], x[12], x[13], x[14], x[15], x[0], x[1], x[2], x[3]}, g, 0.0);
        }
    }
}
