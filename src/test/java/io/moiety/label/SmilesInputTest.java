package io.moiety.label;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMILES from the command line and from files: names, comments, and file:line errors. */
class SmilesInputTest {
    @TempDir Path tmp;

    private Path file(String text) throws Exception {
        Path p = tmp.resolve("mols.smi");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsNamesCommentsAndBlankLines() throws Exception {
        List<MoleculeJob> jobs = SmilesInput.fromFile(file("# my molecules\nCCO ethanol\n\n  OC=O   # formic acid\nC/C=C/C\n"));
        assertEquals(List.of("ethanol", "OC=O", "mol5"), jobs.stream().map(MoleculeJob::name).toList());
        assertEquals("C2H6O", jobs.get(0).molecule().formula());
        assertTrue(jobs.stream().allMatch(MoleculeJob::secondary), "sampled like training molecules");
        assertEquals(List.of("CCO", "N"), SmilesInput.fromArguments(List.of("CCO", "N")).stream().map(MoleculeJob::name).toList());
    }

    @Test
    void badLinesNameFileAndLine() throws Exception {
        Path p = file("CCO\nC1CC bad-ring\n");
        var e = assertThrows(IllegalArgumentException.class, () -> SmilesInput.fromFile(p));
        assertTrue(e.getMessage().startsWith(p + ":2: SMILES: invalid SMILES 'C1CC'"), e.getMessage());

        Path three = file("CCO a b\n");
        e = assertThrows(IllegalArgumentException.class, () -> SmilesInput.fromFile(three));
        assertEquals(three + ":1: expected 'SMILES [NAME]', got 3 fields: 'CCO a b'", e.getMessage());

        Path dup = file("CCO x\nOCC y\n");
        e = assertThrows(IllegalArgumentException.class, () -> SmilesInput.fromFile(dup));
        assertTrue(e.getMessage().startsWith(dup + ":2: SMILES: 'OCC' is the same molecule as " + dup + ":1"), e.getMessage());

        Path sameName = file("CCO x\nCO x\n");
        e = assertThrows(IllegalArgumentException.class, () -> SmilesInput.fromFile(sameName));
        assertEquals(sameName + ":2: name: 'x' is already used at " + sameName + ":1", e.getMessage());

        Path slash = file("CCO a/b\n");
        e = assertThrows(IllegalArgumentException.class, () -> SmilesInput.fromFile(slash));
        assertTrue(e.getMessage().startsWith(slash + ":1: name: 'a/b' may use"), e.getMessage());

        Path radical = file("C[CH2]\n");
        e = assertThrows(IllegalArgumentException.class, () -> SmilesInput.fromFile(radical));
        assertTrue(e.getMessage().contains(":1: SMILES: ") && e.getMessage().contains("closed-shell"), e.getMessage());

        Path empty = file("# nothing\n\n");
        e = assertThrows(IllegalArgumentException.class, () -> SmilesInput.fromFile(empty));
        assertEquals(empty + ": no SMILES (only blank lines and # comments)", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> SmilesInput.fromArguments(List.of("CCO", "XyZ")));
        assertTrue(e.getMessage().startsWith("--smiles 'XyZ': SMILES: "), e.getMessage());
    }

    @Test
    void retryFailedClearsEveryRecordedFailure() throws Exception {
        WorkStore store = new WorkStore(tmp.resolve("work"), "seed=1");
        Path mol = tmp.resolve("work/molecules/ethanol-abc");
        Path frames = mol.resolve("primary-k/frames");
        Files.createDirectories(frames);
        Files.writeString(mol.resolve("failed.txt"), "rearranged\n");
        Files.writeString(frames.resolve("00003.failed"), "SCF\n");
        Files.writeString(frames.resolve("00004.label"), "ok\n");
        assertEquals(2, store.clearFailures());
        assertFalse(Files.exists(mol.resolve("failed.txt")));
        assertFalse(Files.exists(frames.resolve("00003.failed")));
        assertTrue(Files.exists(frames.resolve("00004.label")), "labels stay");
        assertEquals(0, store.clearFailures());
    }
}
