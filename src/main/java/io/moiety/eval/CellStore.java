package io.moiety.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import io.moiety.data.AtomicFile;
import io.moiety.data.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Per-cell result files under a run directory: {@code cells/<task>/<model>/seed-<n>/result.json}
 * (written atomically and last, so its presence means the cell finished) or {@code error.json}
 * for a cell that failed (retried on the next run).
 */
public final class CellStore {

    private final Path runDir;

    public CellStore(Path runDir) {
        this.runDir = runDir;
    }

    public Path runDir() { return runDir; }

    /** File beside {@code result.json} holding the {@link PotentialFactory#fingerprint} it was made with. */
    static final String FINGERPRINT = "fingerprint.txt";

    /**
     * The finished result of a cell, if there is one; an error when it was made with training
     * overrides or (non-empty) fingerprint other than these, i.e. its model config file changed since.
     * A result without a recorded fingerprint (written before fingerprints existed) is accepted.
     */
    public Optional<CellResult> finished(BenchCell cell, String fingerprint) throws IOException {
        Path f = cell.dir(runDir).resolve("result.json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Map<String, Object> m;
        try {
            m = Mappers.JSON.readValue(f.toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new IOException(f + ": unreadable cell result (" + e.getMessage() + "); delete it to rerun the cell", e);
        }
        CellResult r = CellResult.fromMap(m);
        if (!r.cell().overrides().equals(cell.overrides())) {
            throw new IllegalStateException(f + ": finished with training overrides " + r.cell().overrides()
                    + " but the suite now asks for " + cell.overrides() + "; use --force to rerun or another --out");
        }
        Path fp = cell.dir(runDir).resolve(FINGERPRINT);
        if (!fingerprint.isEmpty() && Files.isRegularFile(fp)) {
            String saved = Files.readString(fp).trim();
            if (!saved.equals(fingerprint)) {
                throw new IllegalStateException(f + ": finished with another configuration of model '" + cell.model()
                        + "' (config sha256 " + saved + ", now " + fingerprint + "; its models/ file changed since)"
                        + "; use --force to rerun or another --out");
            }
        }
        return Optional.of(r);
    }

    /**
     * Saves a result: {@code result.json} when it finished (removing an old error), after the
     * fingerprint it was made with (when non-empty), else {@code error.json}.
     */
    public void save(CellResult result, String fingerprint) throws IOException {
        Path dir = result.cell().dir(runDir);
        Files.createDirectories(dir);
        if (result.ok()) {
            Files.deleteIfExists(dir.resolve("result.json"));
            if (fingerprint.isEmpty()) {
                Files.deleteIfExists(dir.resolve(FINGERPRINT));
            } else {
                AtomicFile.write(dir.resolve(FINGERPRINT), true, tmp -> Files.writeString(tmp, fingerprint + "\n"));
            }
            AtomicFile.write(dir.resolve("result.json"), true, tmp -> Mappers.JSON.writeValue(tmp.toFile(), result.toMap(true)));
            Files.deleteIfExists(dir.resolve("error.json"));
        } else {
            AtomicFile.write(dir.resolve("error.json"), true, tmp -> Mappers.JSON.writeValue(tmp.toFile(), result.toMap(false)));
        }
    }

    /** Removes a cell's previous outputs (for {@code --force}). */
    public void clear(BenchCell cell) throws IOException {
        Path dir = cell.dir(runDir);
        if (Files.isDirectory(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
