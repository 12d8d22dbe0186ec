package io.moiety.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.chem.Structure;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.model.EnergyHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code training.e0}: which reference energies a run takes, on synthetic frames whose energies are
 * exactly Σ_i (E0(Z_i) + 0.1 eV), so both answers are known: isolated atoms give E0 and a shift of
 * 0.1 eV/atom; least squares gives E0 + 0.1 eV per element and no shift.
 */
class ReferenceEnergyChoiceTest {
    private static final Map<Integer, Double> E0 = Map.of(1, -10.5, 6, -48.25, 8, -128.75);
    private static final double PER_ATOM = 0.1;

    private static List<Frame> frames() {
        int[][] compositions = {{6, 1, 1, 1, 1}, {8, 1, 1}, {6, 8}, {6, 6, 1, 1, 1, 1, 8}, {8, 8}, {1, 1}};
        List<Frame> out = new ArrayList<>();
        for (int[] z : compositions) {
            double e = 0;
            for (int a : z) {
                e += E0.get(a) + PER_ATOM;
            }
            double[] f = new double[3 * z.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = 0.2 * Math.sin(1.7 * i + z.length);
            }
            out.add(Frame.of(Structure.molecule(z, new double[3 * z.length]), e, f));
        }
        return out;
    }

    private static IsolatedAtoms isolated(int... z) {
        List<IsolatedAtoms.Atom> atoms = new ArrayList<>();
        for (int zi : z) {
            atoms.add(new IsolatedAtoms.Atom(zi, 1, E0.get(zi)));
        }
        return new IsolatedAtoms(atoms, Map.of("level_of_theory", "test"), "data.h5");
    }

    private static TrainingConfig e0(String value) {
        return value == null ? TrainingConfig.defaults() : TrainingConfig.parse(Map.of("e0", value));
    }

    @Test
    void isolatedAtomsOfTheDataAreTheDefault() throws Exception {
        for (String mode : new String[] {null, "auto", "isolated", "ISOLATED"}) {
            EnergyHead n = EnergyHeadFit.fit(frames(), e0(mode), isolated(1, 6, 8));
            assertEquals(E0, n.referenceEnergies(), "e0=" + mode);
            assertEquals(PER_ATOM, n.shift(), 1e-12, "the network's per-atom shift takes the binding energy");
            assertEquals("isolated atoms from data.h5", n.source());
            assertTrue(n.fromIsolatedAtoms());
            assertTrue(n.describeReferences().startsWith("E0 (isolated atoms from data.h5): H -10.500000 eV, C -48.250000 eV"),
                    n.describeReferences());
        }
    }

    @Test
    void leastSquaresWhenAskedOrWhenTheDataHasNone() throws Exception {
        List<EnergyHead> fits = List.of(
                EnergyHeadFit.fit(frames(), e0("least-squares"), isolated(1, 6, 8)),
                EnergyHeadFit.fit(frames(), e0(null), IsolatedAtoms.none("data.h5")),
                EnergyHeadFit.fit(frames(), e0("auto"), isolated(1, 6)));
        for (EnergyHead n : fits) {
            assertEquals(EnergyHead.LEAST_SQUARES, n.source());
            assertFalse(n.fromIsolatedAtoms());
            E0.forEach((z, e) -> assertEquals(e + PER_ATOM, n.referenceEnergies().get(z), 1e-6, "Z=" + z));
            assertEquals(0.0, n.shift(), 1e-6);
        }
    }

