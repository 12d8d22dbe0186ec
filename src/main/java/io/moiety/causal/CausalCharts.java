package io.moiety.causal;

import io.moiety.report.Charts;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The plots of the causal reports: learning curves with ±1 standard deviation, pool choices, histograms. */
public final class CausalCharts {
    private static final Color[] COLORS = {new Color(214, 39, 40), new Color(31, 119, 180), new Color(44, 160, 44),
        new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private CausalCharts() {}

    /** Which learning curve to plot. */
    public enum Quantity {
        GRAPH_LOSS("graph loss (Laplacian spectral distance)"),
        R2("held-out R² of the dipole regressor");

        private final String title;

        Quantity(String title) {
            this.title = title;
        }
    }

    /** Mean ± standard deviation of {@code q} over repeats against mean subset size, one series per strategy. */
    public static XYChart curves(List<LearningCurves> curves, Quantity q) {
        XYChart chart = new XYChartBuilder().width(720).height(460).title(q.title + " over subset size")
                .xAxisTitle("molecules in the subset").yAxisTitle(q.title).build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(q == Quantity.R2 ? Styler.LegendPosition.InsideSE : Styler.LegendPosition.InsideNE);
        int c = 0;
        for (LearningCurves lc : curves) {
            double[] y = q == Quantity.GRAPH_LOSS ? lc.loss() : lc.r2();
            double[] e = q == Quantity.GRAPH_LOSS ? lc.lossSd() : lc.r2Sd();
            XYSeries s = chart.addSeries(lc.strategy().label() + " (mean ± sd)", lc.size(), y, e);
            s.setLineColor(COLORS[c % COLORS.length]);
            s.setMarkerColor(COLORS[c % COLORS.length]);
            s.setMarker(SeriesMarkers.CIRCLE);
            c++;
        }
        return chart;
    }

    /** How often each pool was chosen, summed over iterations and repeats, per strategy. */
    public static CategoryChart poolChoices(List<LearningCurves> curves, int pools) {
        CategoryChart chart = new CategoryChartBuilder().width(560).height(400).title("pool of each added batch")
                .xAxisTitle("pool").yAxisTitle("batches (all iterations and repeats)").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setOverlapped(false);
        List<String> xs = new ArrayList<>();
        for (int k = 0; k < pools; k++) {
            xs.add("pool " + k);
        }
        int c = 0;
        for (LearningCurves lc : curves) {
            List<Integer> ys = new ArrayList<>();
            for (int k = 0; k < pools; k++) {
                int s = 0;
                for (int[] row : lc.poolCount()) {
                    s += row[k];
                }
                ys.add(s);
            }
            chart.addSeries(lc.strategy().label(), xs, ys).setFillColor(COLORS[c++ % COLORS.length]);
        }
        return chart;
    }

    /** Overlaid histograms (counts per bin, drawn as step lines) of named samples over common bins. */
    public static XYChart histogram(String title, String xTitle, Map<String, double[]> samples, int bins) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] v : samples.values()) {
            for (double d : v) {
                if (Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        if (!(lo < hi)) {
            lo = Double.isFinite(lo) ? lo - 0.5 : 0;
            hi = lo + 1;
        }
        double w = (hi - lo) / bins;
        XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle(xTitle).yAxisTitle("fraction of the set").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("0.##");
        int c = 0;
        for (Map.Entry<String, double[]> e : new LinkedHashMap<>(samples).entrySet()) {
            double[] counts = new double[bins];
            int total = 0;
            for (double d : e.getValue()) {
                if (Double.isFinite(d)) {
                    counts[Math.min(bins - 1, (int) ((d - lo) / w))]++;
                    total++;
                }
            }
            if (total == 0) {
                continue;
            }
            double[] xs = new double[2 * bins + 2];
            double[] ys = new double[2 * bins + 2];
            xs[0] = lo;
            for (int b = 0; b < bins; b++) {
                xs[2 * b + 1] = lo + b * w;
                xs[2 * b + 2] = lo + (b + 1) * w;
                ys[2 * b + 1] = counts[b] / total;
                ys[2 * b + 2] = counts[b] / total;
            }
            xs[2 * bins + 1] = hi;
            XYSeries s = chart.addSeries(e.getKey() + " (" + total + ")", xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(COLORS[c++ % COLORS.length]);
        }
        return chart;
    }
}
