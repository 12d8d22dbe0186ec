package io.moiety.report;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A figure of a report before it is drawn: the chart for the PNG, the chart for the SVG (the same
 * plot, or a lighter one with fewer scatter points), the file base name and the caption. Building a
 * report collects plots; writing it draws them ({@link #save}) next to the rendered document.
 *
 * @param base    file name without extension, relative to the plots folder
 * @param png     chart drawn as {@code base.png}
 * @param svg     chart drawn as {@code base.svg}
 * @param caption caption under the figure
 */
public record Plot(String base, Chart<?, ?> png, Chart<?, ?> svg, String caption) {

    /** A plot drawn from the same chart in both formats. */
    public Plot(String base, Chart<?, ?> chart, String caption) {
        this(base, chart, chart, caption);
    }

    /** The figure block that shows this plot, with paths under {@code folder} (relative to the report). */
    public ReportDocument.Figure figure(String folder) {
        return new ReportDocument.Figure(folder + "/" + base + ".png", folder + "/" + base + ".svg", caption);
    }

    /** Draws {@code base.png} and {@code base.svg} in {@code dir}, atomically. */
    public void save(Path dir) throws IOException {
        Charts.save(png, svg, dir, base);
    }
}
