package io.moiety.descriptors;

import io.moiety.label.WorkEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The 22 QMex descriptors computed with GFN2-xTB ({@link XtbQmex}), one unit of work per
 * molecule on a {@link WorkEngine}, resumable through a {@link QmexStore}: molecules finished
 * (or failed) in an earlier run are read back, never recomputed. Failures are per molecule and
 * recorded with their reason; the other molecules go on. Molecules are started in a fixed
 * shuffled order, so that the molecules finished by an interrupted run are a sample of the whole
 * file rather than its first rows (datasets are often sorted by the property).
 */
public final class XtbDescriptorSource implements DescriptorSource {
    /**
     * The calculation recipe, part of each molecule's key in the work directory: change it when
     * the computed quantities change.
     */
    public static final String RECIPE = "qmex-xtb/1 gfn2 ohess vipea alpb(water,octanol) opt-alpb(water) sites(1 acid,1 base) vdw-volume(bondi,0.1A)";

    /** Seed of the order in which molecules are started. */
    static final long ORDER_SEED = 20240111L;

    /** Told after each molecule (from one thread at a time). */
    public interface Progress {
        void molecule(int row, boolean failed, boolean reused);
    }

    private final Path xtb;                     // null: each process running units finds its own
    private final QmexStore store;
    private final Duration timeout;
    private final WorkEngine engine;
    private final Progress progress;
    private final boolean computeMissing;
    private int reused;

    /**
     * @param xtb            the xtb executable, or null to let each process that runs units find
     *                       its own (an executor of a distributed engine)
     * @param work           the work directory with finished molecules; every process running
     *                       units must see it at this path
     * @param computeMissing false to only read molecules finished before (the others get the
     *                       failure "not computed yet"), e.g. to look at a long run's results so far
     */
    public XtbDescriptorSource(Path xtb, Path work, Duration timeout, WorkEngine engine, Progress progress, boolean computeMissing) {
        this.computeMissing = computeMissing;
        this.xtb = xtb;
        this.store = new QmexStore(work);
        this.timeout = timeout;
        this.engine = engine;
        this.progress = progress;
    }

    @Override
    public String name() { return "xtb"; }

    /** Molecules of the last call read back from the work directory. */
    public int reused() { return reused; }

    @Override
    public DescriptorTable descriptors(List<String> smiles) throws IOException, InterruptedException {
        int n = smiles.size();
        double[][] values = new double[n][];
        String[] failures = new String[n];
        List<QmexWork.Molecule> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(new QmexWork.Molecule(i, smiles.get(i)));
        }
        Collections.shuffle(units, new Random(ORDER_SEED));
        int[] reusedCount = {0};
        engine.run(new QmexWork(xtb, store.root(), timeout, RECIPE, computeMissing), units, r -> {
            if (r.values() != null) {
                values[r.row()] = r.values();
            } else {
                failures[r.row()] = r.failure();
            }
            if (r.reused()) {
                reusedCount[0]++;
            }
            progress.molecule(r.row(), r.values() == null, r.reused());
        });
        reused = reusedCount[0];
        int width = QmexDescriptor.values().length;
        for (int i = 0; i < n; i++) {
            if (values[i] == null) {
                values[i] = new double[width];
                Arrays.fill(values[i], Double.NaN);
            }
        }
        return new DescriptorTable(QmexDescriptor.all().stream().map(QmexDescriptor::column).toList(),
                QmexDescriptor.all().stream().map(QmexDescriptor::unit).toList(), values, Arrays.asList(failures));
    }
}
