package io.moiety.model.equivariant;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.model.EnergyHead;
import io.moiety.model.EnergyModel;
import io.moiety.model.EnergyHead;
import io.moiety.model.ReferenceEnergies;
import io.moiety.model.ModelConfig;
import io.moiety.model.Models;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.GradMode;
import io.moiety.model.nn.Tensors;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Symmetry, force and gradient checks of the tensor-product model on a tiny float64 config. */
class TpModelTest {
    static final String TINY = """
            type: tp
            cutoff: 4.0
            dtype: float64
            channels: 6
            lmax: 2
            correlation: 3
            layers: 2
            num_bessel: 6
            radial_hidden: 8
            radial_layers: 2
            avg_num_neighbors: 6
            """;

    /** Ethanol (first frame of rMD17 ethanol), Å. */
    static final int[] Z = {6, 6, 8, 1, 1, 1, 1, 1, 1};
    static final double[] X = {
        0.40162460, 0.38569419, 0.07944170, -0.83259828, 0.63111076, -0.91769057,
        0.42898823, -0.92815605, 0.69153642, 1.38869085, 0.59405355, -0.20570216,
        0.17108235, 1.11935194, 0.98236677, -0.52877617, 0.17079218, -1.93423021,
        -1.61821698, -0.01452388, -0.50901661, -0.95146534, 1.69934720, -0.88271390,
        -0.13627129, -0.95389655, 1.56093158};

    private static EnergyModel model;

