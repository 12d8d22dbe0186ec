import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.io.DatasetFiles;
import io.moiety.model.ReferenceEnergies;
import io.moiety.task.TaskLoader;
import io.moiety.task.TaskSplit;
import io.moiety.task.TaskSplitter;
import io.moiety.train.Training;
import io.moiety.train.prior.EnergyPrior;
import io.moiety.train.prior.PriorKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Δ-learning prior alone (no network): ID-test and OOD total-energy MAE of the group-additivity
 * and bond-increment priors fitted on each task's training frames, with the element part fitted by
 * least squares, or given the isolated-atom energies stored with the data, or anchored at them.
 * Run from the repository root (see benchmarks/compositional.md):
 * java -cp target/moiety.jar benchmarks/CompositionalPriorAlone.java DATA.h5 TASKS_DIR TASK...
 * Since 9dddb8b EnergyPrior.fit anchors the isolated-atom energies it is given, so the
 * "isolated" and "anchored" rows agree; at 9750897 it used them as they were, which is how the
 * raw-isolated numbers on the page were measured.
 */
public class CompositionalPriorAlone {
    public static void main(String[] args) throws Exception {
        try (Dataset data = DatasetFiles.open(Path.of(args[0]))) {
            TaskLoader loader = TaskLoader.fromDirectory(Path.of(args[1]));
            ReferenceEnergies iso = ReferenceEnergies.fromIsolatedAtoms(data.isolatedAtoms());
            for (int t = 2; t < args.length; t++) {
                TaskSplit split = TaskSplitter.split(loader.load(args[t]), data);
                List<Frame> train = Training.frames(split.train()), val = Training.frames(split.validation());
                for (String kind : List.of("group-additivity", "bond-increment")) {
                    for (String el : List.of("least-squares", "isolated", "anchored")) {
                        ReferenceEnergies refs = el.equals("least-squares") ? null : el.equals("isolated") ? iso : ReferenceEnergies.anchored(train, iso);
                        EnergyPrior p = EnergyPrior.fit(PriorKind.of(kind), train, val, refs, el);
                        System.out.printf(Locale.ROOT, "%-22s %-17s %-13s ridge %.3g  ID %.3f  OOD %.3f eV  max|c| %.2f%n", args[t], kind, el, p.ridge(),
                                mae(Training.frames(split.idTest()), p), mae(Training.frames(split.ood()), p),
                                p.coefficients().values().stream().mapToDouble(Math::abs).max().orElse(0));
                    }
                }
            }
        }
    }
    static double mae(List<Frame> fs, EnergyPrior p) { double s = 0; for (Frame f : fs) s += Math.abs(f.energy() - p.energy(f.structure())); return s / fs.size(); }
}
