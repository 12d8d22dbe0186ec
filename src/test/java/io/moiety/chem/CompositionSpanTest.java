package io.moiety.chem;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rank test on compositions with known answers. */
class CompositionSpanTest {
    private static final int[] ETHANOL = {6, 6, 8, 1, 1, 1, 1, 1, 1};
    private static final int[] METHANOL = {6, 8, 1, 1, 1, 1};
    private static final int[] ACETALDEHYDE = {6, 6, 8, 1, 1, 1, 1};
    private static final int[] PROPANOL = {6, 6, 6, 8, 1, 1, 1, 1, 1, 1, 1, 1};
    private static final int[] WATER = {8, 1, 1};
    private static final int[] AMMONIA = {7, 1, 1, 1};

    @Test
    void oneMoleculeDeterminesOnlyItsOwnMultiples() {
        CompositionSpan s = CompositionSpan.of(List.of(ETHANOL, ETHANOL));
        assertEquals(1, s.rank());
        assertTrue(s.determines(ETHANOL));
        int[] twoEthanols = new int[18];
        System.arraycopy(ETHANOL, 0, twoEthanols, 0, 9);
        System.arraycopy(ETHANOL, 0, twoEthanols, 9, 9);
        assertTrue(s.determines(twoEthanols), "a dimer's composition is twice ethanol's");
        assertFalse(s.determines(METHANOL), "ethanol alone does not fix methanol's offset (the +371 eV case)");
        assertTrue(s.warning(METHANOL).orElseThrow().contains("CH4O is not a combination"), s.warning(METHANOL).toString());
        assertTrue(s.warning(ETHANOL).isEmpty());
    }

    @Test
    void combinationsOfTrainingCompositionsAreDetermined() {
        // C2H6O, C2H4O, CH4O span (C, H, O) = full rank 3: every CHO composition is determined
        CompositionSpan s = CompositionSpan.of(List.of(ETHANOL, ACETALDEHYDE, METHANOL));
        assertEquals(3, s.rank());
        assertTrue(s.determines(PROPANOL));
        assertTrue(s.determines(WATER));
        // ethanol and methanol only: propanol = 2·ethanol − methanol and water = 2·methanol − ethanol
        // are in the span; formaldehyde CH2O is not
        CompositionSpan two = CompositionSpan.of(List.of(ETHANOL, METHANOL));
        assertEquals(2, two.rank());
        assertTrue(two.determines(PROPANOL));
        assertTrue(two.determines(WATER));
        assertFalse(two.determines(new int[] {6, 8, 1, 1}));
    }

    @Test
    void anUnseenElementIsNamed() {
        CompositionSpan s = CompositionSpan.of(List.of(ETHANOL, ACETALDEHYDE, METHANOL));
        assertArrayEquals(new int[] {7}, s.unseenElements(AMMONIA));
        assertFalse(s.determines(AMMONIA));
        assertTrue(s.warning(AMMONIA).orElseThrow().startsWith("element(s) N never seen in training"), s.warning(AMMONIA).get());
        assertArrayEquals(new int[] {1, 6, 8}, s.elements());
    }
}
