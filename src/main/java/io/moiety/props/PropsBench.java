package io.moiety.props;

import io.moiety.descriptors.PropertyTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every model on every split of a property table and measures the test errors. Published
 * splits are replayed as given, except the interpolation entry (all molecules), which becomes a
 * seeded 5-fold cross-validation. Models are fitted on the training rows only; the test rows are
 * never seen before prediction.
 */
public final class PropsBench {
    private PropsBench() {}

    /** Expands an interpolation entry (all rows in train, none in test) into 5 folds. */
    public static List<BenchSplit> expand(List<BenchSplit> splits, long seed) {
        List<BenchSplit> out = new ArrayList<>();
        for (BenchSplit s : splits) {
            if (s.kind().equals("interpolation") && s.test().length == 0) {
                for (BenchSplit f : SplitGenerator.interpolation(s.train().length, seed)) {
                    out.add(new BenchSplit(f.kind(), s.nIn(), seed, f.fold(), pick(s.train(), f.train()), pick(s.train(), f.test())));
                }
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static int[] pick(int[] rows, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = rows[positions[i]];
        }
        return out;
    }

    /**
     * Fits and evaluates each model on each split.
     *
     * @param done called after each model × split (for progress)
     */
    public static List<BenchRow> run(String dataset, String descriptors, PropertyTable table, List<PropertyModel> models,
                                     List<BenchSplit> splits, Consumer<BenchRow> done) {
        List<BenchRow> rows = new ArrayList<>();
        double sigma = table.sigmaAll().value();
        for (BenchSplit s : splits) {
            PropertyTable train = table.subset(s.train());
            PropertyTable test = table.subset(s.test());
            for (PropertyModel m : models) {
                long t0 = System.nanoTime();
                PropertyModel.Fitted fitted = m.fit(train, s.seed() * 1000 + s.fold());
                double seconds = (System.nanoTime() - t0) / 1e9;
                double[] trainPred = fitted.predict(train);
                double[] testPred = fitted.predict(test);
                BenchRow row = new BenchRow(dataset, descriptors, m.name(), s.kind(), s.nIn(), s.seed(), s.fold(),
                        s.train().length, Metrics.of(test.target(), testPred, sigma), seconds, train.target(), trainPred,
                        test.target(), testPred);
                rows.add(row);
                done.accept(row);
            }
        }
        return rows;
    }
}
