package io.moiety.cli;

import io.moiety.causal.ExtxyzFrames;
import io.moiety.causal.RSquared;
import io.moiety.causal.XtbDipoleStore;
import io.moiety.data.AtomicFile;
import io.moiety.label.XtbDipole;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moiety causal calibrate}: GFN2-xTB dipoles at reference geometries against reference dipoles. */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "GFN2-xTB dipoles at reference geometries against reference dipoles.",
            "",
            "GFN2-xTB single-point dipole moments (Debye) at the geometries of an extended",
            "XYZ file, compared with the reference dipoles of its comment lines (for",
            "qm9-3k.xyz the B3LYP/6-31G(2df,p) geometries and dipoles `mu` of QM9). Single",
            "points at the DFT geometries isolate the Hamiltonian's error from the",
            "geometry's, and cost about 0.1 s per QM9 molecule.",
            "",
            "Resumable: each molecule's dipole is kept in the work directory; re-running the",
            "same command continues where it stopped. xtb failures are recorded and skipped.",
            "Writes a CSV (id, smiles, reference, xtb, failure) and prints MAE and R² (the",
            "xtb dipole taken as a prediction of the reference, no refitting).",
            ""},
        footer = {"",
            "Example:",
            "  nice -n 10 moiety causal calibrate --xyz ../shared/data/qm9-3k/qm9-3k.xyz \\",
            "      --work causal-work --out calibration.csv --workers 1"})
public final class CausalCalibrateCommand implements Callable<Integer> {
    @Option(names = "--xyz", required = true, paramLabel = "FILE", description = "Extended XYZ file with the reference dipole in each comment line.")
    Path xyz;

    @Option(names = "--id-key", defaultValue = "mol_id", paramLabel = "KEY", description = "Comment key of the molecule identifier. Default: ${DEFAULT-VALUE}.")
    String idKey;

    @Option(names = "--reference-key", defaultValue = "mu", paramLabel = "KEY", description = "Comment key of the reference dipole (Debye). Default: ${DEFAULT-VALUE}.")
    String referenceKey;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output CSV (overwritten).")
    Path out;

    @Option(names = "--work", defaultValue = "causal-work", paramLabel = "DIR", description = "Resumable work directory. Default: ${DEFAULT-VALUE}.")
    Path work;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N", description = "Parallel xtb calls, each single-threaded. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS", description = "Wall-clock limit of each xtb call. Default: ${DEFAULT-VALUE}.")
    long timeout;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N molecules (for a quick check).")
    Integer limit;

    @Override
    public Integer call() throws Exception {
        List<ExtxyzFrames.Entry> frames = ExtxyzFrames.read(xyz);
        if (limit != null) {
            frames = frames.subList(0, Math.min(limit, frames.size()));
        }
        List<XtbDipoleStore.Job> jobs = new ArrayList<>();
        double[] reference = new double[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            ExtxyzFrames.Entry e = frames.get(i);
            String id = e.get(idKey, xyz, i);
            if (!id.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException(xyz + ": frame " + (i + 1) + ": identifier '" + id + "' is not usable as a file name");
            }
            String ref = e.get(referenceKey, xyz, i);
            try {
                reference[i] = Double.parseDouble(ref);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(xyz + ": frame " + (i + 1) + ": " + referenceKey + "='" + ref + "' is not a number");
            }
            jobs.add(XtbDipoleStore.Job.of(id, e.structure()));
        }
        XtbDipoleStore store = new XtbDipoleStore(work, XtbDipoleStore.Kind.SP);
        XtbDipole xtb = XtbDipole.locate(store.scratch(), Duration.ofSeconds(timeout));
        List<XtbDipoleStore.Result> results;
        try (ProgressBar bar = ProgressBars.create("xtb dipoles", jobs.size(), "mol")) {
            results = store.run(jobs, xtb, workers, r -> bar.step());
        }
        List<ExtxyzFrames.Entry> used = frames;
        AtomicFile.write(out, true, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("id,smiles,reference_debye,xtb_debye,failure\n");
                for (int i = 0; i < results.size(); i++) {
                    XtbDipoleStore.Result r = results.get(i);
                    String smiles = used.get(i).info().getOrDefault("smiles", "");
                    w.write(r.id() + "," + smiles + "," + reference[i] + "," + (r.ok() ? Double.toString(r.dipoleDebye()) : "")
                            + "," + (r.ok() ? "" : '"' + r.failure().replace('"', '\'') + '"') + "\n");
                }
            }
        });
        List<Double> ref = new ArrayList<>();
        List<Double> calc = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).ok()) {
                ref.add(reference[i]);
                calc.add(results.get(i).dipoleDebye());
            }
        }
        double[] r = ref.stream().mapToDouble(Double::doubleValue).toArray();
        double[] c = calc.stream().mapToDouble(Double::doubleValue).toArray();
        double abs = 0;
        for (int i = 0; i < r.length; i++) {
            abs += Math.abs(c[i] - r[i]);
        }
        System.out.printf(Locale.ROOT, "%d molecules, %d failed; over %d: MAE %.4f D, R² %.4f (xtb as a predictor of the reference)%n",
                results.size(), results.size() - r.length, r.length, r.length == 0 ? Double.NaN : abs / r.length,
                r.length < 2 ? Double.NaN : RSquared.of(r, c));
        System.out.println("wrote " + out);
        return 0;
    }
}
