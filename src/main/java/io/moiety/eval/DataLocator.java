package io.moiety.eval;

import io.moiety.task.DefaultDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a suite's dataset file. {@code default} means the committed default dataset, located by
 * {@link DefaultDataset} ({@code ./data/moiety-default.h5} in a checkout, else the jar's copy).
 * Any other value is a path; when it does not exist the error names the command that generates it.
 */
public final class DataLocator {
    /** Command that regenerates the default dataset. */
    public static final String DEFAULT_GENERATE = "moiety generate --all --out data/moiety-default.h5 --force";

    private DataLocator() {}

    /**
     * @param data     {@code default} or a file path
     * @param generate the suite's {@code generate} command for error messages (may be empty)
     */
    public static Path resolve(String data, String generate) throws IOException {
        if (data == null || data.isBlank() || data.equals("default")) {
            return DefaultDataset.find().orElseThrow(() -> new IllegalArgumentException("the default dataset is neither at ./"
                    + DefaultDataset.CHECKOUT_FILE + " nor inside the jar; generate it with `" + DEFAULT_GENERATE + "` or pass --data FILE"));
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
