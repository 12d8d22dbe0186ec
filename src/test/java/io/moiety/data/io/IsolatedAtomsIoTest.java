package io.moiety.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Isolated-atom energies in Moiety HDF5 (group isolated_atoms) and extended XYZ (config_type=IsolatedAtom frames). */
class IsolatedAtomsIoTest {
    @TempDir Path tmp;

    private static IsolatedAtoms atoms() {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("level_of_theory", "GFN2-xTB");
        provenance.put("program", "xtb version 6.5.1 (test)");
        provenance.put("method", "xtb atom.xyz --gfn 2 --uhf N");
        provenance.put("command", "moiety generate --all --scale default");
        provenance.put("date", "2026-12-02T03:30:00Z");
        return new IsolatedAtoms(List.of(new IsolatedAtoms.Atom(8, 3, -128.123456789012345),
                new IsolatedAtoms.Atom(1, 2, -10.707211383396714), new IsolatedAtoms.Atom(6, 3, -48.847445262804705)),
                provenance, "");
    }

    /** Water frames with float32-exact values, so that the HDF5 round trip is exact. */
    private static List<MoleculeRecord> water() {
        Structure s = Structure.molecule(new int[] {8, 1, 1}, new double[] {0, 0, 0, 0, 0, 0.96875, 0.9375, 0, -0.25});
        Frame f = Frame.of(s, -137.25, new double[] {0.5, 0, 0, 0, 0.25, 0, 0, 0, -0.75});
        return List.of(new MoleculeRecord("water", "O", "H2O", 0, 1, "GFN2-xTB", "test", List.of(f, f)));
    }

    private static void assertSame(IsolatedAtoms expected, IsolatedAtoms actual) {
        assertEquals(expected.atoms(), actual.atoms());
        assertEquals(new LinkedHashMap<>(expected.provenance()).toString(), new LinkedHashMap<>(actual.provenance()).toString(),
                "provenance, in order");
    }

    @Test
    void hdf5ToXyzToHdf5KeepsThemApartFromTheMolecules() throws Exception {
        Path h5 = tmp.resolve("d.h5");
        DatasetFiles.write(h5, water(), atoms(), WriteOptions.defaults());
        assertEquals(Format.MOIETY_HDF5, DatasetFiles.detect(h5));
        Path xyz = tmp.resolve("d.xyz");
        try (Dataset d = DatasetFiles.open(h5)) {
            assertEquals(List.of("water"), d.moleculeIds(), "the isolated_atoms group is not a molecule");
            assertEquals(water(), d.readAll());
            assertSame(atoms(), d.isolatedAtoms());
            assertEquals(h5.toString(), d.isolatedAtoms().origin());
            DatasetFiles.write(xyz, d, d.isolatedAtoms(), WriteOptions.defaults());
        }
        String text = Files.readString(xyz);
        assertTrue(text.startsWith("1\nProperties=species:S:1:pos:R:3:forces:R:3 config_type=IsolatedAtom multiplicity=2 "),
                text.substring(0, 200));
        assertTrue(text.contains(" energy=-10.707211383396714 pbc=\"F F F\"\nH 0.0 0.0 0.0 0.0 0.0 0.0\n"), text);
        Path back = tmp.resolve("back.h5");
        try (Dataset d = DatasetFiles.open(xyz)) {
            assertEquals(List.of("water"), d.moleculeIds(), "IsolatedAtom frames are not molecules");
            assertEquals(water().get(0).frames(), d.molecule("water").frames());
            assertSame(atoms(), d.isolatedAtoms());
            DatasetFiles.write(back, d, d.isolatedAtoms(), WriteOptions.defaults());
        }
        try (Dataset d = DatasetFiles.open(back)) {
            assertSame(atoms(), d.isolatedAtoms());
            assertEquals(water(), d.readAll());
        }
    }

