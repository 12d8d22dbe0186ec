import io.moiety.data.Dataset;
import io.moiety.data.Frame;
import io.moiety.data.IsolatedAtoms;
import io.moiety.data.io.DatasetFiles;
import io.moiety.model.EnergyHead;
import io.moiety.model.ReferenceEnergies;
import io.moiety.task.TaskLoader;
import io.moiety.task.TaskSplit;
import io.moiety.task.TaskSplitter;
import io.moiety.train.Training;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the reference energies alone predict, before any network: for each task, the ID-test and
 * OOD total-energy MAE of E = Σ_i (E0(Z_i) + shift), with E0 fitted by least squares on the training
 * energies or taken from the isolated atoms stored with the data (shift: mean per-atom residual of
 * the training frames, as the networks' energy head uses). Also the mean residual per atom
 * (E − Σ E0)/N on training, ID and OOD frames. Run from the repository root
 * (see benchmarks/compositional-e0.md):
 * java -cp target/classes:$(cat cp.txt) benchmarks/CompositionalE0Offsets.java data/moiety-default.h5 duplication fission
 */
public class CompositionalE0Offsets {
    public static void main(String[] args) throws Exception {
        try (Dataset data = DatasetFiles.open(Path.of(args[0]))) {
            IsolatedAtoms isolated = data.isolatedAtoms();
            System.out.println("isolated atoms: " + isolated.describe());
            TaskLoader loader = TaskLoader.fromDirectory(Path.of("tasks"));
            for (int t = 1; t < args.length; t++) {
                TaskSplit split = TaskSplitter.split(loader.load(args[t]), data);
                List<Frame> train = Training.frames(split.train());
                ReferenceEnergies lsq = ReferenceEnergies.fit(train, 0.0);
                ReferenceEnergies iso = ReferenceEnergies.fromIsolatedAtoms(isolated);
                ReferenceEnergies anchored = ReferenceEnergies.anchored(train, iso);
                System.out.println("task " + args[t] + ": least-squares E0 " + lsq.asMap() + "; anchored " + anchored.asMap());
                for (String name : List.of("least-squares", "isolated", "anchored")) {
                    ReferenceEnergies refs = name.equals("least-squares") ? lsq : name.equals("isolated") ? iso : anchored;
                    double shift = EnergyHead.fit(train, refs, EnergyHead.LEAST_SQUARES).shift();
                    System.out.printf(Locale.ROOT, "  %-13s shift %+.4f eV/atom | E MAE (E0 + shift, no network): ID %.3f eV, OOD %.3f eV"
                                    + " | mean (E - sum E0)/N: train %+.4f, ID %+.4f, OOD %+.4f eV/atom%n", name, shift,
                            mae(Training.frames(split.idTest()), refs, shift), mae(Training.frames(split.ood()), refs, shift),
                            residual(train, refs), residual(Training.frames(split.idTest()), refs), residual(Training.frames(split.ood()), refs));
                }
            }
        }
    }

    static double mae(List<Frame> frames, ReferenceEnergies refs, double shift) {
        double s = 0;
        for (Frame f : frames) {
            s += Math.abs(f.energy() - refs.total(f.structure().atomicNumbers()) - shift * f.size());
        }
        return s / frames.size();
    }

    static double residual(List<Frame> frames, ReferenceEnergies refs) {
        double s = 0;
        for (Frame f : frames) {
            s += (f.energy() - refs.total(f.structure().atomicNumbers())) / f.size();
        }
        return s / frames.size();
    }
}
