package io.moiety.descriptors;

import java.nio.file.Path;

/**
 * A data row left out of a property table, with where and why: {@code file:line: column: problem}.
 *
 * @param file    the file holding the row
 * @param line    1-based line on which the row starts
 * @param column  the column at fault (its header name)
 * @param problem what is wrong with the value
 */
public record InvalidRow(Path file, int line, String column, String problem) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + column + ": " + problem;
    }
}
