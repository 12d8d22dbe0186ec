package io.moiety.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.moiety.chem.Structure;
import io.moiety.model.graph.GraphBatch;
import io.moiety.model.nn.GradMode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Symmetry, finite-difference, batching and persistence checks for every built-in model. */
class ModelPropertiesTest {

    private static EnergyModel model(String type) {
        EnergyModel m = EnergyModel.create(Molecules.tiny(type, type.equals("painn")), Device.cpu(), 42);
        // non-trivial head so that the statistics path is exercised
        m.setHead(new EnergyHead(Map.of(1, -13.6, 6, -1029.8, 8, -2041.3), -0.3, 0.7, "test"));
        return m;
    }

    private static Prediction one(EnergyModel m, Structure s) {
        return m.predict(List.of(s), 1).get(0);
    }

    private static double[] rotation(long seed) {
        Random r = new Random(seed);
        double a = r.nextGaussian(), b = r.nextGaussian(), c = r.nextGaussian(), d = r.nextGaussian();
        double n = Math.sqrt(a * a + b * b + c * c + d * d);
        a /= n; b /= n; c /= n; d /= n;
        return new double[] {
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d};
    }

    private static double[] apply(double[] rot, double[] v, double[] t) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length / 3; i++) {
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = rot[3 * k] * v[3 * i] + rot[3 * k + 1] * v[3 * i + 1] + rot[3 * k + 2] * v[3 * i + 2] + t[k];
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void energyInvariantAndForcesEquivariant(String type) {
        try (EnergyModel m = model(type)) {
            Structure s = Molecules.ethanol(1);
            Prediction p = one(m, s);
            double[] rot = rotation(5);
            double[] shift = {1.3, -2.1, 0.7};
            Structure moved = s.withPositions(apply(rot, s.positions(), shift));
            Prediction q = one(m, moved);
            assertEquals(p.energy(), q.energy(), 1e-9 * Math.abs(p.energy()), "rotation + translation changed the energy");
            assertArrayEquals(apply(rot, p.forces(), new double[3]), q.forces(), 1e-9, "forces must rotate with the molecule");
            // permutation
            int[] perm = {4, 0, 8, 2, 6, 1, 3, 7, 5};
            int[] z = new int[9];
            double[] x = new double[27];
            double[] expected = new double[27];
            for (int i = 0; i < 9; i++) {
                z[i] = s.atomicNumbers()[perm[i]];
                System.arraycopy(s.positions(), 3 * perm[i], x, 3 * i, 3);
                System.arraycopy(p.forces(), 3 * perm[i], expected, 3 * i, 3);
            }
            Prediction r = one(m, Structure.molecule(z, x));
            assertEquals(p.energy(), r.energy(), 1e-9 * Math.abs(p.energy()), "permutation changed the energy");
            assertArrayEquals(expected, r.forces(), 1e-9, "forces must permute with the atoms");
            double norm = 0;
            for (double f : p.forces()) {
                norm += f * f;
            }
            assertTrue(norm > 1e-6, "forces should be non-trivial, |F|² = " + norm);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void forcesEqualFiniteDifferencesOfTheEnergy(String type) {
        try (EnergyModel m = model(type)) {
            Structure s = Molecules.ethanol(2);
            double[] f = one(m, s).forces();
            double h = 1e-4;
            for (int k = 0; k < s.positions().length; k++) {
                double[] xp = s.positions().clone();
                double[] xm = s.positions().clone();
                xp[k] += h;
                xm[k] -= h;
                double fd = -(one(m, s.withPositions(xp)).energy() - one(m, s.withPositions(xm)).energy()) / (2 * h);
                assertEquals(fd, f[k], 1e-6, "force component " + k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void batchingEqualsSeparateEvaluation(String type) {
        try (EnergyModel m = model(type)) {
            Structure a = Molecules.ethanol(3);
            Structure b = Molecules.water();
            List<Prediction> both = m.predict(List.of(a, b, a), 3);
            Prediction pa = one(m, a);
            Prediction pb = one(m, b);
            assertEquals(pa.energy(), both.get(0).energy(), 1e-10);
            assertEquals(pb.energy(), both.get(1).energy(), 1e-10);
            assertEquals(pa.energy(), both.get(2).energy(), 1e-10);
            assertArrayEquals(pa.forces(), both.get(0).forces(), 1e-10);
            assertArrayEquals(pb.forces(), both.get(1).forces(), 1e-10);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void float32ModelRunsAndAgreesWithItsFloat64Twin(String type) throws Exception {
        try (EnergyModel m64 = model(type)) {
            ModelConfig c32 = m64.config().withOverride("dtype", "float32");
            // same parameters cast to float32: load the float64 state into a float32 model through the config override
            try (EnergyModel m32 = EnergyModel.create(c32, Device.cpu(), 42)) {
                assertEquals(DataType.FLOAT32, m32.dtype());
                m32.setHead(m64.head());
                Prediction p = m32.predict(List.of(Molecules.ethanol(5)), 1).get(0);
                assertTrue(Double.isFinite(p.energy()));
                assertEquals(27, p.forces().length);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void periodicImagesAreEquivalent(String type) {
        try (EnergyModel m = model(type)) {
            double[] cell = {4.5, 0, 0, 0.3, 4.8, 0, 0.2, -0.4, 5.1};
            Structure s = Molecules.ethanol(7);
            Structure p = new Structure(s.atomicNumbers(), s.positions(), 0, 1, cell);
            double[] moved = p.positions().clone();
            for (int k = 0; k < 3; k++) { // atom 2 by one cell vector, atom 5 by minus another
                moved[6 + k] += cell[k];
                moved[15 + k] -= cell[6 + k];
            }
            Prediction a = one(m, p);
            Prediction b = one(m, p.withPositions(moved));
            assertEquals(a.energy(), b.energy(), 1e-9 * Math.abs(a.energy()));
            assertArrayEquals(a.forces(), b.forces(), 1e-9);
            double sum = 0;
            for (int k = 0; k < a.forces().length; k += 3) {
                sum += a.forces()[k];
            }
            assertEquals(0.0, sum, 1e-9, "forces of a periodic system sum to zero");
            assertTrue(Math.abs(a.energy() - one(m, s).energy()) > 1e-6, "the cell must matter at this density");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"schnet", "painn"})
    void isolatedAtomsAndSeedsBehave(String type) {
        try (EnergyModel m = model(type); EnergyModel twin = model(type)) {
            Structure h = Structure.molecule(new int[] {1}, new double[] {0.1, 0.2, 0.3});
            Structure far = Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 9, 0, 0}); // beyond the cutoff
            List<Prediction> p = m.predict(List.of(h, far), 2);
            assertArrayEquals(new double[3], p.get(0).forces(), 0.0);
            assertArrayEquals(new double[6], p.get(1).forces(), 0.0);
            assertEquals(2 * p.get(0).energy(), p.get(1).energy(), 1e-10, "non-interacting atoms are additive");
            Prediction a = one(m, Molecules.ethanol(9));
            Prediction b = one(twin, Molecules.ethanol(9));
            assertEquals(a.energy(), b.energy(), 0.0, "same seed, same model");
        }
    }

    @org.junit.jupiter.api.Test
    void directForceHeadIsEquivariant() {
        try (EnergyModel m = model("painn"); GradMode g = GradMode.enabled()) {
            assertTrue(m.network().hasDirectForces());
            Structure s = Molecules.ethanol(6);
            double[] rot = rotation(9);
            double[] f0;
            double[] f1;
            try (GraphBatch b = m.batch(List.of(s), false)) {
                EnergyModel.Output o = m.forward(b, null, false, false);
                assertNotNull(o.directForces());
                f0 = o.directForces().toDoubleArray();
            }
            try (GraphBatch b = m.batch(List.of(s.withPositions(apply(rot, s.positions(), new double[] {0.5, 0, 0}))), false)) {
                f1 = m.forward(b, null, false, false).directForces().toDoubleArray();
            }
            assertArrayEquals(apply(rot, f0, new double[3]), f1, 1e-9);
        }
    }
}
