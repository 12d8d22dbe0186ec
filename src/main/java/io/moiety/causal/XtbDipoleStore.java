package io.moiety.causal;

import io.moiety.chem.Structure;
import io.moiety.label.ToolFailure;
import io.moiety.label.WorkStore;
import io.moiety.label.XtbDipole;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Resumable GFN2-xTB dipole moments (Debye) of many molecules, one small file per molecule in a
 * work directory, each written atomically, so an interrupted run keeps every finished molecule
 * and a re-run computes only the rest:
 * <pre>
 * WORK/KIND/ID.dipole   the dipole (Debye) as an exact decimal
 * WORK/KIND/ID.failed   why xtb gave no dipole
 * WORK/tmp/             private directories of running xtb calls
 * </pre>
 * KIND is {@code sp} (single point at the given geometry) or {@code opt} (xtb-optimised geometry).
 */
public final class XtbDipoleStore {
    /** What to compute per molecule. */
    public enum Kind {
        /** Single point at the given geometry. */
        SP("sp"),
        /** Geometry optimised by xtb, then its dipole. */
        OPT("opt");

        private final String dir;

        Kind(String dir) {
            this.dir = dir;
        }
    }

    /** Where a job's starting geometry (Å) comes from: given, or made when needed (e.g. a 3D embedding). */
    @FunctionalInterface
    public interface Geometry {
        Structure get() throws IOException, InterruptedException;
    }

    /** One molecule to compute: an identifier safe as a file name, and its starting geometry. */
    public record Job(String id, Geometry geometry) {
        /** A job at a fixed geometry. */
        public static Job of(String id, Structure s) {
            return new Job(id, () -> s);
        }
    }

    /** The dipole (Debye) of one molecule, or NaN with the failure reason. */
    public record Result(String id, double dipoleDebye, String failure) {
        public boolean ok() { return failure == null; }
    }

    /** Progress of a run: called after each molecule, computed or found in the store. */
    @FunctionalInterface
    public interface Progress {
        void done(Result r);
    }

    private final Path root;
    private final Kind kind;

    public XtbDipoleStore(Path root, Kind kind) {
        this.root = root;
        this.kind = kind;
    }

    /** Scratch directory for xtb calls. */
    public Path scratch() { return root.resolve("tmp"); }

    private Path file(String id, String ext) {
        return root.resolve(kind.dir).resolve(id + ext);
    }

    /** The stored result of {@code id}, when finished. */
    public Optional<Result> stored(String id) throws IOException {
        Optional<String> ok = WorkStore.get(file(id, ".dipole"));
        if (ok.isPresent()) {
            String text = ok.get().strip();
            try {
                return Optional.of(new Result(id, Double.parseDouble(text), null));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file(id, ".dipole") + ": corrupt dipole file ('" + text + "')");
            }
        }
        return WorkStore.get(file(id, ".failed")).map(reason -> new Result(id, Double.NaN, reason.strip()));
    }

    /**
     * Results of all jobs in their order, computing the missing ones with {@code workers}
     * parallel xtb calls; an xtb failure is recorded, never thrown.
     */
    public List<Result> run(List<Job> jobs, XtbDipole xtb, int workers, Progress progress)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    Result r = stored(job.id()).orElse(null);
                    if (r == null) {
                        r = compute(job, xtb);
                    }
                    progress.done(r);
                    return r;
                }));
            }
            List<Result> out = new ArrayList<>();
            for (Future<Result> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(c.getMessage(), c);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result compute(Job job, XtbDipole xtb) throws IOException, InterruptedException {
        try {
            Structure s = job.geometry().get();
            double mu = kind == Kind.SP ? xtb.singlePoint(s) : xtb.optimised(s).dipoleDebye();
            WorkStore.put(file(job.id(), ".dipole"), Double.toString(mu) + "\n");
            return new Result(job.id(), mu, null);
        } catch (ToolFailure | IllegalArgumentException e) {
            WorkStore.put(file(job.id(), ".failed"), e.getMessage() + "\n");
            return new Result(job.id(), Double.NaN, e.getMessage());
        }
    }
}
