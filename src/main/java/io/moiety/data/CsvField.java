package io.moiety.data;

/** One field of comma-separated text as written (RFC 4180). */
public final class CsvField {
    private CsvField() {}

    /** {@code s} as a CSV field: quoted, with inner quotes doubled, when it holds a comma, quote or line break. */
    public static String of(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
