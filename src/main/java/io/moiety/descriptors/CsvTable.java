package io.moiety.descriptors;

import io.moiety.data.io.DataFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated text table with a header row, read whole: fields may be double-quoted
 * (a doubled quote inside stands for one quote). Every lookup error names the file, and
 * per-cell errors also the line (1-based, the header is line 1) and column.
 */
public final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();

    private CsvTable(Path file, List<String> header) {
        this.file = file;
        this.header = List.copyOf(header);
    }

    /** Reads {@code file}; blank lines are skipped; a row with another field count is an error. */
    public static CsvTable read(Path file) throws IOException {
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        int first = 0;
        while (first < text.size() && text.get(first).isBlank()) {
            first++;
        }
        if (first == text.size()) {
            throw DataFileException.inFile(file, "empty file (no header row)");
        }
        List<String> header = new ArrayList<>();
        for (String h : split(text.get(first), file, first + 1)) {
            header.add(h.strip());
        }
        CsvTable t = new CsvTable(file, header);
        for (int i = first + 1; i < text.size(); i++) {
            if (text.get(i).isBlank()) {
                continue;
            }
            String[] f = split(text.get(i), file, i + 1);
            if (f.length != header.size()) {
                throw DataFileException.atLine(file, i + 1, "row", f.length + " fields, the header has " + header.size());
            }
            t.rows.add(f);
            t.lines.add(i + 1);
        }
        return t;
    }

    /** The file it was read from. */
    public Path file() { return file; }

    /** Column names in file order. */
    public List<String> header() { return header; }

    /** Number of data rows. */
    public int size() { return rows.size(); }

    /** Line number (1-based) of data row {@code r}. */
    public int line(int r) { return lines.get(r); }

    /** Index of column {@code name}; a missing column is an error listing the columns there are. */
    public int column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw DataFileException.inFile(file, "no column '" + name + "'; columns: " + String.join(", ", header));
        }
        return c;
    }

    /** The text of row {@code r}, column {@code c}. */
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

    static String[] split(String line, Path file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw DataFileException.atLine(file, lineNo, "row", "unterminated double quote");
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
