import io.moiety.descriptors.PropertyReadOptions;
import io.moiety.descriptors.PropertyTable;
import io.moiety.descriptors.PropertyTableReader;
import io.moiety.descriptors.SigmaAll;
import io.moiety.props.IlrDesign;
import io.moiety.props.PlsRegression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * ILR fit time on the dGs design (631 × 850) and on a synthetic table of 26,000 molecules with 22
 * descriptors and 44 random categories (the size of the full QMex set). Run from the repository
 * root (see benchmarks/props.md):
 * java -cp target/classes:$(cat cp.txt) benchmarks/PropsIlrTiming.java ../shared/data/qmex-dgs
 */
public class PropsIlrTiming {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PropertyTable dgs = PropertyTableReader.read(dir.resolve("bench_dGs_with_qmex_predict.csv"),
                PropertyReadOptions.of("smiles", "dGs").withIgnoreColumns(Set.of("xdis", "ydis", "UMAP-1", "UMAP-2", "similarity"))
                        .withCategoriesFile(dir.resolve("bench_dGs_with_category.csv")));
        time("dGs 631 molecules", dgs, 5);
        int n = 26000;
        Random rnd = new Random(1);
        double[][] x = new double[n][22];
        boolean[][] c = new boolean[n][44];
        double[] y = new double[n];
        List<String> smiles = new ArrayList<>();
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 22; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            for (int k = 0; k < 44; k++) {
                c[i][k] = rnd.nextDouble() < 0.1 + 0.8 * k / 43.0;
            }
            y[i] = x[i][0] - 2 * x[i][1] + (c[i][3] ? x[i][2] : 0) + rnd.nextGaussian();
            smiles.add("C");
            lines[i] = i + 2;
        }
        PropertyTable big = new PropertyTable(Path.of("synthetic"), "y", smiles, smiles, lines, y, dgs.descriptorNames(), x,
                dgs.categoryNames(), c, SigmaAll.of(y), List.of());
        time("synthetic 26000 molecules", big, 2);
    }

    static void time(String label, PropertyTable t, int repeats) {
        IlrDesign design = IlrDesign.select(t);
        PlsRegression ilr = PlsRegression.ilr(design, 8);
        ilr.fit(t, 0);
        long best = Long.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            ilr.fit(t, 0);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("%s: design %d × %d, ILR fit (design build + PLS 8) best of %d: %.3f s%n", label, t.size(),
                design.width(), repeats, best / 1e9);
    }
}
