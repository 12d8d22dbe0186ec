package io.moiety.model;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    @Test
    void recoversCoefficientsOfANoiselessLinearModel() {
        Random rnd = new Random(7);
        double[] truth = {-13.6, -1025.3, -2035.6};
        double[][] x = new double[50][3];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rnd.nextInt(8);
                y[i] += x[i][j] * truth[j];
            }
        }
        double[] w = LeastSquares.solve(x, y, 0);
        assertArrayEquals(truth, w, 1e-6);
    }

    @Test
    void unseenColumnGetsZeroInsteadOfSingularFailure() {
        double[][] x = {{1, 0}, {2, 0}, {3, 0}};
        double[] y = {2, 4, 6};
        double[] w = LeastSquares.solve(x, y, 0);
        assertEquals(2.0, w[0], 1e-9);
        assertEquals(0.0, w[1], 1e-9);
    }

    @Test
    void leavesTheCallersOpenMpSettingsAlone() {
        // ND4J raises the OpenMP thread count of its calling thread, which libtorch shares; on a
        // thread that trains, that made every PyTorch step 10–30× slower on 2 cores.
        Engine.getInstance();
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            LeastSquares.solve(new double[][] {{1, 0}, {1, 1}, {2, 1}}, new double[] {1, 2, 3}, 0);
            LeastSquares.inverse(new double[][] {{2, 0}, {0, 4}});
            assertEquals(1, JniUtils.getNumThreads(), "PyTorch intra-op threads changed by ND4J");
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    @Test
    void failuresOnTheSolverThreadReachTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.solve(new double[][] {{1}}, new double[] {1, 2}, 0));
    }
}
