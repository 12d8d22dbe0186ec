package io.moiety.label;

import io.moiety.chem.SmilesGraph;
import io.moiety.chem.Structure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 3D embedding of a SMILES string with Open Babel ({@code obabel -:SMILES -h --gen3d -oxyz}),
 * which builds correct ring geometries and respects stereo, unlike CDK's 3D builder.
 *
 * <p>Open Babel 3.1 has no seed option: its conformer search calls {@code srand(tv_usec % 70092)}
 * with the microseconds of {@code gettimeofday} ({@code OBRandom::TimeSeed}), so every call may
 * give another conformer. When Debian's {@code faketime} is available, each call therefore runs as
 * {@code faketime -f "2000-01-01 00:00:00.UUUUUU" obabel ...}: the clock is frozen (it does not
 * tick) and its microseconds {@code UUUUUU = 1 + (seed mod 70091)} are derived from the seed, so
 * the same seed gives a byte-identical embedding and different seeds (modulo 70,091) different
 * conformer searches. Without {@code faketime} the embedding is not seeded (not reproducible);
 * {@link #seeded()} says which.
 */
public final class OpenBabel extends ScratchProgram {
    /** Date of the frozen clock; only its microseconds reach Open Babel's random seed. */
    static final String FROZEN_DATE = "2000-01-01 00:00:00";
    /** Distinct usable microsecond values: 1 … 70091 ({@code srand(0)} equals {@code srand(1)} in glibc). */
    static final int SEED_PERIOD = 70_091;

    private final Path faketime;

    /**
     * @param executable obabel
     * @param faketime   the {@code faketime} wrapper, or null for an unseeded embedding
     */
    public OpenBabel(Path executable, Path faketime, Path scratch, Duration timeout) {
        super(executable, scratch, timeout);
        this.faketime = faketime;
    }

    /** obabel and faketime found on PATH (or {@code MOIETY_OBABEL}, {@code MOIETY_FAKETIME}). */
    public static OpenBabel locate(Path scratch, Duration timeout) {
        return locate(System.getenv(), scratch, timeout);
    }

    /** As {@link #locate(Path, Duration)} with the given environment; throws naming the package when obabel is missing. */
    static OpenBabel locate(Map<String, String> env, Path scratch, Duration timeout) {
        return new OpenBabel(ExternalTool.OBABEL.locate(env), findFaketime(env).orElse(null), scratch, timeout);
    }

    /** The {@code faketime} wrapper when it can be found in {@code env}. */
    static Optional<Path> findFaketime(Map<String, String> env) {
        try {
            return Optional.of(ExternalTool.FAKETIME.locate(env));
        } catch (IllegalStateException missing) {
            return Optional.empty();
        }
    }

    /** Why the embedding is not seeded in {@code env} (one warning line), or empty when it is. */
    static Optional<String> unseededWarning(Map<String, String> env) {
        try {
            ExternalTool.FAKETIME.locate(env);
            return Optional.empty();
        } catch (IllegalStateException missing) {
            return Optional.of("WARNING: faketime not found (" + missing.getMessage().split("\\. ")[0] + "): the Open Babel "
                    + "3D embedding is NOT seeded, so a fresh work directory may start from other conformers and the "
                    + "dataset is not reproducible. Install the Debian package `faketime` (sudo apt-get install faketime) "
                    + "or set " + ExternalTool.FAKETIME.override() + ".");
        }
    }

    /** Whether embeddings are seeded (faketime available). */
    public boolean seeded() { return faketime != null; }

    /** The frozen clock ({@code faketime -f} format) of a seed. */
    public static String frozenClock(long seed) {
        return String.format("%s.%06d", FROZEN_DATE, 1 + Math.floorMod(seed, SEED_PERIOD));
    }

    /** The command line of one embedding. */
    List<String> command(SmilesGraph molecule, long seed) {
        List<String> cmd = new ArrayList<>();
        if (faketime != null) {
            cmd.addAll(List.of(faketime.toString(), "-f", frozenClock(seed)));
        }
        cmd.addAll(List.of(executable.toString(), "-:" + molecule.input().strip(), "-h", "--gen3d", "-oxyz", "-O", "embedded.xyz"));
        return cmd;
    }

    /**
     * 3D structure with explicit hydrogens (Å), charge and multiplicity from the graph; seeded by
     * {@code seed} when {@link #seeded()}. The call is stopped after the timeout by this JVM
     * (wall clock), whatever the frozen clock inside obabel says.
     */
    public Structure embed(SmilesGraph molecule, long seed) throws IOException, InterruptedException {
        try (ToolRun run = newRun("obabel-")) {
            int rc = run.exec(command(molecule, seed), timeout);
            String xyz = run.read("embedded.xyz");
            if (rc != 0 || xyz.isBlank()) {
                throw new ToolFailure("obabel --gen3d failed (exit " + rc + "): " + run.errorSummary());
            }
            Structure s = XyzText.read(xyz, "obabel output", molecule.charge(), molecule.multiplicity()).get(0).structure();
            if (!s.formula().equals(molecule.formula())) {
                throw new ToolFailure("obabel produced " + s.formula() + " for " + molecule.formula());
            }
            double[] x = s.positions();
            boolean allZero = true;
            for (double v : x) {
                allZero &= v == 0.0;
            }
            if (allZero && s.size() > 1) {
                throw new ToolFailure("obabel produced no 3D coordinates for " + molecule.canonicalSmiles());
            }
            return s;
        }
    }
}
