package io.moiety.descriptors;

import io.moiety.chem.SmilesGraph;
import io.moiety.label.ExternalTool;
import io.moiety.label.OpenBabel;
import io.moiety.label.ToolFailure;
import io.moiety.label.UnitWork;
import io.moiety.label.WorkStore;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The per-molecule unit of the xtb descriptor job for a {@link io.moiety.label.WorkEngine}: look
 * the molecule up in the {@link QmexStore}, else compute it with {@link XtbQmex} and store the
 * values or the failure reason. Holds only paths and settings; the tools are opened on first
 * use in the process that runs the units.
 */
final class QmexWork implements UnitWork<QmexWork.Molecule, QmexWork.Report> {
    private static final long serialVersionUID = 1L;
    /** Failure reason of a molecule skipped because only stored results were asked for. */
    static final String NOT_COMPUTED = "not computed yet (stored results only)";

    /** One molecule: its input row (0-based) and SMILES. */
    record Molecule(int row, String smiles) implements Serializable { }

    /**
     * The outcome of one molecule.
     *
     * @param values  the 22 values, or null when it failed
     * @param failure why it failed, or null
     * @param reused  read from the work directory instead of computed
     */
    record Report(int row, double[] values, String failure, boolean reused) implements Serializable { }

    private final String xtb;                   // null: found on PATH (or $MOIETY_XTB) where the units run
    private final String work;
    private final long timeoutSeconds;
    private final String recipe;
    private final boolean computeMissing;
    private transient XtbQmex calculator;

    /**
     * @param computeMissing compute molecules not in the work directory; when false they are
     *                       reported as not computed (and nothing is stored for them)
     */
    /** @param xtb the xtb executable, or null to find it in the process that runs the units */
    QmexWork(Path xtb, Path work, Duration timeout, String recipe, boolean computeMissing) {
        this.xtb = xtb == null ? null : xtb.toString();
        this.work = work.toString();
        this.timeoutSeconds = timeout.toSeconds();
        this.recipe = recipe;
        this.computeMissing = computeMissing;
    }

    private synchronized XtbQmex calculator() {
        if (calculator == null) {
            QmexStore store = new QmexStore(Path.of(work));
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            Path program = xtb == null ? ExternalTool.XTB.locate() : Path.of(xtb);
            calculator = new XtbQmex(program, OpenBabel.locate(store.scratch(), timeout), AcidBaseSites.standard(),
                    store.scratch(), timeout);
        }
        return calculator;
    }

    @Override
    public int priority(Molecule unit) {
        return 0;
    }

    @Override
    public Result<Molecule, Report> run(Molecule unit) throws Exception {
        QmexStore store = new QmexStore(Path.of(work));
        String canonical = SmilesGraph.parse(unit.smiles()).canonicalSmiles();
        Path dir = store.molecule(canonical, recipe);
        Optional<double[]> done = store.values(dir);
        if (done.isPresent()) {
            return new Result<>(new Report(unit.row(), done.get(), null, true), List.of());
        }
        Optional<String> failed = store.failure(dir);
        if (failed.isPresent()) {
            return new Result<>(new Report(unit.row(), null, failed.get(), true), List.of());
        }
        if (!computeMissing) {
            return new Result<>(new Report(unit.row(), null, NOT_COMPUTED, true), List.of());
        }
        try {
            double[] v = calculator().compute(unit.smiles(), WorkStore.seed(canonical));
            store.putValues(dir, unit.smiles(), recipe, v);
            return new Result<>(new Report(unit.row(), v, null, false), List.of());
        } catch (ToolFailure | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            store.putFailure(dir, reason);
            return new Result<>(new Report(unit.row(), null, reason, false), List.of());
        }
    }
}
