package io.moiety.data.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comment line of an extended-XYZ frame: {@code key=value} pairs separated by whitespace,
 * values optionally in double quotes (with {@code \"} and {@code \\} escapes), a bare key
 * meaning {@code key=T} (ASE's convention).
 */
final class ExtxyzHeader {
    private ExtxyzHeader() {}

    /** Pairs in line order; throws {@link IllegalArgumentException} naming the problem. */
    static Map<String, String> parse(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = line.length();
        int i = 0;
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            int keyStart = i;
            String key;
            if (line.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                i = readQuoted(line, i, quoted);
                key = quoted.toString();
            } else {
                while (i < n && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                key = line.substring(keyStart, i);
            }
            int j = i;
            while (j < n && Character.isWhitespace(line.charAt(j))) {
                j++;
            }
            if (j < n && line.charAt(j) == '=') {
                i = j + 1;
                while (i < n && Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                StringBuilder value = new StringBuilder();
                int endQuote = i < n && line.charAt(i) == '"' ? line.indexOf('"', i + 1) : -1;
                if (endQuote > 0 && line.lastIndexOf('\\', endQuote) < i) {
                    value.append(line, i + 1, endQuote); // quoted, no escapes
                    i = endQuote + 1;
                } else if (i < n && line.charAt(i) == '"') {
                    i = readQuoted(line, i, value);
                } else if (i < n && (line.charAt(i) == '{' || line.charAt(i) == '[')) {
                    char close = line.charAt(i) == '{' ? '}' : ']';
                    int end = line.indexOf(close, i);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed '" + line.charAt(i) + "' in value of '" + key + "'");
                    }
                    value.append(line, i, end + 1);
                    i = end + 1;
                } else {
                    int valueStart = i;
                    while (i < n && !Character.isWhitespace(line.charAt(i))) {
                        i++;
                    }
                    value.append(line, valueStart, i);
                }
                put(out, key, value.toString(), keyStart);
            } else {
                put(out, key, "T", keyStart);
            }
        }
    }

    private static void put(Map<String, String> out, String key, String value, int column) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty key at column " + (column + 1));
        }
        out.put(key, value);
    }

    private static int readQuoted(String line, int i, StringBuilder into) {
        int n = line.length();
        int open = i;
        i++;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < n) {
                into.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                into.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unclosed quote starting at column " + (open + 1));
    }

    /** A value written so that {@link #parse} gives it back: quoted when it needs to be. */
    static String quote(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = !Character.isWhitespace(c) && c != '"' && c != '=' && c != '\\' && c != '{' && c != '['
                    && c != '\'';
        }
        if (plain) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
