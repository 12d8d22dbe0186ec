package io.moiety.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moiety.chem.Structure;
import io.moiety.chem.Units;
import org.junit.jupiter.api.Test;

/** Van der Waals volume and ⟨R²⟩ against closed forms. */
class MolecularShapeTest {

    @Test
    void volumeOfOneAtomIsItsSphere() {
        Structure c = Structure.molecule(new int[] {6}, new double[] {0.3, -0.2, 0.1});
        double r = MolecularShape.vdwRadius(6);
        assertEquals(4.0 / 3.0 * Math.PI * r * r * r, MolecularShape.volume(c, 0.05), 0.005 * 4 / 3.0 * Math.PI * r * r * r);
    }

    @Test
    void overlappingSpheresCountTheLensOnce() {
        double d = 1.2;
        Structure h2 = Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 0, 0, d});
        double r = MolecularShape.vdwRadius(1);
        double sphere = 4.0 / 3.0 * Math.PI * r * r * r;
        double lens = Math.PI * (4 * r + d) * (2 * r - d) * (2 * r - d) / 12;
        assertEquals(2 * sphere - lens, MolecularShape.volume(h2, 0.04), 0.01 * (2 * sphere - lens));
    }

    @Test
    void spatialExtentOfTwoPointPopulations() {
        // two neutral H atoms 1 Å apart: populations 1 each, centre in the middle: 2 * (0.5 Å)² in bohr²
        Structure h2 = Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 1, 0, 0});
        double expected = 2 * 0.25 / (Units.BOHR_ANGSTROM * Units.BOHR_ANGSTROM);
        assertEquals(expected, MolecularShape.spatialExtent(h2, new double[] {0, 0}), 1e-12);
        // charges shift the populations: 0.5 and 1.5 electrons, centre at 0.75 Å
        double shifted = (0.5 * 0.75 * 0.75 + 1.5 * 0.25 * 0.25) / (Units.BOHR_ANGSTROM * Units.BOHR_ANGSTROM);
        assertEquals(shifted, MolecularShape.spatialExtent(h2, new double[] {0.5, -0.5}), 1e-12);
    }
}
