package io.moiety.model.equivariant;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sparse DJL tensor product equals the per-path sum written out in plain Java. */
class SparseCouplingTest {

    private static double[] random(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    @Test
    void sparseProductEqualsThePerPathSum() {
        Random rnd = new Random(8);
        int n = 3;
        int c = 2;
        for (boolean channelFree : new boolean[] {false, true}) {
            CouplingPaths cp = CouplingPaths.of(2, 2, 2, false);
            int p = cp.size();
            double[] x = random(rnd, n * 9 * c);
            double[] y = random(rnd, channelFree ? n * 9 : n * 9 * c);
            double[] w = random(rnd, n * p * c);
            double[][][][] t = cp.tensor();
            try (NDManager m = NDManager.newBaseManager()) {
                CouplingConstants cg = new CouplingConstants(m, DataType.FLOAT64);
                NDArray out;
                try (NDManager step = m.newSubManager()) {
                    NDArray xa = step.create(x, new Shape(n, 9, c));
                    NDArray ya = channelFree ? step.create(y, new Shape(n, 9)) : step.create(y, new Shape(n, 9, c));
                    NDArray wa = step.create(w, new Shape(n, p, c));
                    out = SparseCoupling.couple(cg.sparse(cp), cp, xa, ya, wa, step);
                    assertSame(step, out.getManager(), "result lives in the step manager");
                    double[] got = out.toDoubleArray();
                    for (int i = 0; i < n; i++) {
                        for (int o = 0; o < 9; o++) {
                            for (int ch = 0; ch < c; ch++) {
                                double want = 0;
                                for (int q = 0; q < p; q++) {
                                    for (int a = 0; a < 9; a++) {
                                        for (int b = 0; b < 9; b++) {
                                            double yb = channelFree ? y[i * 9 + b] : y[(i * 9 + b) * c + ch];
                                            want += w[(i * p + q) * c + ch] * t[q][a][b][o] * x[(i * 9 + a) * c + ch] * yb;
                                        }
                                    }
                                }
                                assertEquals(want, got[(i * 9 + o) * c + ch], 1e-12, "atom " + i + " component " + o);
                            }
                        }
                    }
                }
                cg.close();
            }
        }
    }
}
