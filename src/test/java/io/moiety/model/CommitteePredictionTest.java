package io.moiety.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitteePredictionTest {

    @Test
    void meanAndSampleStandardDeviationsByHand() {
        // energies 1, 2, 6: mean 3, sample variance ((−2)² + (−1)² + 3²)/2 = 7
        // atom 0: x = 0, 0, 3 (mean 1, var (1+1+4)/2 = 3), y = 1, 1, 1 (var 0), z = 0, 2, 4 (mean 2, var 4)
        // atom 1: all equal (σ = 0)
        double[][] forces = {{0, 1, 0, 5, 5, 5}, {0, 1, 2, 5, 5, 5}, {3, 1, 4, 5, 5, 5}};
        CommitteePrediction c = CommitteePrediction.of(new double[] {1, 2, 6}, forces);
        assertEquals(3, c.mean().energy(), 1e-15);
        assertEquals(Math.sqrt(7), c.energyStd(), 1e-15);
        assertArrayEquals(new double[] {1, 1, 2, 5, 5, 5}, c.mean().forces(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(3 + 0 + 4), 0}, c.atomForceStd(), 1e-15);
        assertEquals(Math.sqrt(7) / 2, c.forceStd(), 1e-15);
        assertEquals(3, c.members());
    }

    @Test
    void energyOnlyMembersAndTooSmallCommittees() {
        CommitteePrediction c = CommitteePrediction.of(new double[] {2, 4}, null);
        assertNull(c.mean().forces());
        assertEquals(Math.sqrt(2), c.energyStd(), 1e-15);
        assertTrue(Double.isNaN(c.forceStd()));
        assertThrows(IllegalArgumentException.class, () -> CommitteePrediction.of(new double[] {1}, null));
    }

    /** A potential predicting a constant energy and constant forces on every atom. */
    private record Constant(String name, double energy, double force) implements Potential {
        @Override public boolean predictsForces() { return true; }

        @Override
        public List<Prediction> predict(List<Frame> frames) {
            return frames.stream().map(f -> {
                double[] fr = new double[3 * f.size()];
                Arrays.fill(fr, force);
                return new Prediction(energy, fr);
            }).toList();
        }
    }

    @Test
    void committeeOfPotentialsAveragesItsMembers() {
        Frame f = Frame.of(Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 0.74, 0, 0}), Double.NaN, null);
        try (Committee c = new Committee(List.of(new Constant("a", -1, 0.1), new Constant("b", -3, 0.3)))) {
            assertEquals("a×2", c.name());
            Prediction p = c.predict(List.of(f)).get(0);
            assertEquals(-2, p.energy(), 1e-15);
            assertEquals(0.2, p.forces()[4], 1e-15);
            CommitteePrediction s = c.predictWithSpread(List.of(f)).get(0);
            assertEquals(Math.sqrt(2), s.energyStd(), 1e-15);
            // each component: values 0.1, 0.3 -> σ = 0.1·√2; per atom norm √3 · that
            assertEquals(Math.sqrt(3) * 0.1 * Math.sqrt(2), s.atomForceStd()[1], 1e-15);
        }
        assertThrows(IllegalArgumentException.class, () -> new Committee(List.of(new Constant("a", 0, 0))));
    }
}
