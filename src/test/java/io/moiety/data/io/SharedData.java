package io.moiety.data.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared reference data for tests: the system property {@code moiety.shared} (the pom
 * sets {@code ../shared}) when that folder exists, else {@code /work/shared}. Public so tests in
 * other packages use this one helper.
 */
public final class SharedData {
    private SharedData() {}

    public static Path dir() {
        String prop = System.getProperty("moiety.shared");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        return Path.of("/work/shared");
    }

    public static Path ethanolTrain() {
        return dir().resolve("data/botnet-ethanol/train.xyz");
    }
}
