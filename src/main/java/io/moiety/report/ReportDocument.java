package io.moiety.report;

import io.moiety.data.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as a list of simple blocks, rendered to Markdown ({@link MarkdownRenderer}) and to
 * self-contained HTML ({@link HtmlRenderer}) from the same content. Inline text may use
 * {@code `code`} and {@code **bold**}.
 */
public final class ReportDocument {

    /** One block of the report. */
    public sealed interface Block permits Heading, Paragraph, Table, Figures, Bullets, Preformatted {}

    /** Section heading (level 1–4). */
    public record Heading(int level, String text) implements Block {}

    /** A paragraph of inline text. */
    public record Paragraph(String text) implements Block {}

    /** A table; {@code numericColumns} are right-aligned. */
    public record Table(List<String> header, List<List<String>> rows, boolean[] numericColumns) implements Block {}

    /** Images side by side: PNG shown, SVG linked; paths relative to the report. */
    public record Figures(List<Figure> figures) implements Block {}

    /** One image. */
    public record Figure(String png, String svg, String caption) {}

    /** A bullet list. */
    public record Bullets(List<String> items) implements Block {}

    /** Verbatim text. */
    public record Preformatted(String text) implements Block {}

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public ReportDocument(String title) {
        this.title = title;
    }

    public String title() { return title; }

    public List<Block> blocks() { return blocks; }

    public ReportDocument add(Block b) {
        blocks.add(b);
        return this;
    }

    public ReportDocument heading(int level, String text) { return add(new Heading(level, text)); }

    public ReportDocument paragraph(String text) { return add(new Paragraph(text)); }

    /** Writes {@code report.md} and {@code report.html} into {@code dir}, each atomically; returns the HTML file. */
    public Path write(Path dir) throws IOException {
        AtomicFile.write(dir.resolve("report.md"), true, tmp -> Files.writeString(tmp, MarkdownRenderer.render(this), StandardCharsets.UTF_8));
        Path html = dir.resolve("report.html");
        AtomicFile.write(html, true, tmp -> Files.writeString(tmp, HtmlRenderer.render(this), StandardCharsets.UTF_8));
        return html;
    }
}
