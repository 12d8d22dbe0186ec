package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.descriptors.MoleculeTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Feature selection, study preparation and designed interventions on a synthetic table with a
 * known structure: f1 → f2 → dipole and f1 → polarisability, f3 pure noise, so f1 and f2 carry
 * the outgoing effects, f3 none.
 */
class InterventionDesignTest {
    private static MoleculeTable table(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        double[][] v = new double[n][];
        for (int r = 0; r < n; r++) {
            double f1 = u(rng);
            double f2 = 2 * f1 + u(rng);
            double f3 = u(rng);
            double pol = 1.5 * f1 + 0.3 * u(rng);
            double dip = 2 + 0.8 * f2 + 0.3 * u(rng);
            v[r] = new double[] {f1, f2, f3, pol, dip};
            ids.add("m" + r);
        }
        return new MoleculeTable(ids, ids, List.of("f1", "f2", "f3", "polarisability", "dipole"), v);
    }

    private static double u(SplittableRandom rng) {
        return 2 * rng.nextDouble() - 1;
    }

    @Test
    void selectionRanksTheCausesFirstAndNoiseLast() {
        MoleculeTable t = table(2000, 1);
        List<String> names = List.of("f1", "f2", "f3", "polarisability");
        FeatureSelection s = FeatureSelection.select(t.select(names), names, "polarisability", 2);
        assertEquals(Set.of("f1", "f2"), Set.copyOf(s.kept()), "ranking " + s.ranking() + " " + Arrays.toString(s.effects()));
        assertEquals("f3", s.ranking().get(2));
        assertTrue(s.effects()[2] < 0.02, "noise has no outgoing effect: " + s.effects()[2]);
    }

    @Test
    void interventionsReachTheTargetAndMapToHeldOutNeighbours() {
        MoleculeTable t = table(1500, 2);
        CausalStudy study = CausalStudy.prepare(t, new CausalStudy.Settings("polarisability", "dipole", 2,
                List.of("f1", "f2", "f3"), 3, 0.2, 4), w -> { });
        assertEquals(300, study.heldOut().length);
        assertEquals(0, IntStream.of(study.heldOut()).filter(h -> Arrays.stream(study.learning()).anyMatch(l -> l == h)).count());
        int[] subset = IntStream.range(0, 400).toArray();
        InterventionDesign.Result r = InterventionDesign.design(study, subset, new InterventionDesign.Settings(5.0, 10, 3, null, 3));
        assertEquals("f2", r.feature(), "f2 is the only direct cause of the dipole: " + r.ranking());
        assertEquals(30, r.candidates().size());
        Set<Integer> held = Set.copyOf(Arrays.stream(study.heldOut()).boxed().toList());
        double lastDistance = -1;
        for (InterventionDesign.Candidate c : r.candidates()) {
            assertEquals(5.0, c.intervenedTarget(), 1e-9, "the optimal intervention hits the target exactly in the model");
            assertTrue(held.contains(c.candidate()), "proposals come from the held-out set");
            if (c.rank() > 1) {
                assertTrue(c.distance() >= lastDistance);
            }
            lastDistance = c.distance();
            // do(f2 = v) with dipole ≈ 2 + 0.8 f2 needs f2 ≈ 3.75 for 5 D
            assertEquals(3.75, c.interventionValue(), 0.4);
        }
        assertEquals(r.proposed().length, r.random().length);
        assertEquals(r.proposed().length, r.regressor().length);
        int dip = t.index("dipole");
        double meanRegressor = Arrays.stream(r.regressor()).mapToDouble(row -> t.values()[row][dip]).average().orElseThrow();
        double meanRandom = Arrays.stream(r.random()).mapToDouble(row -> t.values()[row][dip]).average().orElseThrow();
        assertTrue(meanRegressor > meanRandom + 0.5, "regressor picks " + meanRegressor + " vs random " + meanRandom);
    }
}