    @Test
    void isolatedWithoutThemIsAnErrorNamingTheFile() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> EnergyHeadFit.fit(frames(), e0("isolated"), IsolatedAtoms.none("runs/data.h5")));
        assertTrue(none.getMessage().contains("runs/data.h5 has no isolated-atom energies")
                && none.getMessage().contains("moiety generate --add-isolated-atoms runs/data.h5"), none.getMessage());
        IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
                () -> EnergyHeadFit.fit(frames(), e0("isolated"), isolated(1, 6)));
        assertTrue(partial.getMessage().contains("data.h5 has no isolated-atom energy for [O]"), partial.getMessage());
    }

    @Test
    void theOptionIsValidatedAndRecorded() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> e0("atoms"));
        assertEquals("training.e0 must be isolated, anchored, least-squares or auto, got atoms", bad.getMessage());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.parse(Map.of("e0", "least-squares", "isolated_atoms", "e0.xyz")));
        assertTrue(clash.getMessage().contains("isolated_atoms (e0.xyz) is set"), clash.getMessage());
        assertEquals("auto", TrainingConfig.defaults().toMap().get("e0"));
        assertEquals("least-squares", TrainingConfig.parse(e0("least-squares").toMap()).e0());
    }
    @Test
    void anchoredEqualsLeastSquaresWhereTheCompositionsDetermineItAndIsolatedAtomsAlongTheRest() throws Exception {
        // full rank: the same answer as least squares
        EnergyHead full = EnergyHeadFit.fit(frames(), e0("anchored"), isolated(1, 6, 8));
        E0.forEach((z, e) -> assertEquals(e + PER_ATOM, full.referenceEnergies().get(z), 1e-6, "Z=" + z));
        assertEquals("least squares anchored at the isolated atoms from data.h5", full.source());
        assertFalse(full.fromIsolatedAtoms());

        // (CH2)k only: C and H are determined only as E(C) + 2 E(H); the correction lies along (1, 2)
        List<Frame> chains = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            int[] z = new int[3 * k];
            double e = 0;
            for (int i = 0; i < k; i++) {
                z[3 * i] = 6;
                z[3 * i + 1] = 1;
                z[3 * i + 2] = 1;
                e += E0.get(6) + 2 * E0.get(1) + 3 * PER_ATOM;
            }
            chains.add(Frame.of(Structure.molecule(z, new double[3 * z.length]), e, new double[3 * z.length]));
        }
        EnergyHead n = EnergyHeadFit.fit(chains, e0("anchored"), isolated(1, 6));
        double dC = n.referenceEnergies().get(6) - E0.get(6);
        double dH = n.referenceEnergies().get(1) - E0.get(1);
        assertEquals(3 * PER_ATOM, dC + 2 * dH, 1e-9, "the CH2 sum is the training energies'");
        assertEquals(0.0, 2 * dC - dH, 1e-9, "no correction along the direction the data leave open");
        assertEquals(0.0, n.shift(), 1e-9);
    }

    @Test
    void thePriorIsGivenTheRawIsolatedAtomEnergiesNotTheHeadsAnchoredOnes() throws Exception {
        // what Training anchors a prior's element part at: the energies as stored, whichever head e0 makes of them
        for (String mode : new String[] {"auto", "isolated", "anchored"}) {
            EnergyHeadFit.Isolated iso = EnergyHeadFit.isolated(frames(), e0(mode), isolated(1, 6, 8)).orElseThrow();
            assertEquals(E0, iso.energies().asMap(), "e0=" + mode);
            assertEquals("data.h5", iso.origin());
        }
        assertTrue(EnergyHeadFit.isolated(frames(), e0("least-squares"), isolated(1, 6, 8)).isEmpty());
        assertTrue(EnergyHeadFit.isolated(frames(), e0("auto"), isolated(1, 6)).isEmpty(), "auto without O: least squares");
        assertThrows(IllegalArgumentException.class, () -> EnergyHeadFit.isolated(frames(), e0("anchored"), isolated(1, 6)));
    }

    @Test
    void anchoredWithoutIsolatedAtomsIsAnErrorNamingTheData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnergyHeadFit.fit(frames(), e0("anchored"), IsolatedAtoms.none("data.h5")));
        assertTrue(e.getMessage().contains("training.e0 is anchored") && e.getMessage().contains("data.h5"), e.getMessage());
    }
}
