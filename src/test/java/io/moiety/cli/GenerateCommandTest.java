package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.data.Dataset;
import io.moiety.data.FolderLock;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
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
        }
        assertTrue(Files.exists(tmp.resolve("work").resolve("default.lock")));
        String[] again = args.clone();
        CliRun second = CliRun.of(again);
        assertEquals(1, second.code(), "the output exists without --force");
    }
}
