package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.chem.Structure;
import io.moiety.data.Dataset;
import io.moiety.data.FolderLock;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import io.moiety.label.ExternalTool;
import io.moiety.label.MoleculeJob;
import io.moiety.task.Task;
import io.moiety.task.TaskLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code moiety generate}: SMILES input, the work-directory lock, and failures a task cannot do without. */
class GenerateCommandTest {
    @TempDir Path tmp;

    @Test
    void aSecondRunOnTheSameWorkDirectoryIsRefused() throws Exception {
        Path work = tmp.resolve("work");
        try (FolderLock held = FolderLock.tryAcquire(work.resolve("default"))) {
            assertNotNull(held);
            CliRun r = CliRun.of("generate", "--smiles", "CO", "--work", work.toString(), "--out",
                    tmp.resolve("x.h5").toString(), "--no-progress");
            assertEquals(ExitCode.ERROR.code(), r.code());
            assertTrue(r.err().contains("another moiety generate is using this work directory"), r.err());
        }
    }

    @Test
    void aMoleculeATaskNeedsIsReportedWhenItHasNoData() {
        Task fusion = TaskLoader.standard().load("fusion");
        List<MoleculeJob> jobs = GenerateCommand.jobs(List.of(fusion));
        MoleculeJob trained = jobs.stream().filter(MoleculeJob::secondary).findFirst().orElseThrow();
        List<MoleculeRecord> records = new ArrayList<>();
        for (MoleculeJob j : jobs) {
            records.add(record(j.name()));
            if (j.secondary() && j != trained) {
                records.add(record(j.name() + ".md2"));
            }
        }
        assertEquals(List.of(trained.name() + " (" + trained.molecule().canonicalSmiles()
                + "): no second trajectory; needed by fusion"), GenerateCommand.missing(jobs, records, List.of(fusion)));
        records.removeIf(r -> r.id().equals(trained.name()));
        assertTrue(GenerateCommand.missing(jobs, records, List.of(fusion)).get(0).contains(": no primary trajectory, no second trajectory;"));
    }

    /** A finished file gets the isolated-atom energies of its elements; its molecules are rewritten unchanged. */
    @Test
    void addsIsolatedAtomsToAFinishedDataset() throws Exception {
        assumeTrue(ExternalTool.XTB.available(), "xtb is needed (CI installs it)");
        Path file = tmp.resolve("water.h5");
        Structure s = Structure.molecule(new int[] {8, 1, 1}, new double[] {0, 0, 0, 0, 0, 0.96875, 0.9375, 0, -0.25});
        List<MoleculeRecord> water = List.of(new MoleculeRecord("water", "O", "H2O", 0, 1, "GFN2-xTB", "test",
                List.of(Frame.of(s, -137.25, new double[] {0.5, 0, 0, 0, 0.25, 0, 0, 0, -0.75}))));
        DatasetFiles.write(file, water, WriteOptions.defaults());
        String work = tmp.resolve("work").toString();
        CliRun r = CliRun.of("generate", "--add-isolated-atoms", file.toString(), "--work", work);
        assertEquals(0, r.code(), r.out() + r.err());
        IsolatedAtoms added;
        try (Dataset d = DatasetFiles.open(file)) {
            assertEquals(water, d.readAll());
            added = d.isolatedAtoms();
        }
        assertEquals(List.of(1, 8), added.atoms().stream().map(IsolatedAtoms.Atom::z).toList());
        assertEquals(List.of(2, 3), added.atoms().stream().map(IsolatedAtoms.Atom::multiplicity).toList());
        assertTrue(added.provenance().get("program").startsWith("xtb version"), added.provenance().toString());
        assertEquals("GFN2-xTB", added.provenance().get("level_of_theory"));
        // GFN2-xTB H atom: about −0.3935 Eh
        assertEquals(-0.3935 * 27.211386245988, added.energy(1).orElseThrow(), 0.01);
        var written = Files.getLastModifiedTime(file);
        CliRun again = CliRun.of("generate", "--add-isolated-atoms", file.toString(), "--work", work);
        assertEquals(0, again.code(), again.out() + again.err());
        try (Dataset d = DatasetFiles.open(file)) {
            assertEquals(added.provenance(), d.isolatedAtoms().provenance(), "not computed again (same date)");
        }
        assertEquals(written, Files.getLastModifiedTime(file), "a file that has them is left alone");
    }

    private static MoleculeRecord record(String id) {
        var s = io.moiety.chem.Structure.molecule(new int[] {1, 1}, new double[] {0, 0, 0, 0, 0, 0.74});
        return new MoleculeRecord(id, "[H][H]", "H2", 0, 1, "", "", List.of(io.moiety.data.Frame.of(s, -1, new double[6])));
    }

    /** Real xtb and obabel (CI installs them): two SMILES to a labelled file, resumable. */
    @Test
    void generatesFromSmilesOnTheCommandLine() throws Exception {
        assumeTrue(ExternalTool.XTB.available() && ExternalTool.OBABEL.available(), "xtb and obabel are needed (CI installs them)");
        Path out = tmp.resolve("mine.h5");
        String[] args = {"generate", "--smiles", "CO", "--smiles", "C", "--work", tmp.resolve("work").toString(),
                "--out", out.toString(), "--primary-frames", "2", "--secondary-frames", "1", "--equilibration", "10",
                "--dump", "5", "--step", "0.5", "--workers", "2", "--no-progress"};
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.out() + r.err());
        try (Dataset d = DatasetFiles.open(out)) {
            assertEquals(List.of("C", "C.md2", "CO", "CO.md2"), d.moleculeIds());
            MoleculeRecord m = d.molecule("CO");
            assertEquals(2, m.frames().size());
            assertEquals("CH4O", m.formula());
            assertEquals(List.of(1, 6, 8), d.isolatedAtoms().atoms().stream().map(IsolatedAtoms.Atom::z).toList());
            assertEquals(List.of(2, 3, 3), d.isolatedAtoms().atoms().stream().map(IsolatedAtoms.Atom::multiplicity).toList(),
                    "ground-state spins: H doublet, C and O triplets");
            assertTrue(d.isolatedAtoms().provenance().get("command").startsWith("moiety generate --smiles 'CO' --smiles 'C'"));
        }
        assertTrue(Files.exists(tmp.resolve("work").resolve("default.lock")));
        String[] again = args.clone();
        CliRun second = CliRun.of(again);
        assertEquals(1, second.code(), "the output exists without --force");
    }
}
