package io.moiety.report;

import io.moiety.data.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn headless with XChart and saved as PNG and SVG: log-scale bar charts of
 * ID vs OOD errors per model, and parity plots (predicted vs reference) with ID and OOD points.
 */
public final class Charts {
    /** Coordinates rounded to 0.01 px in SVG output: invisible, and files 2–3 times smaller. */
    private static final Pattern DECIMALS = Pattern.compile("(\\d\\.\\d{2})\\d+");
    static final Color ID_COLOR = new Color(31, 119, 180);
    static final Color OOD_COLOR = new Color(214, 39, 40);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /**
     * Grouped bars of ID and OOD values per model on a log axis. Models with a missing or
     * non-positive value in either split are left out (e.g. force errors of energy-only models);
     * null when no model is left.
     */
    public static CategoryChart bars(String title, String yTitle, List<String> models, List<Double> id, List<Double> ood) {
        List<String> xs = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            if (positive(id.get(i)) && positive(ood.get(i))) {
                xs.add(models.get(i));
                a.add(id.get(i));
                b.add(ood.get(i));
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(720).height(440).title(title)
                .xAxisTitle("model").yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setAvailableSpaceFill(0.7);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setLabelsVisible(false);
        chart.getStyler().setSeriesColors(new Color[] {ID_COLOR, OOD_COLOR});
        chart.getStyler().setYAxisDecimalPattern("0.#####");
        if (xs.isEmpty()) {
            return null;
        }
        {
            double lo = Math.min(a.stream().mapToDouble(Double::doubleValue).min().orElse(1), b.stream().mapToDouble(Double::doubleValue).min().orElse(1));
            double hi = Math.max(a.stream().mapToDouble(Double::doubleValue).max().orElse(1), b.stream().mapToDouble(Double::doubleValue).max().orElse(1));
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi) + 1e-9)));
        }
        chart.addSeries("ID test", xs, a);
        chart.addSeries("OOD", xs, b);
        return chart;
    }

    /**
     * Predicted vs reference scatter for the ID and OOD splits, with the y = x line; at most
     * {@code maxPoints} points per split (an even stride through the data).
     */
    public static XYChart parity(String title, String axis, double[] idRef, double[] idPred, double[] oodRef, double[] oodPred,
                                 int maxPoints) {
        return parity(title, axis, "ID test", idRef, idPred, "OOD", oodRef, oodPred, maxPoints);
    }

    /** {@link #parity(String, String, double[], double[], double[], double[], int)} with the two sets' legend names. */
    public static XYChart parity(String title, String axis, String firstName, double[] idRef, double[] idPred,
                                 String secondName, double[] oodRef, double[] oodPred, int maxPoints) {
        XYChart chart = new XYChartBuilder().width(560).height(540).title(title)
                .xAxisTitle("reference " + axis).yAxisTitle("predicted " + axis).build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] arr : List.of(idRef, idPred, oodRef, oodPred)) {
            for (double v : arr) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo < hi)) {
            lo = lo - 1;
            hi = hi + 1;
        }
        double pad = 0.03 * (hi - lo);
        XYSeries diag = chart.addSeries("y = x", new double[] {lo - pad, hi + pad}, new double[] {lo - pad, hi + pad});
        diag.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diag.setMarker(SeriesMarkers.NONE);
        diag.setLineColor(Color.GRAY);
        diag.setLineStyle(new BasicStroke(1f));
        addPoints(chart, firstName, idRef, idPred, new Color(ID_COLOR.getRed(), ID_COLOR.getGreen(), ID_COLOR.getBlue(), 120), maxPoints);
        addPoints(chart, secondName, oodRef, oodPred, new Color(OOD_COLOR.getRed(), OOD_COLOR.getGreen(), OOD_COLOR.getBlue(), 120), maxPoints);
        chart.getStyler().setXAxisMin(lo - pad).setXAxisMax(hi + pad).setYAxisMin(lo - pad).setYAxisMax(hi + pad);
        return chart;
    }

    /**
     * Scatter of two point sets (e.g. error against uncertainty for ID test and OOD frames) on
     * log–log axes; points with a non-positive or non-finite coordinate are left out, and at most
     * {@code maxPoints} points per set are drawn (an even stride through the data).
     */
    public static XYChart logLogScatter(String title, String xTitle, String yTitle, String firstName, double[] x1,
                                        double[] y1, String secondName, double[] x2, double[] y2, int maxPoints) {
        XYChart chart = new XYChartBuilder().width(560).height(480).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        double[][] a = positivePairs(x1, y1);
        double[][] b = positivePairs(x2, y2);
        addPoints(chart, firstName, a[0], a[1], new Color(ID_COLOR.getRed(), ID_COLOR.getGreen(), ID_COLOR.getBlue(), 120), maxPoints);
        addPoints(chart, secondName, b[0], b[1], new Color(OOD_COLOR.getRed(), OOD_COLOR.getGreen(), OOD_COLOR.getBlue(), 120), maxPoints);
        if (a[0].length + b[0].length == 0) {
            chart.addSeries("no positive values", new double[] {1}, new double[] {1}).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static double[][] positivePairs(double[] x, double[] y) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }

    /**
     * One line with markers per series over a shared x axis (e.g. an error over training-set size),
     * log-scaled x when {@code logX}; NaN values are left out of their series.
     */
    public static XYChart lines(String title, String xTitle, String yTitle, double[] x,
                                Map<String, double[]> series, boolean logX) {
        XYChart chart = new XYChartBuilder().width(640).height(440).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(6);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(e.getValue()[i])) {
                    xs.add(x[i]);
                    ys.add(e.getValue()[i]);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(e.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    /** A heat map of {@code z[row][column]} with labelled rows (y) and columns (x). */
    public static HeatMapChart heatmap(String title, List<String> columns, List<String> rows, double[][] z) {
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(Math.max(560, 28 * columns.size() + 200)).height(Math.max(360, 22 * rows.size() + 160))
                .title(title).build();
        style(chart.getStyler());
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setXAxisLabelRotation(90);
        double max = 0;
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                cells.add(new Number[] {c, r, z[r][c]});
                max = Math.max(max, Math.abs(z[r][c]));
            }
        }
        chart.getStyler().setRangeColors(new Color[] {OOD_COLOR, Color.WHITE, ID_COLOR});
        chart.getStyler().setMin(-max);
        chart.getStyler().setMax(max);
        chart.addSeries("value", new ArrayList<>(columns), new ArrayList<>(rows), cells);
        return chart;
    }

    private static void addPoints(XYChart chart, String name, double[] x, double[] y, Color c, int maxPoints) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int n = Math.min(x.length, y.length);
        double stride = Math.max(1.0, n / (double) Math.max(1, maxPoints));
        for (double d = 0; d < n; d += stride) {
            int i = (int) d;
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name + " (" + xs.size() + ")", xs, ys);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(c);
    }

    /** Moiety's chart style (white background, fonts, light grid), also for charts built outside this class. */
    public static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setAntiAlias(true);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            a.setPlotGridLinesColor(new Color(225, 225, 225));
            a.setPlotGridLinesStroke(new BasicStroke(0.6f));
        }
    }

    private static boolean positive(Double v) {
        return v != null && Double.isFinite(v) && v > 0;
    }

    /** Writes {@code base.png} and {@code base.svg} in {@code dir} atomically. */
    public static void save(Chart<?, ?> chart, Path dir, String base) throws IOException {
        save(chart, chart, dir, base);
    }

    /**
     * Writes {@code chart} as {@code base.png} and {@code svgChart} (e.g. the same plot with fewer
     * scatter points, since every SVG marker is a path) as {@code base.svg}, atomically.
     */
    public static void save(Chart<?, ?> chart, Chart<?, ?> svgChart, Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        AtomicFile.write(dir.resolve(base + ".png"), true, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
        AtomicFile.write(dir.resolve(base + ".svg"), true, tmp -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(svgChart, buf, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            String text = DECIMALS.matcher(buf.toString(StandardCharsets.UTF_8)).replaceAll("$1");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
        });
    }
}
