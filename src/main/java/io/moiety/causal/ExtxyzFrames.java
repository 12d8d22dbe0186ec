package io.moiety.causal;

import io.moiety.chem.Structure;
import io.moiety.data.io.DataFileException;
import io.moiety.label.XyzText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neutral singlet molecules of a multi-frame extended XYZ file (positions in Å) with the
 * {@code key=value} pairs of each comment line (quoted values unquoted), such as the
 * {@code mol_id}, {@code smiles} and {@code mu} of {@code qm9-3k.xyz}.
 */
public final class ExtxyzFrames {
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

    private ExtxyzFrames() {}

    /** One frame: structure and comment-line properties. */
    public record Entry(Structure structure, Map<String, String> info) {
        /** The property {@code key}; a missing key is an error naming the file and frame. */
        public String get(String key, Path file, int frame) {
            String v = info.get(key);
            if (v == null) {
                throw DataFileException.inFile(file, "frame " + (frame + 1) + " has no '" + key + "=' in its comment line");
            }
            return v;
        }
    }

    /** All frames of {@code file}. */
    public static List<Entry> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        for (XyzText.Entry e : XyzText.read(text, file.toString(), 0, 1)) {
            out.add(new Entry(e.structure(), properties(e.comment())));
        }
        return out;
    }

    /** The {@code key=value} pairs of a comment line, in order. */
    static Map<String, String> properties(String comment) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher mt = PAIR.matcher(comment);
        while (mt.find()) {
            String v = mt.group(2);
            m.put(mt.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return m;
    }
}
