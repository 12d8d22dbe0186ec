package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/errors.md's exit-code table is the one the commands use, and each code means one thing. */
class ErrorsDocTest {

    @Test
    void exitCodeTableMatchesTheEnum() throws Exception {
        String doc = Files.readString(Path.of("docs", "errors.md"));
        Map<Integer, String> rows = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| (.+) \\|$").matcher(doc);
        while (m.find()) {
            rows.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        assertEquals(ExitCode.values().length, rows.size(), rows.toString());
        for (ExitCode c : ExitCode.values()) {
            assertEquals(c.meaning(), rows.get(c.code()), "row of exit code " + c.code());
        }
    }

    @Test
    void usageErrorsAndFailedUnitsHaveDistinctCodes() {
        CliRun usage = CliRun.of("predict", "--no-such-option");
        assertEquals(ExitCode.USAGE.code(), usage.code());
        CliRun error = CliRun.of("inspect", "no-such-file.xyz");
        assertEquals(ExitCode.ERROR.code(), error.code());
        assertEquals(4, java.util.Arrays.stream(ExitCode.values()).filter(c -> c != ExitCode.OK).map(ExitCode::code)
                .distinct().count());
        assertNotEquals(ExitCode.USAGE.code(), ExitCode.PARTIAL.code());
    }
}
