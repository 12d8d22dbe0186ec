package io.moiety.label;

import io.moiety.chem.SmilesGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Molecules given as SMILES on the command line or in a file, as generation jobs. A file has one
 * molecule per line, {@code SMILES [NAME]} (the usual {@code .smi} layout, whitespace-separated);
 * blank lines and text after {@code #} are ignored. Without a name, the SMILES itself is the name
 * when it has only characters that are safe in file and HDF5 group names, else {@code molN} (N:
 * the line or argument number). Every molecule gets both trajectories, as a task's training
 * molecules do.
 */
public final class SmilesInput {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9()\\[\\]=#+@%,_.-]+");

    private SmilesInput() {}

    /** Jobs for SMILES given as arguments (no names). */
    public static List<MoleculeJob> fromArguments(List<String> smiles) {
        Builder b = new Builder();
        for (int i = 0; i < smiles.size(); i++) {
            String where = "--smiles '" + smiles.get(i) + "'";
            b.add(smiles.get(i), null, i + 1, where);
        }
        return b.jobs;
    }

    /** Jobs for every molecule line of {@code file}; errors name the file and line. */
    public static List<MoleculeJob> fromFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such SMILES file");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Builder b = new Builder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length > 2) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'SMILES [NAME]', got "
                        + fields.length + " fields: '" + content + "'");
            }
            b.add(fields[0], fields.length == 2 ? fields[1] : null, i + 1, file + ":" + (i + 1));
        }
        if (b.jobs.isEmpty()) {
            throw new IllegalArgumentException(file + ": no SMILES (only blank lines and # comments)");
        }
        return b.jobs;
    }

    private static final class Builder {
        final List<MoleculeJob> jobs = new ArrayList<>();
        final Map<String, String> names = new HashMap<>();
        final Map<String, String> canonical = new HashMap<>();

        void add(String smiles, String givenName, int number, String where) {
            SmilesGraph g;
            try {
                g = SmilesGraph.parse(smiles);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": SMILES: " + e.getMessage(), e);
            }
            String name = givenName != null ? givenName : SAFE_NAME.matcher(smiles).matches() ? smiles : "mol" + number;
            if (!SAFE_NAME.matcher(name).matches() || name.startsWith(".")) {
                throw new IllegalArgumentException(where + ": name: '" + name + "' may use letters, digits and "
                        + "()[]=#+@%,_.- only, and not start with '.'");
            }
            String earlier = names.putIfAbsent(name, where);
            if (earlier != null) {
                throw new IllegalArgumentException(where + ": name: '" + name + "' is already used at " + earlier);
            }
            String same = canonical.putIfAbsent(g.canonicalSmiles(), where);
            if (same != null) {
                throw new IllegalArgumentException(where + ": SMILES: '" + smiles + "' is the same molecule as " + same
                        + " (canonical " + g.canonicalSmiles() + ")");
            }
            jobs.add(new MoleculeJob(name, g, true));
        }
    }
}
