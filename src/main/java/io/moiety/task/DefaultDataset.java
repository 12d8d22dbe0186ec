package io.moiety.task;

import io.moiety.data.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
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
        return locate(CHECKOUT_FILE, DefaultDataset.class.getClassLoader(), userCache());
    }

    /** The default dataset when available. */
    public static Optional<Path> find() throws IOException {
        return find(CHECKOUT_FILE, DefaultDataset.class.getClassLoader(), userCache());
    }

    /** {@code $XDG_CACHE_HOME/moiety}, else {@code $HOME/.cache/moiety} (the JVM's user.home when HOME is unset). */
    static Path userCache() {
        return userCache(System.getenv(), System.getProperty("user.home"));
    }

    /** {@link #userCache()} for the given environment variables and JVM user.home. */
    static Path userCache(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "moiety");
        }
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome, ".cache", "moiety");
    }

    /** {@link #locate()} with the checkout file, class loader and cache folder given (for tests). */
    static Path locate(Path checkoutFile, ClassLoader loader, Path cacheDir) throws IOException {
        return find(checkoutFile, loader, cacheDir).orElseThrow(() -> new IllegalStateException(
                "default dataset not found: neither " + checkoutFile.toAbsolutePath() + " nor the jar resource /" + RESOURCE
                        + "; generate it with `moiety generate --all --out data/moiety-default.h5` (needs xtb and openbabel)"));
    }

    /**
     * The checkout file when it exists, else the resource copied once to
     * {@code cacheDir/moiety-default-HASH.h5} (HDF5 readers need a file).
     */
    static Optional<Path> find(Path checkoutFile, ClassLoader loader, Path cacheDir) throws IOException {
        if (Files.isRegularFile(checkoutFile)) {
            return Optional.of(checkoutFile);
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            Path cache = cacheDir.resolve("moiety-default-" + hash + ".h5");
            if (!Files.isRegularFile(cache) || Files.size(cache) != bytes.length) {
                AtomicFile.write(cache, true, tmp -> Files.write(tmp, bytes));
            }
            return Optional.of(cache);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
