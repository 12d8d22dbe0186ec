package io.moiety.eval;

import static org.junit.jupiter.api.Assertions.*;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.eval.baseline.ElementReferencePotential;
import io.moiety.eval.baseline.GroupAdditivityPotential;
import io.moiety.metrics.AtomEnvironments;
import io.moiety.metrics.CovalentBonds;
import io.moiety.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    /** Frames whose energy is exactly additive over environment types (no geometry term). */
    private static List<Frame> additive(Map<String, Double> c, int[] carbons, int hydroxyls, int frames, long seed) {
        Random rnd = new Random(seed);
        List<Frame> out = new ArrayList<>();
        for (int n : carbons) {
            Structure eq = SyntheticChains.chain(n, hydroxyls);
            String[] env = AtomEnvironments.labels(eq.atomicNumbers(), CovalentBonds.neighbours(eq));
            double e = 0;
            for (String t : env) {
                e += c.get(t);
            }
            for (int f = 0; f < frames; f++) {
                double[] x = eq.positions().clone();
                for (int i = 0; i < x.length; i++) {
                    x[i] += 0.02 * rnd.nextGaussian();
                }
                out.add(Frame.of(eq.withPositions(x), e, null));
            }
        }
        return out;
    }

    private static final Map<String, Double> TRUTH = Map.of(
            "C(C,H,H,H)", -150.2, "C(C,C,H,H)", -149.6, "C(C,H,H,O)", -150.9,
            "H(C)", -13.1, "H(O)", -13.9, "O(C,H)", -430.7);

    @Test
    void groupAdditivityRecoversAnAdditiveModelOnLongerChains() {
        List<Frame> train = new ArrayList<>(additive(TRUTH, new int[] {2, 3, 4, 5}, 0, 3, 1));
        train.addAll(additive(TRUTH, new int[] {2, 3, 4, 5}, 1, 3, 2));
        List<Frame> val = additive(TRUTH, new int[] {3, 4}, 1, 2, 3);
        List<Frame> test = new ArrayList<>(additive(TRUTH, new int[] {7, 9}, 0, 2, 4));
        test.addAll(additive(TRUTH, new int[] {8, 10}, 1, 2, 5));
        GroupAdditivityPotential ga = GroupAdditivityPotential.fit(train, val);
        assertFalse(ga.predictsForces());
        List<Prediction> pred = ga.predict(test);
        for (int i = 0; i < test.size(); i++) {
            assertEquals(test.get(i).energy(), pred.get(i).energy(), 2e-3, "frame " + i);
            assertNull(pred.get(i).forces());
        }
        assertTrue(ga.coefficients().containsKey("env:C(C,H,H,O)"));
        assertTrue(ga.coefficients().containsKey("group:alcohol×nC"));
    }

    @Test
    void elementReferencesStayFiniteWhenCompositionsAreCollinear() {
        // every training molecule has n_H = 2 n_C + 2 and n_O = 1: the elements are not separately
        // determined, but predictions for the training compositions must still be exact
        List<Frame> train = new ArrayList<>();
        for (int n = 2; n <= 6; n++) {
            Structure s = SyntheticChains.chain(n, 1);
            train.add(Frame.of(s, n * -1029.5 + (2 * n + 2) * -13.6 - 2035.0, null));
        }
        ElementReferencePotential er = ElementReferencePotential.fit(train);
        Structure c8 = SyntheticChains.chain(8, 1);
        double expected = 8 * -1029.5 + 18 * -13.6 - 2035.0;
        assertEquals(expected, er.predict(List.of(Frame.of(c8, Double.NaN, null))).get(0).energy(), 1e-3);
        er.references().values().forEach(v -> assertTrue(Double.isFinite(v) && Math.abs(v) < 1e4, "reference " + v));
    }

    @Test
    void elementReferencesRecoverPerElementEnergies() {
        // E = n_C e_C + n_H e_H exactly: alkanes of several lengths determine both
        List<Frame> train = new ArrayList<>();
        for (int n = 2; n <= 6; n++) {
            Structure s = SyntheticChains.chain(n, 0);
            train.add(Frame.of(s, n * -1029.5 + (2 * n + 2) * -13.6, null));
        }
        ElementReferencePotential er = ElementReferencePotential.fit(train);
        assertEquals(-1029.5, er.references().get(6), 1e-5);
        assertEquals(-13.6, er.references().get(1), 1e-5);
        Structure c9 = SyntheticChains.chain(9, 0);
        assertEquals(9 * -1029.5 + 20 * -13.6, er.predict(List.of(Frame.of(c9, Double.NaN, null))).get(0).energy(), 1e-4);
    }
}