    @BeforeAll
    static void build() {
        model = EnergyModel.create(ModelConfig.parse(TINY, "tiny"), Device.cpu(), 11);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Energy (eV) and forces (eV/Å) of each structure. */
    static double[][] evaluate(EnergyModel m, List<Structure> structures) {
        try (GradMode g = GradMode.enabled(); GraphBatch b = m.batch(structures, true)) {
            EnergyModel.Output o = m.forward(b, null, false, true);
            double[] e = o.relativeEnergies().toDoubleArray();
            double[] f = o.forces().toDoubleArray();
            return new double[][] {e, f};
        }
    }

    static double[] rotate(double[][] r, double[] x, double[] t) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            for (int a = 0; a < 3; a++) {
                double s = t[a];
                for (int k = 0; k < 3; k++) {
                    s += r[a][k] * x[3 * i + k];
                }
                out[3 * i + a] = s;
            }
        }
        return out;
    }

    /** PyTorch accumulates into {@code .grad} and DJL never zeroes it: zero before each backward. */
    static void zeroGradients(EnergyModel m) {
        for (var p : m.block().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) a);
            }
        }
    }

    /** The gradient of {@code a}, owned by the step manager (DJL's wrapper would stay in the parameters' manager). */
    static NDArray gradient(NDArray a, NDManager step) {
        return Tensors.home(a.getGradient(), step);
    }

    @Test
    void modelIsRegisteredAsTp() {
        assertTrue(Models.factories().containsKey("tp"));
        assertInstanceOf(TensorProductModel.class, model.network());
    }

    @Test
    void energyInvariantAndForcesEquivariantUnderRotationReflectionTranslationPermutation() {
        Random rnd = new Random(5);
        double[][] rot = WignerD.rotation(new double[] {0.3, -1.1, 0.7}, 2.1);
        double[][] reflect = {{-1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[] t = {1.7, -0.4, 2.2};
        Structure s = Structure.molecule(Z, X);
        Structure sr = Structure.molecule(Z, rotate(rot, X, t));
        Structure sm = Structure.molecule(Z, rotate(reflect, X, new double[3]));
        int[] perm = {4, 2, 7, 0, 8, 1, 3, 6, 5};
        int[] zp = new int[9];
        double[] xp = new double[27];
        for (int i = 0; i < 9; i++) {
            zp[i] = Z[perm[i]];
            System.arraycopy(X, 3 * perm[i], xp, 3 * i, 3);
        }
        Structure sp = Structure.molecule(zp, xp);
        double[][] out = evaluate(model, List.of(s, sr, sm, sp));
        double[] e = out[0];
        double[] f = out[1];
        assertTrue(Math.abs(e[0]) > 1e-8, "energy is not trivially zero");
        assertEquals(e[0], e[1], 1e-10, "rotation + translation");
        assertEquals(e[0], e[2], 1e-10, "reflection");
        assertEquals(e[0], e[3], 1e-10, "permutation");
        double fnorm = 0;
        for (int i = 0; i < 9; i++) {
            double[] fi = {f[3 * i], f[3 * i + 1], f[3 * i + 2]};
            fnorm += fi[0] * fi[0] + fi[1] * fi[1] + fi[2] * fi[2];
            double[] want = WignerD.apply(rot, fi);
            double[] wantM = WignerD.apply(reflect, fi);
            for (int a = 0; a < 3; a++) {
                assertEquals(want[a], f[27 + 3 * i + a], 1e-10, "rotated force atom " + i);
                assertEquals(wantM[a], f[54 + 3 * i + a], 1e-10, "reflected force atom " + i);
            }
        }
        for (int i = 0; i < 9; i++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(f[3 * perm[i] + a], f[81 + 3 * i + a], 1e-10, "permuted force atom " + i);
            }
        }
        assertTrue(fnorm > 1e-10, "forces are not trivially zero");
    }

    @Test
    void batchingGivesIdenticalPredictions() throws Exception {
        Structure a = Structure.molecule(Z, X);
        Structure b = Structure.molecule(Z, rotate(WignerD.rotation(new double[] {0, 1, 1}, 0.7), X, new double[] {0.1, 0, 0}));
        double[][] both = evaluate(model, List.of(a, b));
        double[][] alone = evaluate(model, List.of(b));
        assertEquals(both[0][1], alone[0][0], 1e-12, "energy of a frame does not depend on its batch");
        for (int k = 0; k < 27; k++) {
            assertEquals(both[1][27 + k], alone[1][k], 1e-12, "force component " + k);
        }
    }

    @Test
    void directForceHeadIsEquivariant() {
        double[][] rot = WignerD.rotation(new double[] {-0.2, 0.5, 1.0}, 1.3);
        try (EnergyModel m = EnergyModel.create(ModelConfig.parse(TINY + "direct_forces: true\n", "tiny-direct"),
                Device.cpu(), 2)) {
            assertTrue(m.network().hasDirectForces());
            double[] f;
            double[] fr;
            try (GraphBatch b = m.batch(List.of(Structure.molecule(Z, X), Structure.molecule(Z, rotate(rot, X, new double[3]))), false)) {
                f = m.forward(b, null, false, false).directForces().toDoubleArray();
            }
            double norm = 0;
            for (int i = 0; i < 9; i++) {
                double[] want = WignerD.apply(rot, new double[] {f[3 * i], f[3 * i + 1], f[3 * i + 2]});
                for (int k = 0; k < 3; k++) {
                    assertEquals(want[k], f[27 + 3 * i + k], 1e-10, "direct force atom " + i);
                    norm += f[3 * i + k] * f[3 * i + k];
                }
            }
            assertTrue(norm > 1e-12, "direct forces are not trivially zero");
        }
    }

    @Test
    void energyIsContinuousAcrossTheCutoffAndIsolatedAtomsWork() {
        double rc = 4.0;
        double eps = 1e-4;
        // O–H pair plus a C atom moving through the cutoff of both
        double[][] out = evaluate(model, List.of(
                Structure.molecule(new int[] {8, 1, 6}, new double[] {0, 0, 0, 0.97, 0, 0, 0, rc - eps, 0}),
                Structure.molecule(new int[] {8, 1, 6}, new double[] {0, 0, 0, 0.97, 0, 0, 0, rc + eps, 0}),
                Structure.molecule(new int[] {8, 1, 6}, new double[] {0, 0, 0, 0.97, 0, 0, 0, 50, 0}),
                Structure.molecule(new int[] {6}, new double[] {0, 0, 0})));
        double[] e = out[0];
        double[] f = out[1];
        assertEquals(e[1], e[2], 1e-12, "beyond the cutoff the far atom is isolated");
        assertEquals(e[0], e[1], 1e-9, "energy continuous at the cutoff");
        for (int k = 0; k < 9; k++) {
            assertEquals(f[9 + k], f[k], 1e-6, "force continuous at the cutoff, component " + k);
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(0.0, f[27 + k], 0.0, "an isolated atom feels no force");
        }
        assertTrue(Double.isFinite(e[3]), "isolated atom energy");
        double[][] alone = evaluate(model, List.of(Structure.molecule(new int[] {6}, new double[] {0, 0, 0})));
        assertEquals(e[3], alone[0][0], 1e-12, "a batch without any edge");
        assertArrayEquals(new double[3], alone[1], 0.0, "no force without neighbours");
    }

    @Test
    void forcesEqualFiniteDifferencesOfTheEnergy() {
        double h = 1e-5;
        Random rnd = new Random(9);
        double[] x = X.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.05 * rnd.nextGaussian();
        }
        double[] f = evaluate(model, List.of(Structure.molecule(Z, x)))[1];
        for (int k = 0; k < x.length; k++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[k] += h;
            xm[k] -= h;
            double[] e = evaluate(model, List.of(Structure.molecule(Z, xp), Structure.molecule(Z, xm)))[0];
            double fd = -(e[0] - e[1]) / (2 * h);
            assertEquals(fd, f[k], 1e-7 * Math.max(1, Math.abs(fd)), "force component " + k);
        }
    }

    /** w_E·Σ(E−E₀)² + w_F·Σ(F−F₀)² on a batch of two frames, as a scalar with graph to the parameters. */
    private static NDArray loss(GraphBatch b, ParameterStore ps) {
        EnergyModel.Output o = model.forward(b, ps, true, true);
        NDArray e = o.relativeEnergies();
        NDArray f = o.forces();
        var c = b.constants();
        NDArray le = e.sub(c.vector(new double[] {-1.0, 2.0})).square().sum();
        double[] fref = new double[b.numAtoms() * 3];
        for (int i = 0; i < fref.length; i++) {
            fref[i] = Math.sin(i);
        }
        NDArray lf = f.sub(c.array(fref, f.getShape())).square().sum();
        return le.mul(c.scalar(0.3)).add(lf.mul(c.scalar(2.0)));
    }

    @Test
    void lossGradientWithRespectToParametersMatchesFiniteDifferencesAfterAForcedGc() {
        List<Structure> frames = List.of(Structure.molecule(Z, X),
                Structure.molecule(Z, rotate(WignerD.rotation(new double[] {1, 1, 0}, 0.3), X, new double[3])));
        var params = model.block().getParameters();
        // analytic gradient with a GC between forward and backward
        double[][] grads = new double[params.size()][];
        try (GraphBatch b = model.batch(frames, true)) {
            ParameterStore ps = new ParameterStore(b.manager(), false);
            zeroGradients(model);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss(b, ps);
                System.gc();
                System.runFinalization();
                System.gc();
                gc.backward(l);
            }
            for (int p = 0; p < params.size(); p++) {
                grads[p] = gradient(params.get(p).getValue().getArray(), b.manager()).toDoubleArray();
            }
        }
        Random rnd = new Random(3);
        int checked = 0;
        for (int p = 0; p < params.size(); p++) {
            Pair<String, Parameter> pair = params.get(p);
            NDArray value = pair.getValue().getArray();
            double[] v = value.toDoubleArray();
            // probe the largest-gradient entry and a random one of every parameter
            int best = 0;
            for (int i = 1; i < v.length; i++) {
                if (Math.abs(grads[p][i]) > Math.abs(grads[p][best])) {
                    best = i;
                }
            }
            for (int idx : new int[] {best, rnd.nextInt(v.length)}) {
                double h = 1e-6;
                double[] lp = new double[2];
                for (int s = 0; s < 2; s++) {
                    double[] w = v.clone();
                    w[idx] += s == 0 ? h : -h;
                    value.set(w);
                    try (GradMode g = GradMode.enabled(); GraphBatch b = model.batch(frames, true)) {
                        lp[s] = loss(b, new ParameterStore(b.manager(), false)).getDouble();
                    }
                }
                value.set(v);
                double fd = (lp[0] - lp[1]) / (2 * h);
                assertEquals(fd, grads[p][idx], 1e-5 * Math.max(1, Math.abs(fd)),
                        "∂L/∂" + pair.getKey() + "[" + idx + "]");
                checked++;
            }
        }
        assertTrue(checked >= 20, "checked " + checked + " gradient entries");
    }
    @Test
    void adamStepsReduceTheForceLossOnFiveEthanolFramesTenfold() throws Exception {
        List<Frame> frames = EthanolFrames.read("train.xyz", 5);
        try (EnergyModel m = EnergyModel.create(ModelConfig.parse(TINY.replace("channels: 6", "channels: 8"), "tiny"),
                Device.cpu(), 4)) {
            // isolated atoms rather than a least-squares fit: keeps ND4J (whose OpenMP threads slow PyTorch) out of this JVM
            ReferenceEnergies refs = ReferenceEnergies.fromIsolatedAtoms(EthanolFrames.read("isolated_atoms.xyz", 10));
            m.setHead(EnergyHead.fit(frames, refs, EnergyHead.LEAST_SQUARES));
            List<Structure> structures = frames.stream().map(Frame::structure).toList();
            double[] eRef = frames.stream().mapToDouble(Frame::energy).toArray();
            double[] fRef = frames.stream().flatMapToDouble(f -> java.util.Arrays.stream(f.forces())).toArray();
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build();
            var params = m.block().getParameters();
            double first = 0;
            double last = 0;
            for (int step = 0; step < 80; step++) {
                try (GraphBatch b = m.batch(structures, true)) {
                    ParameterStore ps = new ParameterStore(b.manager(), false);
                    var c = b.constants();
                    zeroGradients(m);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        EnergyModel.Output o = m.forward(b, ps, true, true);
                        NDArray le = o.relativeEnergies().sub(c.vector(eRef)).div(c.scalar(9.0)).square().mean();
                        NDArray lf = o.forces().sub(c.array(fRef, o.forces().getShape())).square().mean();
                        NDArray loss = le.add(lf.mul(c.scalar(10.0)));
                        double v = loss.getDouble();
                        if (step == 0) {
                            first = v;
                        }
                        last = v;
                        gc.backward(loss);
                    }
                    for (var pair : params) {
                        NDArray w = pair.getValue().getArray();
                        adam.update(pair.getKey(), w, gradient(w, b.manager()));
                    }
                }
            }
            assertTrue(last < first / 10, "loss " + first + " → " + last);
        }
    }
}
