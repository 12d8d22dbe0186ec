package io.moiety.label;

import io.moiety.chem.Structure;
import io.moiety.data.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The resumable work directory of {@code moiety generate}. Every result is a small file written
 * atomically, so an interrupted run leaves only complete results and a re-run continues:
 * <pre>
 * WORK/molecules/NAME-HASH/embedded.xyz      Open Babel 3D structure (cached: unseeded when faketime is missing)
 * WORK/molecules/NAME-HASH/optimized.xyz     xtb --opt result that passed the connectivity check
 * WORK/molecules/NAME-HASH/failed.txt        why the molecule was rejected (then nothing else)
 * WORK/molecules/NAME-HASH/TRAJ-KEY/snapshots.xyz   kept MD snapshots (comment: md_time_fs=…)
 * WORK/molecules/NAME-HASH/TRAJ-KEY/failed.txt      why the MD failed
 * WORK/molecules/NAME-HASH/TRAJ-KEY/frames/00012.label   energy (eV) and forces (eV/Å), exact decimals
 * WORK/molecules/NAME-HASH/TRAJ-KEY/frames/00012.failed  why the single point failed
 * WORK/tmp/                                   private directories of running external calls
 * </pre>
 * HASH is from the canonical SMILES and the embedding key (global seed and whether the embedding
 * was seeded), KEY from the MD settings and the trajectory seed, so other seeds or settings never
 * reuse stale results.
 */
public final class WorkStore {
    private final Path root;
    private final String embeddingKey;

    /**
     * @param root         work directory
     * @param embeddingKey what determines the 3D embedding besides the SMILES, e.g. {@code unseeded|seed=1}
     */
    public WorkStore(Path root, String embeddingKey) {
        this.root = root;
        this.embeddingKey = embeddingKey;
    }

    public Path root() { return root; }

    /**
     * Deletes every recorded failure (rejected molecules, failed MD runs, failed single points) so
     * that the next run tries them again; returns how many were deleted.
     */
    public int clearFailures() throws IOException {
        Path molecules = root.resolve("molecules");
        if (!Files.isDirectory(molecules)) {
            return 0;
        }
        int n = 0;
        try (var walk = Files.walk(molecules)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.equals("failed.txt") || name.endsWith(".failed")) {
                    Files.delete(p);
                    n++;
                }
            }
        }
        return n;
    }

    /** Scratch directory for external calls. */
    public Path scratch() { return root.resolve("tmp"); }

    /** Directory of one molecule. */
    public Path molecule(MoleculeJob job) {
        String key = job.molecule().canonicalSmiles() + "|embedding=" + embeddingKey;
        return root.resolve("molecules").resolve(job.name() + "-" + hash(key).substring(0, 10));
    }

    /** Directory of one trajectory. */
    public Path trajectory(MoleculeJob job, Trajectory t, MdSettings md, long seed) {
        return molecule(job).resolve(t.label() + "-" + hash(md.key() + "|seed=" + seed).substring(0, 10));
    }

    /** Writes text atomically (replacing). */
    public static void put(Path file, String text) throws IOException {
        AtomicFile.write(file, true, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** Text of a file when present. */
    public static Optional<String> get(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** Frame result file names. */
    public static Path labelFile(Path trajectoryDir, int frame) {
        return trajectoryDir.resolve("frames").resolve(String.format("%05d.label", frame));
    }

    public static Path failedFile(Path trajectoryDir, int frame) {
        return trajectoryDir.resolve("frames").resolve(String.format("%05d.failed", frame));
    }

    /** Exact text form of a label: energy line then one line of three force components per atom. */
    public static String formatLabel(XtbLabel label) {
        StringBuilder sb = new StringBuilder("energy_eV ").append(label.energy()).append('\n');
        double[] f = label.forces();
        for (int i = 0; i < f.length; i += 3) {
            sb.append(f[i]).append(' ').append(f[i + 1]).append(' ').append(f[i + 2]).append('\n');
        }
        return sb.toString();
    }

    /** Parses {@link #formatLabel} output. */
    public static XtbLabel parseLabel(String text, int natoms, Path file) {
        String[] lines = text.strip().split("\n");
        if (lines.length != natoms + 1 || !lines[0].startsWith("energy_eV ")) {
            throw new IllegalStateException(file + ": corrupt label file (expected energy line and " + natoms + " force lines)");
        }
        double e = Double.parseDouble(lines[0].substring("energy_eV ".length()).strip());
        double[] f = new double[3 * natoms];
        for (int i = 0; i < natoms; i++) {
            String[] p = lines[i + 1].strip().split(" ");
            for (int k = 0; k < 3; k++) {
                f[3 * i + k] = Double.parseDouble(p[k]);
            }
        }
        return new XtbLabel(e, f);
    }

    /** Snapshots file text: multi-frame XYZ with {@code md_time_fs=T} comments. */
    public static String formatSnapshots(List<Xtb.Snapshot> snaps) {
        StringBuilder sb = new StringBuilder();
        for (Xtb.Snapshot s : snaps) {
            sb.append(XyzText.write(s.structure(), "md_time_fs=" + s.timeFs()));
        }
        return sb.toString();
    }

    public static List<Xtb.Snapshot> parseSnapshots(String text, Path file, int charge, int multiplicity) {
        List<Xtb.Snapshot> out = new ArrayList<>();
        for (XyzText.Entry e : XyzText.read(text, file.toString(), charge, multiplicity)) {
            String c = e.comment().strip();
            if (!c.startsWith("md_time_fs=")) {
                throw new IllegalStateException(file + ": snapshot comment '" + c + "' lacks md_time_fs=");
            }
            out.add(new Xtb.Snapshot(e.structure(), Double.parseDouble(c.substring("md_time_fs=".length()))));
        }
        return out;
    }

    /** Hex SHA-256 of a text. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 64-bit seed derived from a text (first 8 bytes of its SHA-256). */
    public static long seed(String text) {
        String h = hash(text);
        return Long.parseUnsignedLong(h.substring(0, 16), 16);
    }
}
