package io.moiety.task;

import io.moiety.data.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Finds the embedded default dataset (all tasks at the default scale, GFN2-xTB): the file
 * {@code data/moiety-default.h5} under the working directory when present (a source checkout),
 * otherwise the jar resource {@code /moiety/data/moiety-default.h5}, copied once to
 * {@code ~/.cache/moiety/} because HDF5 readers need a file.
 */
public final class DefaultDataset {
    /** Path of the file in a source checkout. */
    public static final Path CHECKOUT_FILE = Path.of("data", "moiety-default.h5");
    /** Classpath resource in the jar. */
    public static final String RESOURCE = "moiety/data/moiety-default.h5";

    private DefaultDataset() {}

    /** The default dataset as a file; throws saying how to generate it when absent. */
    public static Path locate() throws IOException {
        return find().orElseThrow(() -> new IllegalStateException(
                "default dataset not found: neither " + CHECKOUT_FILE.toAbsolutePath() + " nor the jar resource /" + RESOURCE
                        + "; generate it with `moiety generate --all --out data/moiety-default.h5` (needs xtb and openbabel)"));
    }

    /** The default dataset when available. */
    public static Optional<Path> find() throws IOException {
        if (Files.isRegularFile(CHECKOUT_FILE)) {
            return Optional.of(CHECKOUT_FILE);
        }
        try (InputStream in = DefaultDataset.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String hash = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            Path cache = Path.of(System.getProperty("user.home"), ".cache", "moiety", "moiety-default-" + hash + ".h5");
            if (!Files.isRegularFile(cache) || Files.size(cache) != bytes.length) {
                AtomicFile.write(cache, true, tmp -> Files.write(tmp, bytes));
            }
            return Optional.of(cache);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
