package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.moiety.chem.Structure;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import io.moiety.eval.SyntheticChains;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code moiety bench} end to end through Main on a small synthetic Moiety HDF5 file and task. */
class BenchCommandTest {
    @TempDir Path tmp;
    Path tasks;
    Path data;
    Path suite;



    private static final String[][] MOLECULES = {
        {"ethane", "CC", "2", "0", "train"}, {"propane", "CCC", "3", "0", "train"}, {"ethanol", "CCO", "2", "1", "train"},
        {"propan-1-ol", "CCCO", "3", "1", "train"}, {"pentane", "CCCCC", "5", "0", "ood"}, {"butane-1,4-diol", "OCCCCO", "4", "2", "ood"}};

    @BeforeEach
    void files() throws Exception {
        tasks = Files.createDirectories(tmp.resolve("tasks"));
        StringBuilder yaml = new StringBuilder("""
                name: toy
                description: toy chains
                sampling:
                  temperature_K: 300
                  step_fs: 0.5
                  hydrogen_mass_amu: 1
                  shake: 0
                  initial_temperature_factor: 2
                  scales:
                    default: {md_method: gfnff, equilibration_fs: 100, dump_fs: 20, primary_frames: 8, secondary_frames: 6}
                molecules:
                """);
        List<MoleculeRecord> mols = new ArrayList<>();
        long seed = 1;
        for (String[] m : MOLECULES) {
            yaml.append("  - {name: \"").append(m[0]).append("\", smiles: \"").append(m[1]).append("\", role: ").append(m[4]).append("}\n");
            Structure s = SyntheticChains.chain(Integer.parseInt(m[2]), Integer.parseInt(m[3]));
            MoleculeRecord r = SyntheticChains.molecule(m[0], s, 8, 0.03, SyntheticChains.defaultModel(), seed++);
            mols.add(new MoleculeRecord(m[0], m[1], r.formula(), 0, 1, r.levelOfTheory(), r.source(), r.frames()));
            if (m[4].equals("train")) {
                MoleculeRecord r2 = SyntheticChains.molecule(m[0] + ".md2", s, 6, 0.03, SyntheticChains.defaultModel(), seed++);
                mols.add(new MoleculeRecord(m[0] + ".md2", m[1], r2.formula(), 0, 1, r2.levelOfTheory(), r2.source(), r2.frames()));
            }
        }
        Files.writeString(tasks.resolve("toy.yaml"), yaml.toString());
        data = tmp.resolve("toy.h5");
        DatasetFiles.write(data, mols, WriteOptions.defaults());
        suite = tmp.resolve("toy-suite.yaml");
        Files.writeString(suite, """
                name: toy-suite
                description: baselines on the toy task
                data: default
                tasks: [toy]
                models: [element-reference, group-additivity]
                seeds: [1]
                """);
    }

    @Test
    void runsAndResumesEndToEnd() throws Exception {
        Path out = tmp.resolve("run");
        CliRun r = CliRun.of("bench", "--suite", suite.toString(), "--tasks-dir", tasks.toString(), "--data", data.toString(),
                "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("group-additivity") && r.out().contains("report.html"), r.out());
        for (String f : List.of("report.md", "report.html", "results.json", "results.csv", "environments.csv",
                "plots/bars-toy-energy.png", "plots/bars-toy-energy.svg", "cells/toy/group-additivity/seed-1/result.json",
                "cells/toy/group-additivity/seed-1/predictions-ood.csv")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains(io.moiety.data.FileHash.sha256(data)), "report states the data hash");
        assertTrue(md.contains("`O(C,H)`") || md.contains("n/a (energy-only model)"));
        long before = Files.getLastModifiedTime(out.resolve("cells/toy/group-additivity/seed-1/result.json")).toMillis();
        CliRun again = CliRun.of("bench", "--suite", suite.toString(), "--tasks-dir", tasks.toString(), "--data", data.toString(),
                "--out", out.toString(), "--no-progress");
        assertEquals(0, again.code(), again.err());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("cells/toy/group-additivity/seed-1/result.json")).toMillis(),
                "a finished cell is not rerun");
    }

    @Test
    void badInputListsValidNames() throws Exception {
        CliRun suiteErr = CliRun.of("bench", "--suite", "nonesuch", "--tasks-dir", tasks.toString());
        assertEquals(1, suiteErr.code());
        assertTrue(suiteErr.err().contains("quick") && suiteErr.err().contains("paper"), suiteErr.err());

        Path badTask = tmp.resolve("bad-task.yaml");
        Files.writeString(badTask, "tasks: [toyy]\nmodels: [element-reference]\nseeds: [1]\n");
        CliRun taskErr = CliRun.of("bench", "--suite", badTask.toString(), "--tasks-dir", tasks.toString(), "--data", data.toString());
        assertEquals(1, taskErr.code());
        assertTrue(taskErr.err().contains("unknown task 'toyy'") && taskErr.err().contains("toy"), taskErr.err());

        Path badModel = tmp.resolve("bad-model.yaml");
        Files.writeString(badModel, "tasks: [toy]\nmodels: [schnet-huge]\nseeds: [1]\n");
        CliRun modelErr = CliRun.of("bench", "--suite", badModel.toString(), "--tasks-dir", tasks.toString(), "--data", data.toString());
        assertEquals(1, modelErr.code());
        assertTrue(modelErr.err().contains("schnet-huge") && modelErr.err().contains("group-additivity"), modelErr.err());

        Path noData = tmp.resolve("no-data.yaml");
        Files.writeString(noData, "tasks: [toy]\nmodels: [element-reference]\nseeds: [1]\ndata: data/paper-x.h5\n"
                + "generate: moiety generate --all --scale paper --out data/paper-x.h5\n");
        CliRun dataErr = CliRun.of("bench", "--suite", noData.toString(), "--tasks-dir", tasks.toString());
        assertEquals(1, dataErr.code());
        assertTrue(dataErr.err().contains("moiety generate --all --scale paper --out data/paper-x.h5"), dataErr.err());
    }
}
