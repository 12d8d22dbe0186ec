import io.moiety.chem.SmilesGraph;
import io.moiety.chem.Structure;
import io.moiety.descriptors.AcidBaseSites;
import io.moiety.descriptors.ChemicalCategories;
import io.moiety.descriptors.CsvFile;
import io.moiety.label.OpenBabel;
import io.moiety.label.ToolFailure;
import io.moiety.label.WorkStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Agreement of Moiety's 44 chemical categories with the authors' category file, flag by flag,
 * with up to six disagreeing molecules per flag. polar uses an Open Babel 3D structure seeded by
 * the canonical SMILES (as the xtb descriptors do). Run from the repository root
 * (see benchmarks/props-categories.md):
 * java -cp target/classes:$(cat cp.txt) benchmarks/PropsCategoryAgreement.java ../shared/data/qmex-dgs
 */
public class PropsCategoryAgreement {
    public static void main(String[] args) throws Exception {
        CsvFile csv = CsvFile.read(Path.of(args[0]).resolve("bench_dGs_with_category.csv"));
        ChemicalCategories categories = new ChemicalCategories(AcidBaseSites.standard());
        Path scratch = Files.createTempDirectory("moiety-categories-");
        OpenBabel obabel = OpenBabel.locate(scratch, Duration.ofSeconds(600));
        List<String> names = ChemicalCategories.NAMES;
        int[] agree = new int[names.size()];
        List<List<String>> bad = new ArrayList<>();
        names.forEach(n -> bad.add(new ArrayList<>()));
        int embedFailures = 0;
        for (String[] row : csv.rows()) {
            String smiles = row[csv.column("smiles")];
            SmilesGraph graph = SmilesGraph.parse(smiles);
            Structure geometry = null;
            try {
                geometry = obabel.embed(graph, WorkStore.seed(graph.canonicalSmiles()));
            } catch (ToolFailure e) {
                embedFailures++;
            }
            boolean[] f = categories.compute(smiles, geometry);
            for (int j = 0; j < names.size(); j++) {
                boolean ref = Double.parseDouble(row[csv.column(names.get(j))]) == 1;
                if (ref == f[j]) {
                    agree[j]++;
                } else {
                    bad.get(j).add(smiles + " (authors " + (ref ? 1 : 0) + ")");
                }
            }
        }
        int n = csv.rows().size();
        System.out.println("| flag | agree | % | disagreeing molecules (first 6) |");
        System.out.println("|---|---|---|---|");
        for (int j = 0; j < names.size(); j++) {
            List<String> b = bad.get(j);
            System.out.printf("| `%s` | %d/%d | %.1f | %s |%n", names.get(j), agree[j], n, 100.0 * agree[j] / n,
                    String.join(", ", b.subList(0, Math.min(6, b.size()))));
        }
        System.out.println("Open Babel failures (polar taken as 1): " + embedFailures);
    }
}
