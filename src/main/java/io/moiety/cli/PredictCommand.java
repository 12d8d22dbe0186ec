package io.moiety.cli;

import io.moiety.chem.CompositionSpan;
import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import io.moiety.metrics.ErrorAccumulator;
import io.moiety.model.Potential;
import io.moiety.model.Prediction;
import io.moiety.train.Training;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moiety predict}: energies and forces of a trained or deployed potential for every frame of a dataset. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Predict energies (eV) and forces (eV/Å) with a trained potential, or a deployed MACE or",
            "NequIP/Allegro TorchScript model (--potential torchscript:FILE, docs/external-potentials.md), for",
            "every frame of a dataset file, and write them as Moiety HDF5 (.h5) or extended XYZ (.xyz), atomically.",
            "Where the input has labels, the reference values are kept in the output (extended XYZ info",
            "'ref_energy') and energy/force MAE and RMSE are printed."},
        footer = {
            "",
            "Examples:",
            "  moiety predict --run runs/eth --data ../shared/data/botnet-ethanol/test_MD.xyz --out pred.xyz",
            "  moiety predict --checkpoint runs/eth/last.ckpt --data test.h5 --out pred.h5 --device gpu",
            "  moiety predict --potential torchscript:mace_compiled.model --data test.xyz --out pred.xyz",
            "  moiety predict --potential torchscript:deployed.pth --convention nequip --data test.xyz --out pred.xyz"})
public final class PredictCommand implements Callable<Integer> {
    @CommandLine.Mixin
    ThreadsOption threads;

    @Spec CommandSpec spec;

    static final class Source {
        @Option(names = "--run", paramLabel = "RUNDIR", description = "Training run directory (uses its best.ckpt).")
        Path run;

        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "A checkpoint file (best.ckpt, or last.ckpt: its EMA weights).")
        Path checkpoint;

        @Option(names = "--potential", paramLabel = "torchscript:FILE",
                description = "A deployed TorchScript potential: MACE (*_compiled.model, foundation models) or "
                        + "NequIP/Allegro (deployed .pth); energies are the model's totals.")
        String potential;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @CommandLine.Mixin
    ExternalModelOptions external;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Structures to predict (any readable dataset).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.h5/.hdf5 or .xyz/.extxyz).")
    Path out;

    @CommandLine.Mixin
    FormatOption.Input input;

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto", description = "cpu, gpu or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--force", description = "Replace OUT if it exists (never the --data file itself).")
    boolean force;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        DatasetFiles.formatFromExtension(out);
        OutputChecks.notTheInput(data, out, "--data");
        if (!force && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(out.toString(), null, "exists; use --force to overwrite");
        }
        Path ckpt = source.run != null ? source.run : source.checkpoint;
        List<MoleculeRecord> molecules;
        try (Dataset d = DatasetFiles.open(data, input.readOptions())) {
            molecules = d.readAll();
        }
        long frames = molecules.stream().mapToLong(m -> m.frames().size()).sum();
        String modelSource = ckpt != null ? ckpt.toAbsolutePath().toString() : source.potential;
        if (ckpt != null) {            // a deployed potential's training set is unknown to Moiety
            warnAboutCompositions(ckpt, molecules);
        }
        ErrorAccumulator stats = new ErrorAccumulator();
        List<MoleculeRecord> predicted = new ArrayList<>();
        long start = System.nanoTime();
        try (Potential p = source.potential != null ? external.load(source.potential, device) : Training.load(ckpt, device);
             ProgressBar bar = ProgressBars.create("predict", frames, "frames", !noProgress)) {
            for (MoleculeRecord m : molecules) {
                List<Prediction> preds = new ArrayList<>();
                int chunk = 256;
                for (int i = 0; i < m.frames().size(); i += chunk) {
                    List<Frame> part = m.frames().subList(i, Math.min(m.frames().size(), i + chunk));
                    preds.addAll(p.predict(part));
                    bar.stepBy(part.size());
                }
                List<Frame> out = new ArrayList<>(preds.size());
                for (int i = 0; i < preds.size(); i++) {
                    Frame f = m.frames().get(i);
                    stats.add(f, preds.get(i).energy(), preds.get(i).forces());
                    Map<String, String> info = new LinkedHashMap<>(f.info());
                    if (f.hasEnergy()) {
                        info.put("ref_energy", Double.toString(f.energy()));
                    }
                    info.put("model", p.name());
                    out.add(new Frame(f.structure(), preds.get(i).energy(), preds.get(i).forces(), info));
                }
                // provenance kept in both formats (HDF5 has no per-frame info): model and checkpoint, then the input's
                predicted.add(new MoleculeRecord(m.id(), m.smiles(), m.formula(), m.charge(), m.multiplicity(),
                        "predicted by " + p.name(), "moiety predict " + modelSource + " on " + data.getFileName()
                        + (m.source().isEmpty() ? "" : "; input source: " + m.source()), out));
            }
        }
        DatasetFiles.write(out, predicted, new WriteOptions(null, null, null, force));
        double secs = (System.nanoTime() - start) / 1e9;
        o.printf(Locale.ROOT, "predicted %d frames in %.1f s -> %s%n", frames, secs, out);
        if (stats.energyCount() > 0) {
            o.printf(Locale.ROOT, "energy MAE %.3f meV (%.3f meV/atom), RMSE %.3f meV (%.3f meV/atom) over %d frames%n",
                    stats.energyMae() * 1000, stats.energyMaePerAtom() * 1000, stats.energyRmse() * 1000,
                    stats.energyRmsePerAtom() * 1000, stats.energyCount());
        }
        if (stats.forceComponentCount() > 0) {
            o.printf(Locale.ROOT, "force MAE %.3f meV/Å, RMSE %.3f meV/Å over %d components%n",
                    stats.forceMae() * 1000, stats.forceRmse() * 1000, stats.forceComponentCount());
        }
        return 0;
    }

    /** One warning per molecule whose energy the training compositions do not determine. */
    private void warnAboutCompositions(Path ckpt, List<MoleculeRecord> molecules) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<CompositionSpan> span = TrainingCompositions.read(ckpt);
        if (span.isEmpty()) {
            err.println("note: " + ckpt + " has no " + TrainingCompositions.FILE
                    + " (trained by an older Moiety): unseen elements and compositions are not checked");
            return;
        }
        for (MoleculeRecord m : molecules) {
            if (!m.frames().isEmpty()) {
                span.get().warning(m.frames().get(0).structure().atomicNumbers())
                        .ifPresent(w -> err.println("warning: molecule " + m.id() + ": " + w));
            }
        }
        err.flush();
    }
}
