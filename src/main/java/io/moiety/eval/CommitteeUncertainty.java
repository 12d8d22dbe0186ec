package io.moiety.eval;

import io.moiety.data.AtomicFile;
import io.moiety.data.CsvField;
import io.moiety.metrics.RankStatistics;
import io.moiety.model.CommitteePrediction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Committee uncertainty of one (task, model) of a bench run: the finished cells of K ≥ 2 seeds form
 * a committee; per frame, the members' mean prediction, its error and the members' spread
 * ({@link CommitteePrediction}: energy σ in eV, force σ as the mean over atoms of the per-atom norm
 * of the component standard deviations, eV/Å). It measures how well the spread flags OOD frames
 * (ROC-AUC, OOD frames positive, ID test frames negative) and how well it ranks the errors of OOD
 * frames (Spearman and Pearson correlation). Read from the cells' stored predictions
 * ({@link PredictionFiles}), so finished cells of earlier runs count.
 *
 * @param task     task name
 * @param model    model name
 * @param seeds    the members' seeds
 * @param frames   per split, the per-frame errors and spreads
 */
public record CommitteeUncertainty(String task, String model, List<Long> seeds, Map<Split, Frames> frames) {

    /**
     * Per-frame committee errors and spreads of one split.
     *
     * @param molecules   molecule id per frame
     * @param frameIndex  frame index within its molecule
     * @param atoms       atoms per frame
     * @param energyError |mean predicted − reference| total energy, eV
     * @param energyStd   members' total-energy standard deviation, eV
     * @param forceError  mean over atoms of |mean predicted − reference force| (vector norm), eV/Å; NaN without forces
     * @param forceStd    {@link CommitteePrediction#forceStd()}, eV/Å; NaN without forces
     */
    public record Frames(List<String> molecules, int[] frameIndex, int[] atoms, double[] energyError,
                         double[] energyStd, double[] forceError, double[] forceStd) {
        public int size() { return frameIndex.length; }

        /** Energy σ per atom, eV/atom. */
        public double[] energyStdPerAtom() {
            double[] out = new double[size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = energyStd[i] / atoms[i];
            }
            return out;
        }

        /** Whether the frames carry force errors and spreads. */
        public boolean hasForces() {
            return size() > 0 && !Double.isNaN(forceStd[0]);
        }
    }

