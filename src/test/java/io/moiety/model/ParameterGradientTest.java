package io.moiety.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import io.moiety.chem.Structure;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.Constants;
import io.moiety.model.nn.GradMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gradient of an energy + force loss w.r.t. the parameters (which needs the second
 * derivative through the force module) equals central finite differences — with garbage
 * collections forced between forward and backward. A scalar overload ({@code mul(Number)} etc.)
 * anywhere on the graph makes autograd read a freed Java buffer after such a GC, and this
 * comparison then fails.
 */
class ParameterGradientTest {

    private static final List<Structure> STRUCTURES = List.of(Molecules.ethanol(8), Molecules.water());

    private static NDArray loss(EnergyModel m, GraphBatch b, boolean training) {
        EnergyModel.Output o = m.forward(b, null, training, true);
        Constants c = b.constants();
        double[] e0 = {-2.0, 0.5};
        double[] f0 = new double[3 * b.numAtoms()];
        for (int i = 0; i < f0.length; i++) {
            f0[i] = 0.1 * Math.sin(i);
        }
        NDArray le = o.relativeEnergies().sub(c.vector(e0)).square().sum();
        NDArray lf = o.forces().sub(c.array(f0, new Shape(b.numAtoms(), 3))).square().sum();
        return le.add(lf.mul(c.scalar(3.0)));
    }

    private static double lossValue(EnergyModel m) {
        try (GradMode g = GradMode.enabled(); GraphBatch b = m.batch(STRUCTURES, true)) {
            return loss(m, b, false).getDouble();
        }
    }

    private static void forceGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            byte[][] junk = new byte[200][];
            for (int k = 0; k < junk.length; k++) {
                junk[k] = new byte[64 * 1024];
            }
            assertTrue(junk[199].length > 0);
            System.gc();
            Thread.sleep(20);
        }
    }

    private static void nudge(NDArray param, long index, double delta) {
        try (GradMode g = GradMode.disabled()) {
            double[] d = new double[(int) param.size()];
            d[(int) index] = delta;
            NDArray step = param.getManager().create(d, param.getShape());
            param.addi(step);
            step.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void lossGradientMatchesFiniteDifferencesAfterGc(String type) throws Exception {
        try (EnergyModel m = EnergyModel.create(Molecules.tiny(type, false), Device.cpu(), 3)) {
            m.setHead(new EnergyHead(Map.of(), -0.1, 0.8, "test"));
            List<Pair<String, Parameter>> params = new ArrayList<>();
            m.block().getParameters().forEach(params::add);
            // analytic gradients, with GCs between forward and backward
            List<double[]> grads = new ArrayList<>();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector();
                 GraphBatch b = m.batch(STRUCTURES, true)) {
                NDArray l = loss(m, b, true);
                forceGc();
                gc.backward(l);
                forceGc();
                for (Pair<String, Parameter> p : params) {
                    NDArray g = p.getValue().getArray().getGradient();
                    assertNotNull(g, p.getKey());
                    grads.add(g.toDoubleArray());
                }
            }
            Random r = new Random(1);
            int checked = 0;
            double h = 1e-5;
            for (int k = 0; k < params.size(); k++) {
                NDArray arr = params.get(k).getValue().getArray();
                double[] g = grads.get(k);
                for (int t = 0; t < 2; t++) {
                    int idx = largestOr(g, r, t);
                    nudge(arr, idx, h);
                    double lp = lossValue(m);
                    nudge(arr, idx, -2 * h);
                    double lm = lossValue(m);
                    nudge(arr, idx, h);
                    double fd = (lp - lm) / (2 * h);
                    assertEquals(fd, g[idx], 1e-5 * Math.max(1, Math.abs(fd)),
                            type + " " + params.get(k).getKey() + "[" + idx + "]");
                    checked++;
                }
            }
            assertTrue(checked >= 20, "checked " + checked + " entries");
        }
    }

    /** t = 0: the entry with the largest gradient; otherwise a random entry. */
    private static int largestOr(double[] g, Random r, int t) {
        if (t == 0) {
            int best = 0;
            for (int i = 1; i < g.length; i++) {
                if (Math.abs(g[i]) > Math.abs(g[best])) {
                    best = i;
                }
            }
            return best;
        }
        return r.nextInt(g.length);
    }
}
