package io.moiety.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds a suite's dataset file. {@code default} means the committed default dataset:
 * {@code ./data/moiety-default.h5} when present (a source checkout), else the copy inside the jar
 * ({@code /moiety/data/moiety-default.h5}, extracted once to a temporary file). Any other value is
 * a path; when it does not exist the error names the command that generates it.
 */
public final class DataLocator {
    /** The default dataset's path in a checkout and inside the jar (under {@code /moiety/}). */
    public static final String DEFAULT_PATH = "data/moiety-default.h5";
    /** Command that regenerates the default dataset. */
    public static final String DEFAULT_GENERATE = "moiety generate --all --out data/moiety-default.h5 --force";

    private DataLocator() {}

    /**
     * @param data     {@code default} or a file path
     * @param generate the suite's {@code generate} command for error messages (may be empty)
     */
    public static Path resolve(String data, String generate) throws IOException {
        if (data == null || data.isBlank() || data.equals("default")) {
            Path local = Path.of(DEFAULT_PATH);
            if (Files.isRegularFile(local)) {
                return local;
            }
            try (InputStream in = DataLocator.class.getClassLoader().getResourceAsStream("moiety/" + DEFAULT_PATH)) {
                if (in == null) {
                    throw new IllegalArgumentException("the default dataset is neither at ./" + DEFAULT_PATH
                            + " nor inside the jar; generate it with `" + DEFAULT_GENERATE + "` or pass --data FILE");
                }
                Path tmp = Files.createTempFile("moiety-default-", ".h5");
                tmp.toFile().deleteOnExit();
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return tmp;
            }
        }
        Path p = Path.of(data);
        if (!Files.isRegularFile(p)) {
            String how = generate == null || generate.isBlank()
                    ? "generate it with `moiety generate --all --out " + data + "` (add `--scale paper` for the full size)"
                    : "generate it with `" + generate + "`";
            throw new IllegalArgumentException("data file " + p + " does not exist; " + how);
        }
        return p;
    }
}
