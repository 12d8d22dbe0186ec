package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CausalGraphTest {
    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void rejectsAnEdgeAgainstTheOrderAndABadPermutation() {
        double[][] b = {{0, 0, 0}, {1.5, 0, 0}, {0, -2, 0}};   // a → b → c
        new CausalGraph(NAMES, b, new int[] {0, 1, 2});
        assertThrows(IllegalArgumentException.class, () -> new CausalGraph(NAMES, b, new int[] {1, 0, 2}));
        assertThrows(IllegalArgumentException.class, () -> new CausalGraph(NAMES, b, new int[] {0, 0, 2}));
        double[][] selfLoop = {{0.5, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        assertThrows(IllegalArgumentException.class, () -> new CausalGraph(NAMES, selfLoop, new int[] {0, 1, 2}));
    }

    @Test
    void isImmutableAndAnswersQueries() {
        double[][] b = {{0, 0, 0}, {1.5, 0, 0}, {0.5, -2, 0}};
        CausalGraph g = new CausalGraph(NAMES, b, new int[] {0, 1, 2});
        b[1][0] = 99;
        assertEquals(1.5, g.effect(0, 1));
        g.b()[1][0] = 99;
        assertEquals(1.5, g.b()[1][0]);
        assertEquals(List.of(0, 1), g.parents(2));
        assertEquals(2, g.index("c"));
        assertArrayEquals(new double[] {(1.5 + 0.5) / 3, -2.0 / 3, 0}, g.meanOutgoingEffects(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> g.index("d"));
    }
}
