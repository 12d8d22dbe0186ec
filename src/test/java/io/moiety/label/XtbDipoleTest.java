package io.moiety.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.chem.Structure;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading xtb's dipole block, and a real single point on water when xtb is installed. */
class XtbDipoleTest {
    @TempDir
    Path dir;

    static final String OUTPUT = String.join("\n",
            "molecular dipole:",
            "                 x           y           z       tot (Debye)",
            " q only:       -0.163      -0.124      -0.281",
            "   full:       -0.237      -0.283      -0.411       1.404",
            "molecular quadrupole (traceless):");

    @Test
    void parsesTheTotalOfTheLastFullLine() {
        assertEquals(1.404, XtbDipole.parseDipole("first\n" + OUTPUT.replace("1.404", "9.9") + "\n" + OUTPUT, "test"));
        ToolFailure f = assertThrows(ToolFailure.class, () -> XtbDipole.parseDipole("normal termination", "xtb single point"));
        assertTrue(f.getMessage().contains("xtb single point") && f.getMessage().contains("molecular dipole"), f.getMessage());
    }

    @Test
    void waterHasAboutTwoDebye() throws Exception {
        assumeTrue(ExternalTool.XTB.available(), "xtb not installed");
        Structure water = Structure.molecule(new int[] {8, 1, 1},
                new double[] {0, 0, 0.1173, 0, 0.7572, -0.4692, 0, -0.7572, -0.4692});
        XtbDipole xtb = XtbDipole.locate(dir, Duration.ofSeconds(60));
        double mu = xtb.singlePoint(water);
        assertTrue(mu > 1.8 && mu < 2.8, "GFN2-xTB water dipole " + mu + " D (experiment 1.85 D)");
        XtbDipole.Optimised opt = xtb.optimised(water);
        assertEquals(3, opt.structure().size());
        assertTrue(opt.dipoleDebye() > 1.8 && opt.dipoleDebye() < 2.8, "optimised " + opt.dipoleDebye());
    }
}
