package io.moiety.descriptors;

import io.moiety.data.io.DataFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A comma-separated text file read whole: a header row and data rows of string fields, each row
 * with the 1-based line on which it starts. Fields may be quoted with {@code "} (RFC 4180: a quote
 * inside a quoted field is doubled; quoted fields may hold commas and line breaks). A UTF-8 byte
 * order mark, CRLF line ends and blank lines are accepted.
 *
 * @param file   the file read (used in error messages)
 * @param header column names in file order
 * @param rows   data rows, each with as many fields as the header
 * @param lines  for each data row, the line on which it starts (1-based)
 */
public record CsvFile(Path file, List<String> header, List<String[]> rows, int[] lines) {

    /** Reads {@code file}; a row whose field count differs from the header's is an error. */
    public static CsvFile read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordStart = 1;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        boolean any = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0) {
                        throw DataFileException.atLine(file, line, "column " + (fields.size() + 1),
                                "quote inside an unquoted field");
                    }
                    quoted = true;
                    fieldWasQuoted = true;
                    any = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                    any = true;
                }
                case '\r' -> { }
                case '\n' -> {
                    if (any || field.length() > 0) {
                        fields.add(field.toString());
                        records.add(fields.toArray(String[]::new));
                        starts.add(recordStart);
                    }
                    fields.clear();
                    field.setLength(0);
                    fieldWasQuoted = false;
                    any = false;
                    line++;
                    recordStart = line;
                }
                default -> {
                    if (fieldWasQuoted) {
                        throw DataFileException.atLine(file, line, "column " + (fields.size() + 1),
                                "text after a closing quote");
                    }
                    field.append(c);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw DataFileException.atLine(file, recordStart, "column " + (fields.size() + 1), "unterminated quote");
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(fields.toArray(String[]::new));
            starts.add(recordStart);
        }
        if (records.isEmpty()) {
            throw DataFileException.inFile(file, "empty file: no header row");
        }
        List<String> header = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String h : records.get(0)) {
            String name = h.trim();
            if (seen.put(name, header.size()) != null) {
                throw DataFileException.atLine(file, starts.get(0), name, "duplicate column name");
            }
            header.add(name);
        }
        List<String[]> rows = new ArrayList<>(records.size() - 1);
        int[] lines = new int[records.size() - 1];
        for (int r = 1; r < records.size(); r++) {
            String[] row = records.get(r);
            if (row.length != header.size()) {
                throw DataFileException.atLine(file, starts.get(r), "row",
                        row.length + " fields, header has " + header.size());
            }
            rows.add(row);
            lines[r - 1] = starts.get(r);
        }
        return new CsvFile(file, List.copyOf(header), rows, lines);
    }

    /** Number of data rows. */
    public int size() { return rows.size(); }

    /** Line (1-based) on which data row {@code r} starts. */
    public int line(int r) { return lines[r]; }

    /** The text of row {@code r}, column {@code c}, without surrounding white space. */
    public String text(int r, int c) {
        return rows.get(r)[c].strip();
    }

    /** The number in row {@code r}, column {@code c}; empty or non-numeric text is an error at file:line: column. */
    public double number(int r, int c) {
        String s = text(r, c);
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw DataFileException.atLine(file, line(r), header.get(c), "'" + s + "' is not a finite number");
        }
    }

    /** Index of column {@code name}; an error listing the columns when it is absent. */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw DataFileException.inFile(file, "no column '" + name + "'; columns are " + String.join(", ", header));
        }
        return i;
    }
}
