package io.moiety.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** A malformed logback.xml makes logback fall back to DEBUG output on every command. */
class LogbackConfigTest {
    @Test
    void logbackConfigurationIsWellFormedXml() throws Exception {
        try (InputStream in = LogbackConfigTest.class.getResourceAsStream("/logback.xml")) {
            assertNotNull(in, "logback.xml on the class path");
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