    @Test
    void aFileOfIsolatedAtomsOnlyReadsInBothFormats() throws Exception {
        Path xyz = tmp.resolve("e0.xyz");
        DatasetFiles.write(xyz, List.of(), atoms(), WriteOptions.defaults());
        Path h5 = tmp.resolve("e0.h5");
        try (Dataset d = DatasetFiles.open(xyz)) {
            assertEquals(List.of(), d.moleculeIds());
            DatasetFiles.write(h5, d, d.isolatedAtoms(), WriteOptions.defaults());
        }
        assertEquals(Format.MOIETY_HDF5, DatasetFiles.detect(h5));
        try (Dataset d = DatasetFiles.open(h5)) {
            assertEquals(List.of(), d.moleculeIds());
            assertEquals(-128.123456789012345, d.isolatedAtoms().energy(8).orElseThrow(), 0.0);
        }
    }

    /** MACE users' files: other key spellings, no multiplicity, a custom energy key, extra keys kept as provenance. */
    @Test
    void maceStyleFramesAreRecognised() throws Exception {
        Path xyz = tmp.resolve("mace.xyz");
        Files.writeString(xyz, """
                1
                Properties=species:S:1:pos:R:3 config_type=isolated_atom REF_energy=-13.6 pbc="F F F" note=a
                H 0 0 0
                1
                Properties=species:S:1:pos:R:3:REF_forces:R:3 config_type=IsolatedAtom REF_energy=-1025.25 note=b
                C 0 0 0 0 0 0
                2
                Properties=species:S:1:pos:R:3 REF_energy=-27.0
                H 0 0 0
                H 0 0 0.74
                """);
        try (Dataset d = DatasetFiles.open(xyz, new ReadOptions(null, "REF_energy", "REF_forces"))) {
            assertEquals(List.of("H2"), d.moleculeIds());
            IsolatedAtoms a = d.isolatedAtoms();
            assertEquals(List.of(new IsolatedAtoms.Atom(1, 0, -13.6), new IsolatedAtoms.Atom(6, 0, -1025.25)), a.atoms());
            assertEquals(Map.of("note", "a | b"), a.provenance(), "a key that differs between frames keeps both values");
        }
    }

    @Test
    void malformedIsolatedAtomFramesNameTheLine() throws Exception {
        assertError("2\nconfig_type=IsolatedAtom energy=-1\nH 0 0 0\nH 0 0 1\n", ":2: config_type: an IsolatedAtom frame must hold one atom");
        assertError("1\nconfig_type=IsolatedAtom\nH 0 0 0\n", ":2: energy: missing");
        assertError("1\nconfig_type=IsolatedAtom energy=-1 charge=1\nH 0 0 0\n", ":2: charge: an IsolatedAtom frame is a neutral atom");
        assertError("1\nconfig_type=IsolatedAtom energy=-1\nH 0 0 0\n1\nconfig_type=IsolatedAtom energy=-2\nH 0 0 0\n",
                ":5: config_type: second IsolatedAtom frame for H (the first is at line 2)");
    }

    private void assertError(String text, String expected) throws Exception {
        Path xyz = tmp.resolve("bad.xyz");
        Files.writeString(xyz, text);
        DataFileException e = assertThrows(DataFileException.class, () -> DatasetFiles.open(xyz).close());
        assertTrue(e.getMessage().startsWith(xyz.toString()) && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aMoleculeCannotTakeTheGroupName() {
        MoleculeRecord m = water().get(0);
        MoleculeRecord clash = new MoleculeRecord("isolated_atoms", m.smiles(), m.formula(), 0, 1, "", "", m.frames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetFiles.write(tmp.resolve("x.h5"), List.of(clash), WriteOptions.defaults()));
        assertTrue(e.getMessage().contains("'isolated_atoms' is reserved"), e.getMessage());
    }

    /** The BOTNet ethanol data's isolated_atoms.xyz (config_type=isolated_atom) reads as isolated atoms. */
    @Test
    void sharedBotnetFileReadsAsIsolatedAtoms() throws Exception {
        Path iso = SharedData.dir().resolve("data/botnet-ethanol/isolated_atoms.xyz");
        assumeTrue(Files.exists(iso), "needs ../shared/data");
        try (Dataset d = DatasetFiles.open(iso)) {
            assertEquals(List.of(), d.moleculeIds());
            assertEquals(-13.568422383046626, d.isolatedAtoms().energy(1).orElseThrow(), 0.0);
            assertEquals(List.of(1, 6, 7, 8), List.copyOf(d.isolatedAtoms().energies().keySet()));
        }
    }
}
