package io.moiety.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Unit conversion against a real xtb 6.5.1 output: water.gradient is the {@code gradient} file of
 * {@code xtb water.xyz --gfn 2 --grad --norestart} (both committed as test resources).
 */
class XtbLabelTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = XtbLabelTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void energyAndForcesAreConvertedToEvAndEvPerAngstrom() throws IOException {
        XtbLabel l = XtbLabel.parseGradientFile(resource("water.gradient"), 3, "water.gradient");
        // By hand (bc): -5.07010997103 Eh × 27.211386245988 eV/Eh = -137.964720731332359 eV (bc, scale=25)
        assertEquals(-137.96472073133236, l.energy(), 1e-11);
        // Hartree/bohr → eV/Å: 27.211386245988 / 0.529177210903 = 51.42206747632588537
        // O: gradient y = -1.6269443293883E-02 Eh/bohr → force +0.83660841086030930 eV/Å
        assertEquals(0.8366084108603093, l.forces()[1], 1e-12);
        // H2: gradient y = 1.6985367339853E-03, z = -6.4700444488459E-03
        assertEquals(-0.0873422705460103, l.forces()[4], 1e-12);
        assertEquals(0.3327030622233816, l.forces()[5], 1e-12);
        // H3: gradient z = 6.1686797931822E-03 → -0.31720626856486310 eV/Å
        assertEquals(-0.3172062685648631, l.forces()[8], 1e-12);
        // forces of an isolated molecule sum to zero (translational invariance)
        for (int k = 0; k < 3; k++) {
            assertEquals(0.0, l.forces()[k] + l.forces()[3 + k] + l.forces()[6 + k], 1e-6);
        }
    }

    @Test
    void truncatedFileIsAFailureNamingTheFile() {
        ToolFailure f = assertThrows(ToolFailure.class, () -> XtbLabel.parseGradientFile("$grad\n  cycle = 1 SCF energy = -1.0\n$end\n", 3, "g.txt"));
        assertEquals(true, f.getMessage().startsWith("g.txt"), f.getMessage());
    }
}
