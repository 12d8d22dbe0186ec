package io.moiety.report;

import java.util.List;

/** Renders a {@link ReportDocument} as GitHub-flavoured Markdown. */
public final class MarkdownRenderer {
    private MarkdownRenderer() {}

    public static String render(ReportDocument doc) {
        StringBuilder sb = new StringBuilder("# ").append(doc.title()).append("\n\n");
        for (ReportDocument.Block b : doc.blocks()) {
            if (b instanceof ReportDocument.Heading h) {
                sb.append("#".repeat(Math.min(6, h.level() + 1))).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof ReportDocument.Paragraph p) {
                sb.append(p.text()).append("\n\n");
            } else if (b instanceof ReportDocument.Bullets l) {
                for (String item : l.items()) {
                    sb.append("- ").append(item).append('\n');
                }
                sb.append('\n');
            } else if (b instanceof ReportDocument.Preformatted p) {
                sb.append("```\n").append(p.text()).append("\n```\n\n");
            } else if (b instanceof ReportDocument.Figures f) {
                for (ReportDocument.Figure fig : f.figures()) {
                    sb.append("![").append(fig.caption()).append("](").append(fig.png()).append(")");
                    if (fig.svg() != null) {
                        sb.append(" [svg](").append(fig.svg()).append(")");
                    }
                    sb.append('\n');
                }
                sb.append('\n');
            } else if (b instanceof ReportDocument.Table t) {
                table(sb, t);
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, ReportDocument.Table t) {
        row(sb, t.header());
        sb.append('|');
        for (int i = 0; i < t.header().size(); i++) {
            boolean num = t.numericColumns() != null && i < t.numericColumns().length && t.numericColumns()[i];
            sb.append(num ? "---:|" : "---|");
        }
        sb.append('\n');
        for (List<String> r : t.rows()) {
            row(sb, r);
        }
        sb.append('\n');
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        sb.append('\n');
    }
}
