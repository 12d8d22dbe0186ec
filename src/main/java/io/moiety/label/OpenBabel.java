package io.moiety.label;

import io.moiety.chem.SmilesGraph;
import io.moiety.chem.Structure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 3D embedding of a SMILES string with Open Babel ({@code obabel -:SMILES -h --gen3d -oxyz}),
 * which builds correct ring geometries and respects stereo, unlike CDK's 3D builder.
 *
 * <p>Open Babel 3.1 has no seed option: its conformer search calls {@code srand(tv_usec % 70092)}
 * with the microseconds of {@code gettimeofday} ({@code OBRandom::TimeSeed}), so every call may
 * give another conformer. When Debian's {@code faketime} is installed, each call therefore runs
 * with {@code LD_PRELOAD=libfaketime.so.1} and {@code FAKETIME="2000-01-01 00:00:00.UUUUUU5"}: the
 * clock is frozen (it does not tick) at {@code UUUUUU = 1 + (seed mod 70091)} microseconds plus half
 * a microsecond (libfaketime parses the time as one double, and without the half the truncation
 * to whole microseconds lands one below for about 3 % of the values). The same seed gives a
 * byte-identical embedding, different seeds (modulo 70,091) different conformer searches.
 * Without {@code faketime} the embedding is not seeded (not reproducible); {@link #seeded()} says
 * which.
 */
public final class OpenBabel extends ScratchProgram {
    /** Date of the frozen clock; only its microseconds reach Open Babel's random seed. */
    static final String FROZEN_DATE = "2000-01-01 00:00:00";
    /** Distinct usable microsecond values: 1 … 70091 ({@code srand(0)} equals {@code srand(1)} in glibc). */
    static final int SEED_PERIOD = 70_091;

    private final Path faketimeLibrary;

    /**
     * @param executable      obabel
     * @param faketimeLibrary {@code libfaketime.so.1} to preload, or null for an unseeded embedding
     */
    public OpenBabel(Path executable, Path faketimeLibrary, Path scratch, Duration timeout) {
        super(executable, scratch, timeout);
        this.faketimeLibrary = faketimeLibrary;
    }

    /** obabel found on PATH (or {@code MOIETY_OBABEL}) and libfaketime (or {@code MOIETY_FAKETIME}). */
    public static OpenBabel locate(Path scratch, Duration timeout) {
        return locate(System.getenv(), scratch, timeout);
    }

    /** As {@link #locate(Path, Duration)} with the given environment; throws naming the package when obabel is missing. */
    static OpenBabel locate(Map<String, String> env, Path scratch, Duration timeout) {
        return new OpenBabel(ExternalTool.OBABEL.locate(env), FaketimeLibrary.find(env).orElse(null), scratch, timeout);
    }

    /** Whether embeddings are seeded (libfaketime available). */
    public boolean seeded() { return faketimeLibrary != null; }

    /** The frozen clock ({@code FAKETIME} absolute-time format) of a seed. */
    public static String frozenClock(long seed) {
        return String.format("%s.%06d5", FROZEN_DATE, 1 + Math.floorMod(seed, SEED_PERIOD));
    }

    /**
     * Sets the frozen clock of {@code seed} in a child environment: {@code LD_PRELOAD} (ours first),
     * {@code FAKETIME}, {@code FAKETIME_NO_CACHE=1}; other inherited {@code FAKETIME*} settings
     * (start delays, timestamp files, …) are removed. Unseeded: unchanged.
     */
    void applyClock(Map<String, String> env, long seed) {
        if (faketimeLibrary == null) {
            return;
        }
        env.keySet().removeIf(k -> k.startsWith("FAKETIME"));
        String preload = env.get("LD_PRELOAD");
        env.put("LD_PRELOAD", faketimeLibrary + (preload == null || preload.isBlank() ? "" : ":" + preload));
        env.put("FAKETIME", frozenClock(seed));
        env.put("FAKETIME_NO_CACHE", "1");
    }

    /** The command line of one embedding. */
    List<String> command(SmilesGraph molecule) {
        return List.of(executable.toString(), "-:" + molecule.input().strip(), "-h", "--gen3d", "-oxyz", "-O", "embedded.xyz");
    }

    /**
     * 3D structure with explicit hydrogens (Å), charge and multiplicity from the graph; seeded by
     * {@code seed} when {@link #seeded()}. The call is stopped after the timeout by this JVM
     * (wall clock), whatever the frozen clock inside obabel says.
     */
    public Structure embed(SmilesGraph molecule, long seed) throws IOException, InterruptedException {
        try (ToolRun run = newRun("obabel-")) {
            int rc = run.exec(command(molecule), timeout, env -> applyClock(env, seed));
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
