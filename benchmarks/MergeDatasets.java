import io.moiety.data.Dataset;
import io.moiety.data.MoleculeRecord;
import io.moiety.data.io.DatasetFiles;
import io.moiety.data.io.WriteOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one Moiety HDF5 file holding every molecule of the input datasets (a molecule id present
 * in several inputs is taken from the first). Used by benchmarks/compositional-identifiability.md
 * to add generated hint molecules to the default dataset. Run from the repository root:
 * java -cp target/classes:$(cat cp.txt) benchmarks/MergeDatasets.java OUT.h5 data/moiety-default.h5 hints.h5
 */
public class MergeDatasets {
    public static void main(String[] args) throws Exception {
        List<MoleculeRecord> all = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<Dataset> open = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Dataset d = DatasetFiles.open(Path.of(args[i]));
            open.add(d);
            for (MoleculeRecord m : d) {
                if (ids.add(m.id())) {
                    all.add(m);
                }
            }
        }
        DatasetFiles.write(Path.of(args[0]), all, WriteOptions.defaults());
        open.forEach(Dataset::close);
        System.out.println("wrote " + args[0] + ": " + all.size() + " molecules");
    }
}
