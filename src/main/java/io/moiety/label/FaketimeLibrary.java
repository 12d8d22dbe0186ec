package io.moiety.label;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code libfaketime.so.1} from Debian's {@code faketime} package, which the seeded Open
 * Babel embedding preloads ({@code LD_PRELOAD}) to freeze the clock: the environment variable
 * {@code MOIETY_FAKETIME} (the library file), else {@code /usr/lib/<multiarch>/faketime/},
 * {@code /usr/lib64/faketime/}, {@code /usr/lib/faketime/}, {@code /usr/local/lib/faketime/}.
 * The library is preloaded directly rather than through the {@code faketime} wrapper program,
 * which keeps a named semaphore and shared memory in {@code /dev/shm} that a killed call (our
 * timeout) leaves behind and a later process with the same id then fails on.
 */
final class FaketimeLibrary {
    /** Environment variable naming the library file. */
    static final String OVERRIDE = "MOIETY_FAKETIME";
    static final String FILE = "libfaketime.so.1";

    private FaketimeLibrary() {
    }

    /** Directories searched, most specific first. */
    static List<Path> searchPath() {
        String arch = System.getProperty("os.arch", "");
        String triplet = switch (arch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            default -> arch + "-linux-gnu";
        };
        List<Path> dirs = new ArrayList<>();
        dirs.add(Path.of("/usr/lib", triplet, "faketime"));
        dirs.add(Path.of("/usr/lib64/faketime"));
        dirs.add(Path.of("/usr/lib/faketime"));
        dirs.add(Path.of("/usr/local/lib/faketime"));
        return dirs;
    }

    /** The library, or an {@link IllegalStateException} saying what was looked for and which package to install. */
    static Path locate(Map<String, String> env) {
        String explicit = env.get(OVERRIDE);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (Files.isRegularFile(p) && Files.isReadable(p)) {
                return p;
            }
            throw new IllegalStateException(OVERRIDE + "=" + explicit + " is not a readable file");
        }
        for (Path dir : searchPath()) {
            Path p = dir.resolve(FILE);
            if (Files.isRegularFile(p) && Files.isReadable(p)) {
                return p;
            }
        }
        throw new IllegalStateException(FILE + " was not found in " + searchPath());
    }

    /** The library when it can be found in {@code env}. */
    static Optional<Path> find(Map<String, String> env) {
        try {
            return Optional.of(locate(env));
        } catch (IllegalStateException missing) {
            return Optional.empty();
        }
    }

    /** One warning line when the library is missing in {@code env} (the embedding is then unseeded), else empty. */
    static Optional<String> missingWarning(Map<String, String> env) {
        try {
            locate(env);
            return Optional.empty();
        } catch (IllegalStateException missing) {
            return Optional.of("WARNING: faketime not found (" + missing.getMessage() + "): the Open Babel 3D embedding "
                    + "is NOT seeded, so a fresh work directory may start from other conformers and the dataset is not "
                    + "reproducible. Install the Debian package `faketime` (sudo apt-get install faketime) or set "
                    + OVERRIDE + " to libfaketime.so.1.");
        }
    }
}
