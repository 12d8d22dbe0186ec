package io.moiety.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferenceEnergiesTest {

    private static Frame frame(int[] z, double energy, double[] forces) {
        return Frame.of(Structure.molecule(z, new double[3 * z.length]), energy, forces);
    }

    @Test
    void leastSquaresRecoversPerElementEnergies() {
        Map<Integer, Double> truth = Map.of(1, -13.6, 6, -1029.5, 8, -2040.9);
        Random r = new Random(3);
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            int nh = 1 + r.nextInt(8);
            int nc = r.nextInt(4);
            int no = r.nextInt(3);
            int[] z = new int[nh + nc + no];
            double e = 0;
            for (int i = 0; i < z.length; i++) {
                z[i] = i < nh ? 1 : i < nh + nc ? 6 : 8;
                e += truth.get(z[i]);
            }
            frames.add(frame(z, e, null));
        }
        ReferenceEnergies fit = ReferenceEnergies.fit(frames, 0);
        truth.forEach((z, e) -> assertEquals(e, fit.of(z), 1e-6, "Z=" + z));
        assertEquals(0.0, fit.of(7));
        assertEquals(-13.6 * 2 - 2040.9, fit.total(new int[] {1, 1, 8}), 1e-6);
    }

    @Test
    void isolatedAtomsAndNormalisation() {
        ReferenceEnergies refs = ReferenceEnergies.fromIsolatedAtoms(List.of(frame(new int[] {1}, -13.0, null),
                frame(new int[] {8}, -2000.0, null)));
        assertEquals(-13.0, refs.of(1));
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceEnergies.fromIsolatedAtoms(List.of(frame(new int[] {1, 1}, -27, null))));
        // per-atom residuals 0.5 and 1.5 → shift 1.0; forces ±2 → RMS scale 2
        List<Frame> frames = List.of(
                frame(new int[] {8, 1}, -2013.0 + 1.0, new double[] {2, -2, 2, -2, 2, -2}),
                frame(new int[] {1, 1}, -26.0 + 3.0, new double[] {2, 2, 2, -2, -2, -2}));
        EnergyHead n = EnergyHead.fit(frames, refs, EnergyHead.ISOLATED + "test");
        assertEquals(1.0, n.shift(), 1e-12);
        assertEquals(2.0, n.scale(), 1e-12);
    }
    @Test
    void readsIsolatedAtomsOfTheEthanolSet() throws Exception {
        java.nio.file.Path dir = io.moiety.data.io.SharedData.dir().resolve("data/botnet-ethanol");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(dir), "shared data not present");
        ReferenceEnergies refs = ReferenceEnergies.fromIsolatedAtoms(dir.resolve("isolated_atoms.xyz"));
        assertEquals(-13.568422383046626, refs.of(1), 1e-12);
        assertEquals(-1025.2770951782686, refs.of(6), 1e-12);
        assertEquals(java.util.Set.of(1, 6, 7, 8), refs.asMap().keySet()); // the file also has N
        // on real ethanol frames: atomisation energy per atom is a few eV, forces O(1) eV/Å
        List<Frame> train = new ArrayList<>();
        try (io.moiety.data.Dataset d = io.moiety.data.io.DatasetFiles.open(dir.resolve("train.xyz"))) {
            for (io.moiety.data.MoleculeRecord m : d) {
                train.addAll(m.frames());
            }
        }
        assertEquals(1000, train.size());
        EnergyHead n = EnergyHead.fit(train, refs, EnergyHead.LEAST_SQUARES);
        org.junit.jupiter.api.Assertions.assertTrue(n.shift() < -2 && n.shift() > -6, "shift " + n.shift());
        org.junit.jupiter.api.Assertions.assertTrue(n.scale() > 0.3 && n.scale() < 3, "scale " + n.scale());
    }
}
