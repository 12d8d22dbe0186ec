package io.moiety.metrics;

import static org.junit.jupiter.api.Assertions.*;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics against values computed by hand (see comments). */
class ErrorMetricsTest {
    private static final Structure H2 = Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 0.74, 0, 0});

    private static ErrorAccumulator twoFrames(boolean withForces) {
        ErrorAccumulator acc = new ErrorAccumulator(Map.of("A", 10L), 100);
        // frame 1: energy error +1; force errors (0,1,0) and (1,0,0)
        acc.add(Frame.of(H2, -10, new double[] {1, 0, 0, -1, 0, 0}),
                -9, withForces ? new double[] {1, 1, 0, 0, 0, 0} : null, new String[] {"A", "B"});
        // frame 2: energy error -0.5; forces exact
        acc.add(Frame.of(H2, -12, new double[] {0, 2, 0, 0, -2, 0}),
                -12.5, withForces ? new double[] {0, 2, 0, 0, -2, 0} : null, new String[] {"A", "B"});
        return acc;
    }

    @Test
    void handComputedValues() {
        SplitMetrics m = twoFrames(true).metrics();
        assertEquals(2, m.frames());
        assertEquals(4, m.atoms());
        assertEquals(0.75, m.get(Metric.ENERGY_MAE), 1e-12);                   // (1 + 0.5) / 2
        assertEquals(Math.sqrt(0.625), m.get(Metric.ENERGY_RMSE), 1e-12);      // sqrt((1 + 0.25) / 2)
        assertEquals(0.375, m.get(Metric.ENERGY_MAE_PER_ATOM), 1e-12);         // (0.5 + 0.25) / 2
        assertEquals(Math.sqrt(0.15625), m.get(Metric.ENERGY_RMSE_PER_ATOM), 1e-12);
        assertEquals(1.0, m.get(Metric.ENERGY_STD), 1e-12);                    // -10, -12
        assertEquals(Math.sqrt(0.625), m.get(Metric.ENERGY_RMSE_OVER_STD), 1e-12);
        assertEquals(Math.sqrt(0.15625) / 0.5, m.get(Metric.ENERGY_RMSE_PER_ATOM_OVER_STD), 1e-12);
        assertEquals(2.0 / 12, m.get(Metric.FORCE_MAE), 1e-12);                // |errors| sum 2 over 12 components
        assertEquals(Math.sqrt(2.0 / 12), m.get(Metric.FORCE_RMSE), 1e-12);
        assertEquals(Math.sqrt(10.0 / 12), m.get(Metric.FORCE_STD), 1e-12);    // components squared sum 10, mean 0
        assertEquals(Math.sqrt(2.0 / 12) / Math.sqrt(10.0 / 12), m.get(Metric.FORCE_RMSE_OVER_STD), 1e-12);
        // cosines: 1/sqrt(2) (frame 1 atom 0), atom 1 has a zero prediction (skipped), 1 and 1 in frame 2
        assertEquals((1 / Math.sqrt(2) + 2) / 3, m.get(Metric.FORCE_COSINE), 1e-12);
    }

    @Test
    void perEnvironmentErrors() {
        List<EnvironmentError> envs = twoFrames(true).environments();
        assertEquals(2, envs.size());
        EnvironmentError a = envs.get(0);
        assertEquals("A", a.environment());
        assertEquals(2, a.atoms());
        assertEquals(10, a.trainingAtoms());
        assertEquals(1.0 / 6, a.forceMae(), 1e-12);                            // (0,1,0) then zeros
        assertEquals(Math.sqrt(1.0 / 6), a.forceRmse(), 1e-12);
        assertEquals((1 / Math.sqrt(2) + 1) / 2, a.forceCosine(), 1e-12);
        EnvironmentError b = envs.get(1);
        assertEquals(0, b.trainingAtoms());
        assertEquals(1.0 / 6, b.forceMae(), 1e-12);
        assertEquals(1.0, b.forceCosine(), 1e-12);                             // only frame 2 counts
    }

    @Test
    void energyOnlyModelHasNoForceMetrics() {
        ErrorAccumulator acc = twoFrames(false);
        SplitMetrics m = acc.metrics();
        assertEquals(0.75, m.get(Metric.ENERGY_MAE), 1e-12);
        assertTrue(Double.isNaN(m.get(Metric.FORCE_MAE)));
        assertTrue(Double.isNaN(m.get(Metric.FORCE_COSINE)));
        assertEquals(Math.sqrt(10.0 / 12), m.get(Metric.FORCE_STD), 1e-12);
        assertTrue(Double.isNaN(acc.environments().get(0).forceMae()));
        assertEquals(0, acc.paritySample().forceReference().length);
        assertNull(m.toMap().get("force_mae"));
        assertEquals(m.get(Metric.ENERGY_RMSE), SplitMetrics.fromMap(m.toMap()).get(Metric.ENERGY_RMSE));
    }

    @Test
    void plainMeansCoverTheLabelledParts() {
        ErrorAccumulator acc = new ErrorAccumulator();
        // frame 1: energy error +1; force errors (0,1,0) and (1,0,0)
        acc.add(Frame.of(H2, -10, new double[] {1, 0, 0, -1, 0, 0}), -9, new double[] {1, 1, 0, 0, 0, 0});
        // frame 2: no reference energy, no reference forces: left out of both means
        acc.add(Frame.of(H2, Double.NaN, null), 3, new double[] {5, 5, 5, 5, 5, 5});
        // frame 3: energy error -0.5; energy-only prediction: left out of the force means
        acc.add(Frame.of(H2, -12, new double[] {0, 2, 0, 0, -2, 0}), -12.5, null);
        assertEquals(2, acc.energyCount());
        assertEquals(6, acc.forceComponentCount());
        assertEquals(0.75, acc.energyMae(), 1e-12);                          // (1 + 0.5) / 2
        assertEquals(Math.sqrt(0.625), acc.energyRmse(), 1e-12);
        assertEquals(0.375, acc.energyMaePerAtom(), 1e-12);                  // (0.5 + 0.25) / 2
        assertEquals(0.15625, acc.energyMsePerAtom(), 1e-12);                // (0.25 + 0.0625) / 2
        assertEquals(2.0 / 6, acc.forceMae(), 1e-12);
        assertEquals(2.0 / 6, acc.forceMse(), 1e-12);
        assertEquals(Math.sqrt(2.0 / 6), acc.forceRmse(), 1e-12);
        // the benchmark's split metrics compare a split on all of its frames or not at all
        assertTrue(Double.isNaN(acc.metrics().get(Metric.FORCE_MAE)));
        assertEquals(3, acc.metrics().frames());
        ErrorAccumulator none = new ErrorAccumulator();
        assertTrue(Double.isNaN(none.energyMae()) && Double.isNaN(none.forceRmse()));
    }

    @Test
    void statsOverSeeds() {
        Stats s = Stats.of(List.of(1.0, 2.0, 3.0, Double.NaN));
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.std(), 1e-12);                                       // sample std of 1, 2, 3
        assertEquals(1.0, s.min());
        assertEquals(3.0, s.max());
        assertEquals(3, s.n());
        assertEquals("2 ± 1", s.format());
        assertEquals("n/a", Stats.of(List.of(Double.NaN)).format());
        assertEquals("0.002812", Stats.num(0.0028115));
    }
}