    /**
     * The committees of a run: every (task, model) with at least two finished cells that stored
     * predictions, in the order of {@code results}; deterministic models (identical members) are
     * left out.
     */
    public static List<CommitteeUncertainty> of(Path runDir, List<CellResult> results) throws IOException {
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult r : results) {
            if (r.ok() && Files.isRegularFile(r.cell().dir(runDir).resolve("predictions-" + Split.OOD.key() + ".csv"))) {
                groups.computeIfAbsent(r.cell().task() + "\n" + r.cell().model(), k -> new ArrayList<>()).add(r);
            }
        }
        List<CommitteeUncertainty> out = new ArrayList<>();
        for (List<CellResult> g : groups.values()) {
            if (g.size() >= 2) {
                List<Path> dirs = g.stream().map(r -> r.cell().dir(runDir)).toList();
                CommitteeUncertainty c = of(g.get(0).cell().task(), g.get(0).cell().model(),
                        g.stream().map(r -> r.cell().seed()).toList(), dirs);
                if (!c.identicalMembers()) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The committee of the cells in {@code cellDirs} (same task and model, one per seed). */
    public static CommitteeUncertainty of(String task, String model, List<Long> seeds, List<Path> cellDirs)
            throws IOException {
        Map<Split, Frames> frames = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            List<PredictionFiles.Stored> members = new ArrayList<>();
            for (Path d : cellDirs) {
                members.add(PredictionFiles.read(d, s));
            }
            frames.put(s, combine(members, cellDirs, s));
        }
        return new CommitteeUncertainty(task, model, List.copyOf(seeds), frames);
    }

    private static Frames combine(List<PredictionFiles.Stored> members, List<Path> dirs, Split split) throws IOException {
        PredictionFiles.Stored first = members.get(0);
        int n = first.size();
        for (int m = 1; m < members.size(); m++) {
            PredictionFiles.Stored other = members.get(m);
            if (other.size() != n || !other.molecules().equals(first.molecules())
                    || !Arrays.equals(other.frames(), first.frames())) {
                throw new IOException(dirs.get(m) + ": the " + split.label() + " frames differ from those of "
                        + dirs.get(0) + "; a committee needs the same frames in every member");
            }
        }
        int k = members.size();
        double[] eErr = new double[n], eStd = new double[n], fErr = new double[n], fStd = new double[n];
        for (int i = 0; i < n; i++) {
            double[] e = new double[k];
            double[][] f = new double[k][];
            boolean forces = true;
            for (int m = 0; m < k; m++) {
                e[m] = members.get(m).predicted()[i];
                f[m] = members.get(m).frameForces(i, true);
                forces &= f[m] != null;
            }
            CommitteePrediction c = CommitteePrediction.of(e, forces ? f : null);
            eErr[i] = Math.abs(c.mean().energy() - first.reference()[i]);
            eStd[i] = c.energyStd();
            fStd[i] = c.forceStd();
            fErr[i] = forces ? meanAtomError(c.mean().forces(), first.frameForces(i, false)) : Double.NaN;
        }
        return new Frames(first.molecules(), first.frames().clone(), first.atoms().clone(), eErr, eStd, fErr, fStd);
    }

    /** Mean over atoms of the norm of the force error vector, eV/Å. */
    private static double meanAtomError(double[] predicted, double[] reference) {
        int atoms = predicted.length / 3;
        double s = 0;
        for (int a = 0; a < atoms; a++) {
            double d2 = 0;
            for (int k = 0; k < 3; k++) {
                double d = predicted[3 * a + k] - reference[3 * a + k];
                d2 += d * d;
            }
            s += Math.sqrt(d2);
        }
        return s / atoms;
    }

    /** ROC-AUC of the energy σ for telling OOD frames (positive) from ID test frames. */
    public double energyAuc() {
        return RankStatistics.rocAuc(frames.get(Split.ID).energyStd(), frames.get(Split.OOD).energyStd());
    }

    /** ROC-AUC of the energy σ per atom for telling OOD frames from ID test frames. */
    public double energyPerAtomAuc() {
        return RankStatistics.rocAuc(frames.get(Split.ID).energyStdPerAtom(), frames.get(Split.OOD).energyStdPerAtom());
    }

    /** ROC-AUC of the force σ for telling OOD frames from ID test frames; NaN without forces. */
    public double forceAuc() {
        return hasForces() ? RankStatistics.rocAuc(frames.get(Split.ID).forceStd(), frames.get(Split.OOD).forceStd())
                : Double.NaN;
    }

    /** Spearman correlation of energy σ and energy error over the OOD frames. */
    public double energySpearmanOod() {
        Frames o = frames.get(Split.OOD);
        return RankStatistics.spearman(o.energyStd(), o.energyError());
    }

    /** Spearman correlation of force σ and force error over the OOD frames; NaN without forces. */
    public double forceSpearmanOod() {
        Frames o = frames.get(Split.OOD);
        return hasForces() ? RankStatistics.spearman(o.forceStd(), o.forceError()) : Double.NaN;
    }

    /** Pearson correlation of energy σ and energy error over the OOD frames. */
    public double energyPearsonOod() {
        Frames o = frames.get(Split.OOD);
        return RankStatistics.pearson(o.energyStd(), o.energyError());
    }

    /** Pearson correlation of force σ and force error over the OOD frames; NaN without forces. */
    public double forcePearsonOod() {
        Frames o = frames.get(Split.OOD);
        return hasForces() ? RankStatistics.pearson(o.forceStd(), o.forceError()) : Double.NaN;
    }

    /** Whether every member predicts the same energy for every frame (a deterministic model such as a fitted baseline). */
    public boolean identicalMembers() {
        for (Frames f : frames.values()) {
            for (double v : f.energyStd()) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the members predict forces. */
    public boolean hasForces() {
        return frames.get(Split.OOD).hasForces() && frames.get(Split.ID).hasForces();
    }

    /** Writes {@code frames-id.csv} and {@code frames-ood.csv} (one row per frame) into {@code dir}, atomically. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<Split, Frames> e : frames.entrySet()) {
            Frames f = e.getValue();
            AtomicFile.write(dir.resolve("frames-" + e.getKey().key() + ".csv"), true, tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write("molecule,frame,atoms,energy_error_eV,energy_std_eV,force_error_eV_per_A,force_std_eV_per_A\n");
                    for (int i = 0; i < f.size(); i++) {
                        String mol = f.molecules().get(i);
                        w.write(String.format(Locale.ROOT, "%s,%d,%d,%.6g,%.6g,%.6g,%.6g%n",
                                CsvField.of(mol), f.frameIndex()[i],
                                f.atoms()[i], f.energyError()[i], f.energyStd()[i], f.forceError()[i], f.forceStd()[i]));
                    }
                }
            });
        }
    }
}
