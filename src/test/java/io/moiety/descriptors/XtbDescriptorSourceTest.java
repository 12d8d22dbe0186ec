package io.moiety.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.chem.Units;
import io.moiety.label.ExternalTool;
import io.moiety.label.LocalEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The xtb source end to end with a stand-in xtb whose outputs are known (real Open Babel for the
 * 3D structures): the unit conversions and energy differences, and resuming without recomputing.
 */
class XtbDescriptorSourceTest {
    /** xtb calls per molecule: --ohess, --vipea, two ALPB single points, three optimisations in water. */
    static final int CALLS_PER_MOLECULE = 7;

    @TempDir Path tmp;

    private XtbDescriptorSource source(Path xtb, Path work) {
        return new XtbDescriptorSource(xtb, work, Duration.ofSeconds(60), new LocalEngine(2), (row, failed, reused) -> { }, true);
    }

    @Test
    void valuesFollowFromTheOutputsAndFinishedMoleculesAreNeverRecomputed() throws Exception {
        assumeTrue(ExternalTool.OBABEL.available(), "obabel not installed");
        Path xtb = FakeXtb.install(tmp.resolve("bin"), 0);
        Path work = tmp.resolve("work");

        DescriptorTable first = source(xtb, work).descriptors(List.of("O", "CO"));
        assertEquals(0, first.failed(), () -> first.failures().toString());
        assertEquals(2 * CALLS_PER_MOLECULE, FakeXtb.calls(xtb).size());

        double[] water = first.values()[0];
        assertEquals(18.015, water[QmexDescriptor.MW.ordinal()], 1e-9);
        assertEquals(8.0 / 3.0, water[QmexDescriptor.NE_NA.ordinal()], 1e-12);
        assertEquals(-11.1060, water[QmexDescriptor.HOMO.ordinal()], 1e-12);
        assertEquals(-0.4859, water[QmexDescriptor.LUMO.ordinal()], 1e-12);
        assertEquals(9.4207, water[QmexDescriptor.EIV.ordinal()], 1e-12);
        assertEquals(-0.8796, water[QmexDescriptor.EAV.ordinal()], 1e-12);
        assertEquals(54.067604, water[QmexDescriptor.ALPHA.ordinal()], 1e-12);
        assertEquals(2.371, water[QmexDescriptor.MU.ordinal()], 1e-12);
        assertEquals(-9.9, water[QmexDescriptor.G.ordinal()], 1e-12);
        double kT = 1.380649e-23 * 298.15;
        double volumeCm3 = kT / 101325.0 * 1e6;
        assertEquals(Math.log10(0.207e8 * 0.855e27 * volumeCm3), water[QmexDescriptor.LOG_Q.ordinal()], 1e-9);
        assertEquals(Math.log10(0.1826153 * 29.9792458), water[QmexDescriptor.LOG_RA.ordinal()], 1e-9);
        // fake charges are 0.01 i - 0.02 for atoms i = 1..3; fake bond orders 0.(i+j): bonds O1-H2, O1-H3
        assertEquals(-0.01, water[QmexDescriptor.MIN_ESP.ordinal()], 1e-12);
        assertEquals(0.01, water[QmexDescriptor.MAX_ESP.ordinal()], 1e-12);
        assertEquals(0.3, water[QmexDescriptor.MIN_MBO.ordinal()], 1e-12);
        assertEquals(0.4, water[QmexDescriptor.MAX_MBO.ordinal()], 1e-12);
        assertEquals(-0.02 * Units.HARTREE_EV, water[QmexDescriptor.DEW.ordinal()], 1e-9);
        assertEquals(-0.03 * Units.HARTREE_EV, water[QmexDescriptor.DEO.ordinal()], 1e-9);
        // fake energies: -10 Eh - 0.1 Eh per unit charge, so E(A-) - E(AH) = E(B) - E(BH+) = 0.1 Eh
        assertEquals(0.1 * Units.HARTREE_EV, water[QmexDescriptor.DEACID.ordinal()], 1e-9);
        assertEquals(0.1 * Units.HARTREE_EV, water[QmexDescriptor.DEBASE.ordinal()], 1e-9);
        assertEquals(water[QmexDescriptor.ALPHA.ordinal()] / water[QmexDescriptor.VM.ordinal()],
                water[QmexDescriptor.ALPHA_VM.ordinal()], 1e-12);

        XtbDescriptorSource again = source(xtb, work);
        DescriptorTable second = again.descriptors(List.of("O", "CO", "N"));
        assertEquals(2, again.reused());
        assertEquals(3 * CALLS_PER_MOLECULE, FakeXtb.calls(xtb).size(), "only ammonia is computed");
        for (int j = 0; j < water.length; j++) {
            assertEquals(water[j], second.values()[0][j], 0.0, "stored value read back exactly");
        }
        assertNull(second.failures().get(2));
    }

    @Test
    void storedOnlyComputesNothing() throws Exception {
        assumeTrue(ExternalTool.OBABEL.available(), "obabel not installed");
        Path xtb = FakeXtb.install(tmp.resolve("bin"), 0);
        Path work = tmp.resolve("work");
        source(xtb, work).descriptors(List.of("O"));
        DescriptorTable t = new XtbDescriptorSource(xtb, work, Duration.ofSeconds(60), new LocalEngine(1), (r, f, u) -> { }, false)
                .descriptors(List.of("O", "CO"));
        assertEquals(CALLS_PER_MOLECULE, FakeXtb.calls(xtb).size());
        assertNull(t.failures().get(0));
        assertEquals(QmexWork.NOT_COMPUTED, t.failures().get(1));
        assertFalse(Double.isNaN(t.values()[0][0]));
        assertEquals(Double.NaN, t.values()[1][0]);
    }
}
