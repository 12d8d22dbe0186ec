package io.moiety.data.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference data (../shared from the repository, else /work/shared). */
final class SharedData {
    private SharedData() {}

    static Path dir() {
        String prop = System.getProperty("moiety.shared");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        return Path.of("/work/shared");
    }

    static Path ethanolTrain() {
        return dir().resolve("data/botnet-ethanol/train.xyz");
    }
}
