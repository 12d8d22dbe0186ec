package io.moiety.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moiety.data.io.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad discovery input is one error naming the file and the column. */
class VariableTableTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return f;
    }

    private String error(Path f, List<String> cols, List<String> sinks) {
        return assertThrows(DataFileException.class, () -> VariableTable.read(f, cols, sinks)).getMessage();
    }

    @Test
    void badInputNamesFileAndColumn() throws IOException {
        Path f = csv("a,b,c,k\n1,2,x,5\n2,3,4,5\n3,5,1,5\n4,1,2,5\n");
        String m = error(f, List.of("a", "c"), List.of());
        assertTrue(m.contains("data.csv:2") && m.contains("c") && m.contains("'x'"), m);
        m = error(f, List.of("a", "k"), List.of());
        assertTrue(m.contains("data.csv") && m.contains("'k' is constant"), m);
        m = error(f, List.of("a", "zz"), List.of());
        assertTrue(m.contains("no column 'zz'") && m.contains("a, b, c, k"), m);
        m = error(f, List.of("a", "b"), List.of("c"));
        assertTrue(m.contains("sink 'c'"), m);
        Path small = csv("a,b,c\n1,2,3\n2,3,1\n3,1,2\n");
        m = error(small, List.of("a", "b", "c"), List.of());
        assertTrue(m.contains("3 rows for 3 variables"), m);
    }

    @Test
    void goodInputIsReadInTheGivenOrder() throws IOException {
        Path f = csv("a,b,\"c,d\"\n1,2,3\n2,3,1\n3,5,2\n4,1,7\n");
        VariableTable t = VariableTable.read(f, List.of("c,d", "a"), List.of("a"));
        assertEquals(List.of("c,d", "a"), t.names());
        assertEquals(7.0, t.x()[3][0]);
        assertEquals(java.util.Set.of(1), t.sinks());
    }
}
