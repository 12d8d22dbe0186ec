package io.moiety.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a {@link ReportDocument} as one self-contained HTML page (inline CSS, images by relative path). */
public final class HtmlRenderer {
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

    private HtmlRenderer() {}

    public static String render(ReportDocument doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(doc.title())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:0.85em}\n")
                .append("th,td{border:1px solid #ccc;padding:3px 7px}th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("tr:nth-child(even) td{background:#fafafa}code,pre{background:#f4f4f4;border-radius:3px}pre{padding:0.6em;overflow-x:auto}\n")
                .append(".figs{display:flex;flex-wrap:wrap;gap:12px}.figs figure{margin:0}.figs img{max-width:560px;width:100%;border:1px solid #ddd}\n")
                .append("figcaption{font-size:0.8em;color:#555}\n</style></head><body>\n");
        sb.append("<h1>").append(escape(doc.title())).append("</h1>\n");
        for (ReportDocument.Block b : doc.blocks()) {
            if (b instanceof ReportDocument.Heading h) {
                int l = Math.min(6, h.level() + 1);
                sb.append("<h").append(l).append('>').append(inline(h.text())).append("</h").append(l).append(">\n");
            } else if (b instanceof ReportDocument.Paragraph p) {
                sb.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (b instanceof ReportDocument.Bullets l) {
                sb.append("<ul>\n");
                for (String item : l.items()) {
                    sb.append("<li>").append(inline(item)).append("</li>\n");
                }
                sb.append("</ul>\n");
            } else if (b instanceof ReportDocument.Preformatted p) {
                sb.append("<pre>").append(escape(p.text())).append("</pre>\n");
            } else if (b instanceof ReportDocument.Figures f) {
                sb.append("<div class=\"figs\">\n");
                for (ReportDocument.Figure fig : f.figures()) {
                    sb.append("<figure><img src=\"").append(escape(fig.png())).append("\" alt=\"").append(escape(fig.caption()))
                            .append("\"><figcaption>").append(escape(fig.caption()));
                    if (fig.svg() != null) {
                        sb.append(" (<a href=\"").append(escape(fig.svg())).append("\">svg</a>)");
                    }
                    sb.append("</figcaption></figure>\n");
                }
                sb.append("</div>\n");
            } else if (b instanceof ReportDocument.Table t) {
                table(sb, t);
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder sb, ReportDocument.Table t) {
        sb.append("<table>\n<tr>");
        for (String h : t.header()) {
            sb.append("<th>").append(inline(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (List<String> r : t.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                boolean num = t.numericColumns() != null && i < t.numericColumns().length && t.numericColumns()[i];
                sb.append(num ? "<td class=\"n\">" : "<td>").append(inline(r.get(i))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    /** Escapes HTML and turns {@code `code`}, {@code **bold**} and {@code [text](href)} into markup. */
    static String inline(String text) {
        String s = escape(text);
        s = replace(CODE, s, m -> "<code>" + m.group(1) + "</code>");
        s = replace(BOLD, s, m -> "<b>" + m.group(1) + "</b>");
        s = replace(LINK, s, m -> safeHref(m.group(2)) ? "<a href=\"" + m.group(2) + "\">" + m.group(1) + "</a>" : m.group(1));
        return s;
    }

    /**
     * Whether a link target may go into the page: http(s), mailto, or a relative path or anchor;
     * any other scheme ({@code javascript:}, {@code data:}, …) is dropped and only the text is kept.
     */
    static boolean safeHref(String href) {
        String h = href.strip().toLowerCase(Locale.ROOT);
        int colon = h.indexOf(':');
        int slash = h.indexOf('/');
        boolean hasScheme = colon >= 0 && (slash < 0 || colon < slash);
        return !hasScheme || h.startsWith("http:") || h.startsWith("https:") || h.startsWith("mailto:");
    }

    private static String replace(Pattern p, String s, Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
