package io.moiety.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void identicalSeedsHaveExactlyZeroSpread() {
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004: a naive mean is off by an ulp and the std is ~1e-17
        Stats s = Stats.of(List.of(0.1, 0.1, 0.1));
        assertEquals(0.1, s.mean(), 0.0);
        assertEquals(0.0, s.std(), 0.0);
        assertFalse(s.format().contains("e-"), s.format());
    }

    @Test
    void sampleStandardDeviationAndRange() {
        Stats s = Stats.of(List.of(1.0, 2.0, 3.0, Double.NaN));
        assertEquals(2.0, s.mean(), 1e-15);
        assertEquals(1.0, s.std(), 1e-15);
        assertEquals(1.0, s.min(), 0.0);
        assertEquals(3.0, s.max(), 0.0);
        assertEquals(3, s.n());
        assertTrue(Stats.of(List.of(Double.NaN)).format().equals("n/a"));
    }
}
