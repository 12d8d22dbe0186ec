package io.moiety.report;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Links in report text reach report.html only with safe targets. */
class HtmlLinkTest {
    @Test
    void javascriptAndDataLinksKeepOnlyTheirText() {
        assertEquals("click", HtmlRenderer.inline("[click](javascript:void0)"));
        assertEquals("x", HtmlRenderer.inline("[x](JavaScript:location=1)"));
        assertEquals("y", HtmlRenderer.inline("[y](data:text/html,hi)"));
        assertEquals("<a href=\"plots/a.svg\">svg</a>", HtmlRenderer.inline("[svg](plots/a.svg)"));
        assertEquals("<a href=\"https://example.org/a:b\">w</a>", HtmlRenderer.inline("[w](https://example.org/a:b)"));
        assertEquals("<a href=\"#table\">t</a>", HtmlRenderer.inline("[t](#table)"));
    }
}
