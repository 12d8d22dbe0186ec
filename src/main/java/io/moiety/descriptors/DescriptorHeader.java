package io.moiety.descriptors;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A descriptor column header {@code name [unit]} (Moiety's output) or a bare {@code name} (the
 * authors' files): the name, and the unit or "" when none is given.
 */
public record DescriptorHeader(String name, String unit) {
    private static final Pattern WITH_UNIT = Pattern.compile("^(.*\\S)\\s*\\[([^\\[\\]]*)\\]$");

    /** Parses a header cell. */
    public static DescriptorHeader parse(String cell) {
        String s = cell.strip();
        Matcher m = WITH_UNIT.matcher(s);
        return m.matches() ? new DescriptorHeader(m.group(1), m.group(2).strip()) : new DescriptorHeader(s, "");
    }

    /** The header cell as written: {@code name [unit]}, or the name alone when the unit is "". */
    public String cell() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }
}
