package io.moiety.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moiety.data.io.SharedData;
import io.moiety.descriptors.PropertyReadOptions;
import io.moiety.descriptors.PropertyTable;
import io.moiety.descriptors.PropertyTableReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The authors' reference result on their descriptors (data README): split property, N_in = 200
 * (206 training rows, 170 test rows), mean squared error and R² on the test rows of ILR, LR and
 * NLR with their hyperparameters.
 */
class QmexReferenceTest {

    static PropertyTable qmexTable(Path dir) throws IOException {
        return PropertyTableReader.read(dir.resolve("bench_dGs_with_qmex_predict.csv"),
                PropertyReadOptions.of("smiles", "dGs")
                        .withIgnoreColumns(Set.of("xdis", "ydis", "UMAP-1", "UMAP-2", "similarity"))
                        .withCategoriesFile(dir.resolve("bench_dGs_with_category.csv"))
                        .withSigmaAll(3.8448));
    }

    @Test
    void ilrLrAndNlrReproduceThePublishedErrors() throws IOException {
        Path dir = SharedData.dir().resolve("data/qmex-dgs");
        assumeTrue(Files.isDirectory(dir), "shared qmex-dgs data not present");
        PropertyTable all = qmexTable(dir);
        BenchSplit split = PublishedSplits.read(dir.resolve("idx_bench_dGs.csv"), all.size()).stream()
                .filter(s -> s.kind().equals("property") && s.nIn() == 200).findFirst().orElseThrow();
        assertEquals(206, split.train().length);
        assertEquals(170, split.test().length);
        PropertyTable train = all.subset(split.train());
        PropertyTable test = all.subset(split.test());
        IlrDesign design = IlrDesign.select(all);
        assertEquals(18, design.kept().length);
        assertEquals(850, design.width());
        check(PlsRegression.ilr(design, 8), train, test, 3.237, 0.894);
        check(PlsRegression.lr(8), train, test, 3.406, 0.888);
        check(KernelRidgeRegression.fixed("nlr", KernelRidgeRegression.PAPER_ALPHA, KernelRidgeRegression.PAPER_GAMMA),
                train, test, 11.293, 0.629);
    }

    private static void check(PropertyModel model, PropertyTable train, PropertyTable test, double mse, double r2) {
        double[] pred = model.fit(train, 0).predict(test);
        Metrics m = Metrics.of(test.target(), pred, 1);
        assertEquals(mse, m.rmse() * m.rmse(), 0.01, model.name() + " MSE");
        assertEquals(r2, m.r2(), 0.01, model.name() + " R²");
    }
}
