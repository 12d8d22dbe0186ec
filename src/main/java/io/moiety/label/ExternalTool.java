package io.moiety.label;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An external program the labelling pipeline calls, found on {@code PATH} (or at the path in the
 * environment variable {@code MOIETY_XTB} / {@code MOIETY_OBABEL}), with the Debian package that
 * provides it for the error message when it is missing.
 */
public enum ExternalTool {
    XTB("xtb", "MOIETY_XTB", "xtb"),
    OBABEL("obabel", "MOIETY_OBABEL", "openbabel");

    private final String command;
    private final String override;
    private final String debianPackage;

    ExternalTool(String command, String override, String debianPackage) {
        this.command = command;
        this.override = override;
        this.debianPackage = debianPackage;
    }

    /** Executable name. */
    public String command() { return command; }

    /** The executable, or an {@link IllegalStateException} saying which package to install. */
    public Path locate() {
        return locate(System.getenv());
    }

    /** As {@link #locate()} with the given environment ({@code PATH} and the override variable). */
    Path locate(Map<String, String> env) {
        String explicit = env.get(override);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (Files.isExecutable(p)) {
                return p;
            }
            throw new IllegalStateException(override + "=" + explicit + " is not an executable file");
        }
        String path = env.get("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("'" + command + "' was not found on PATH. Install it with "
                + "`sudo apt-get install " + debianPackage + "` (Debian/Ubuntu), or set " + override
                + " to the executable.");
    }

    /** Whether the tool can be found (for tests that need it). */
    public boolean available() {
        try {
            locate();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
