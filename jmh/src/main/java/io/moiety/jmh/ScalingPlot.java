package io.moiety.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Plots time per atom (µs/atom) against the number of atoms N from JMH JSON results
 * ({@code -rf json}), log–log, one line per benchmark and parameter set, and prints a Markdown
 * table with the log–log slope of total time between the two largest N (1 = linear cost,
 * 2 = quadratic). Writes {@code scaling-neighbour-list.{png,svg}} and
 * {@code scaling-models.{png,svg}} next to the inputs.
 *
 * <pre>java -cp jmh/target/benchmarks.jar io.moiety.jmh.ScalingPlot benchmarks/jmh</pre>
 */
public final class ScalingPlot {
    private ScalingPlot() {}

    /** One curve: label → (N → ms/op). */
    record Curve(String label, TreeMap<Integer, Double> ms) {
        double slope() {
            if (ms.size() < 2) {
                return Double.NaN;
            }
            Map.Entry<Integer, Double> hi = ms.lastEntry();
            Map.Entry<Integer, Double> lo = ms.lowerEntry(hi.getKey());
            return Math.log(hi.getValue() / lo.getValue()) / Math.log((double) hi.getKey() / lo.getKey());
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/jmh");
        ObjectMapper json = new ObjectMapper();
        Map<String, Curve> curves = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode root = json.readTree(f.toFile());
            if (!root.isArray()) {
                continue;
            }
            for (JsonNode r : root) {
                JsonNode params = r.path("params");
                if (!params.has("atoms") || !"ms/op".equals(r.path("primaryMetric").path("scoreUnit").asText())) {
                    continue;
                }
                String bench = r.path("benchmark").asText();
                bench = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
                StringBuilder label = new StringBuilder(bench);
                params.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("atoms") && !e.getKey().equals("cutoff")) {
                        label.append(' ').append(e.getValue().asText());
                    }
                });
                int n = params.get("atoms").asInt();
                double ms = r.path("primaryMetric").path("score").asDouble();
                curves.computeIfAbsent(label.toString(), k -> new Curve(k, new TreeMap<>())).ms().put(n, ms);
            }
        }
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no JMH results with an 'atoms' parameter in " + dir);
        }
        List<Curve> nl = new ArrayList<>();
        List<Curve> models = new ArrayList<>();
        for (Curve c : curves.values()) {
            (c.label().startsWith("NeighbourListBench") ? nl : models).add(c);
        }
        System.out.println("| benchmark | params | N → µs/atom | slope of log t vs log N (largest two N) |");
        System.out.println("|---|---|---|---:|");
        for (Curve c : curves.values()) {
            StringBuilder sb = new StringBuilder();
            c.ms().forEach((n, ms) -> sb.append(String.format(Locale.ROOT, "%d: %.3g; ", n, 1e3 * ms / n)));
            String[] parts = c.label().split(" ", 2);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f |%n", parts[0], parts.length > 1 ? parts[1] : "",
                    sb.toString().trim(), c.slope());
        }
        write(nl, "Neighbour lists (5 Å cutoff): time per atom", dir.resolve("scaling-neighbour-list"));
        write(models, "Models: time per atom", dir.resolve("scaling-models"));
    }

    private static void write(List<Curve> curves, String title, Path base) throws IOException {
        if (curves.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(1000).height(650).title(title)
                .xAxisTitle("atoms N").yAxisTitle("µs per atom (flat = linear cost)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Curve c : curves) {
            if (c.ms().size() < 2) {
                continue;
            }
            double[] x = new double[c.ms().size()];
            double[] y = new double[c.ms().size()];
            int i = 0;
            for (Map.Entry<Integer, Double> e : c.ms().entrySet()) {
                x[i] = e.getKey();
                y[i] = 1e3 * e.getValue() / e.getKey();
                i++;
            }
            String label = c.label().replace("NeighbourListBench.", "").replace("Bench.", ".")
                    + String.format(Locale.ROOT, " (slope %.2f)", c.slope());
            XYSeries s = chart.addSeries(label, x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        BitmapEncoder.saveBitmap(chart, base + ".png", BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base + ".svg", VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        System.out.println("wrote " + base + ".png and .svg");
    }
}
