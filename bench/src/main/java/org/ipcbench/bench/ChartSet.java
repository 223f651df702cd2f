package org.ipcbench.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of a run, drawn headless with XChart, each as PNG and SVG under {@code charts/}. A chart whose data
 * the run lacks is not drawn; it says why instead.
 */
final class ChartSet {

    /** One chart: its file name without extension, its title, and why it is missing when it is. */
    record ChartFile(String name, String title, boolean drawn, String missing) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int SPECTRUM_SIZE = 64;
    private static final String FLOOR_SUFFIX = " (raw floor)";
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    private static final Pattern CLIP_ID = Pattern.compile("\\bclip-?[0-9]+\\b");

    private ChartSet() {
    }

    /** Draws every chart into {@code dir} (replacing earlier PNG and SVG files there) and lists them. */
    static List<ChartFile> draw(RunDirectory run, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.collect(Collectors.toList())) {
                String n = p.getFileName().toString();
                if (n.endsWith(".png") || n.endsWith(".svg")) {
                    Files.delete(p);
                }
            }
        }
        // A diagnostic explains a cost in its own table; drawn beside transports it would read as one.
        List<Cell> cells = run.cells().stream().filter(c -> !c.diagnostic()).collect(Collectors.toList());
        List<ChartFile> out = new ArrayList<>();
        out.add(vsSize(dir, "latency-p50", "Round-trip p50 vs message size", "round-trip p50 (µs, log scale)",
                cells, Goal.P50, v -> v));
        out.add(vsSize(dir, "latency-p99", "Round-trip p99 vs message size", "round-trip p99 (µs, log scale)",
                cells, Goal.P99, v -> v));
        out.add(vsSize(dir, "throughput", "Stream throughput vs message size", "throughput (MB/s, log scale)",
                cells, Goal.THROUGHPUT, null));
        out.add(spectrum(dir, run));
        out.add(bufferSizes(dir, "buffer-size-latency", cells, Goal.P50));
        out.add(bufferSizes(dir, "buffer-size-throughput", cells, Goal.THROUGHPUT));
        out.add(cpu(dir, cells));
        return out;
    }

    /** Cells of one client only: the charts compare transports, not load levels. */
    private static boolean singleClient(Cell c) {
        String clients = c.param("clients");
        return clients == null || clients.equals("1");
    }

    /** The transport's line name; floors say so. */
    private static String lineName(Cell c) {
        return Baselines.isRaw(c) ? c.transport() + FLOOR_SUFFIX : c.transport();
    }

    /**
     * A figure vs message size, one line per transport, the best setting of each transport at each size.
     * {@code perMessage} null means throughput in MB/s (messages/s × size).
     */
    private static ChartFile vsSize(Path dir, String name, String title, String yTitle, List<Cell> cells, Goal goal,
                                Function<Double, Double> perMessage) throws IOException {
        String full = title + " (best setting of each transport)";
        Map<String, TreeMap<Integer, Double>> lines = new TreeMap<>();
        for (Cell c : cells) {
            Double v = goal.value(c);
            if (!goal.appliesTo(c.mode()) || v == null || c.messageSize() <= 0 || !singleClient(c)) {
                continue;
            }
            double y = perMessage == null ? v * c.messageSize() / 1e6 : perMessage.apply(v);
            if (y <= 0) {
                continue;
            }
            TreeMap<Integer, Double> line = lines.computeIfAbsent(lineName(c), k -> new TreeMap<>());
            line.merge(c.messageSize(), y, goal.lowerIsBetter() ? Math::min : Math::max);
        }
        if (lines.isEmpty()) {
            return new ChartFile(name, full, false, "Not measured in this run: no " + goal.figure() + " results.");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(full)
                .xAxisTitle("message size (bytes, log scale)").yAxisTitle(yTitle).build();
        styleXY(chart);
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0").setYAxisDecimalPattern("#,##0.###");
        Map<String, Color> colours = colours(lines.keySet());
        for (Map.Entry<String, TreeMap<Integer, Double>> line : lines.entrySet()) {
            double[] x = line.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = line.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
            XYSeries s = chart.addSeries(line.getKey(), x, y);
            s.setLineColor(colours.get(line.getKey()));
            s.setMarkerColor(colours.get(line.getKey()));
            if (line.getKey().endsWith(FLOOR_SUFFIX)) {
                s.setMarker(SeriesMarkers.DIAMOND);
                s.setLineStyle(DASHED);
            }
        }
        save(chart, dir, name);
        return new ChartFile(name, full, true, null);
    }

    /** The percentile spectrum of each transport at 64 B (its best p50 setting), from the hgrm files. */
    private static ChartFile spectrum(Path dir, RunDirectory run) throws IOException {
        String name = "spectrum-" + SPECTRUM_SIZE + "B";
        String title = "Round-trip latency by percentile, " + SPECTRUM_SIZE + " B (best p50 setting, first fork)";
        Map<String, Cell> best = new TreeMap<>();
        for (Cell c : run.cells()) {
            if (c.messageSize() != SPECTRUM_SIZE || c.p50() == null || !singleClient(c)
                    || run.firstHistogramOf(c).isEmpty()) {
                continue;
            }
            best.merge(lineName(c), c, (a, b) -> a.p50() <= b.p50() ? a : b);
        }
        if (best.isEmpty()) {
            return new ChartFile(name, title, false, "Not measured in this run: no hgrm/ histograms at "
                    + SPECTRUM_SIZE + " B.");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("percentile, in nines: 1 = p90, 2 = p99, 3 = p99.9, 4 = p99.99, 5 = p99.999").yAxisTitle("round trip (µs, log scale)").build();
        styleXY(chart);
        // x is log10(1/(1 - p)), the number of nines. Not a label callback: in XChart 3.8.8 it can loop forever.
        chart.getStyler().setYAxisLogarithmic(true).setXAxisDecimalPattern("0.#").setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setMarkerSize(0);
        Map<String, Color> colours = colours(best.keySet());
        for (Map.Entry<String, Cell> e : best.entrySet()) {
            HgrmFile file = run.firstHistogramOf(e.getValue()).orElseThrow();
            List<double[]> xy = new ArrayList<>();
            for (HgrmFile.Point p : file.points()) {
                if (p.percentile() < 1 && p.micros() > 0) {
                    xy.add(new double[] {Math.log10(1 / (1 - p.percentile())), p.micros()});
                }
            }
            if (!xy.isEmpty()) {
                XYSeries s = chart.addSeries(e.getKey(), xy.stream().mapToDouble(a -> a[0]).toArray(),
                        xy.stream().mapToDouble(a -> a[1]).toArray());
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(colours.get(e.getKey()));
                if (e.getKey().endsWith(FLOOR_SUFFIX)) {
                    s.setLineStyle(DASHED);
                }
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return new ChartFile(name, title, false, "Not measured in this run: the hgrm/ files hold no percentiles.");
        }
        save(chart, dir, name);
        return new ChartFile(name, title, true, null);
    }

    /**
     * 4096 against 8192 byte buffers for each transport and framing: the cost of 8192 as a multiple of 4096's
     * (latency 8192 ÷ 4096, throughput 4096 ÷ 8192), each the best of the other settings, at the message size
     * where the most transport and framing pairs have both. A ratio keeps every transport readable on one axis.
     */
    private static ChartFile bufferSizes(Path dir, String name, List<Cell> cells, Goal goal) throws IOException {
        String what = goal == Goal.THROUGHPUT ? "throughput" : "round-trip " + goal.figure();
        // size -> "transport framing" -> buffer size -> best figure
        TreeMap<Integer, TreeMap<String, Map<String, Double>>> bySize = new TreeMap<>();
        for (Cell c : cells) {
            String buffer = c.param("bufferSize");
            if (!goal.appliesTo(c.mode()) || goal.value(c) == null || Baselines.isRaw(c) || !singleClient(c)
                    || !("4096".equals(buffer) || "8192".equals(buffer))) {
                continue;
            }
            String category = (c.transport() + " " + Objects.requireNonNullElse(c.param("framing"), "")).trim();
            bySize.computeIfAbsent(c.messageSize(), k -> new TreeMap<>())
                    .computeIfAbsent(category, k -> new TreeMap<>())
                    .merge(buffer, goal.value(c), goal.lowerIsBetter() ? Math::min : Math::max);
        }
        bySize.values().forEach(m -> m.values().removeIf(b -> b.size() < 2));
        bySize.values().removeIf(Map::isEmpty);
        if (bySize.isEmpty()) {
            return new ChartFile(name, "Buffer size 4096 vs 8192: " + what, false, "Not measured in this run: no "
                    + what + " cells with both 4096 and 8192 byte buffers for one transport and framing.");
        }
        // The size with the most transport and framing pairs measured both ways; on a tie, the largest.
        int size = bySize.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, TreeMap<String, Map<String, Double>>>>comparingInt(
                        e -> e.getValue().size()).thenComparing(Map.Entry::getKey))
                .orElseThrow().getKey();
        String title = "Buffer 8192 vs 4096: " + what + " at " + Figures.bytes(size)
                + " (below 1: 8192 is better)";
        List<String> x = new ArrayList<>(bySize.get(size).keySet());
        List<Number> y = new ArrayList<>();
        for (String cat : x) {
            Map<String, Double> b = bySize.get(size).get(cat);
            double ratio = b.get("8192") / b.get("4096");
            y.add(goal.lowerIsBetter() ? ratio : 1 / ratio);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("transport and framing (best of other settings)")
                .yAxisTitle("cost with 8192 B ÷ cost with 4096 B").build();
        styleCategory(chart);
        chart.getStyler().setLegendVisible(false);
        double top = y.stream().mapToDouble(Number::doubleValue).max().orElse(1);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(Math.max(1.25, top * 1.1));
        if (x.size() > 6) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        chart.addSeries("8192 B ÷ 4096 B", x, y).setFillColor(PALETTE[0]);
        save(chart, dir, name);
        return new ChartFile(name, title, true, null);
    }

    /** CPU per message (client + peer) by message size, one bar per transport at its cheapest setting. */
    private static ChartFile cpu(Path dir, List<Cell> cells) throws IOException {
        String name = "cpu";
        boolean roundTrip = cells.stream().anyMatch(c -> c.cpu() != null && Cell.SAMPLE.equals(c.mode()));
        String mode = roundTrip ? Cell.SAMPLE : Cell.THROUGHPUT;
        String title = "CPU per message, client + peer (" + (roundTrip ? "round trip" : "stream")
                + ", cheapest setting of each transport)";
        Map<String, Map<String, Double>> bySeries = new TreeMap<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        for (Cell c : cells) {
            if (c.cpu() != null && c.mode().equals(mode) && c.messageSize() > 0 && singleClient(c)) {
                sizes.add(c.messageSize());
                bySeries.computeIfAbsent(lineName(c), k -> new TreeMap<>())
                        .merge(Figures.bytes(c.messageSize()), c.cpu().totalMicros(), Math::min);
            }
        }
        if (bySeries.isEmpty()) {
            return new ChartFile(name, "CPU per message", false, "Not measured in this run: no cpu.json figures.");
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("message size").yAxisTitle("CPU per message (µs)").build();
        styleCategory(chart);
        List<String> x = sizes.stream().map(Figures::bytes).collect(Collectors.toList());
        Map<String, Color> colours = colours(bySeries.keySet());
        for (Map.Entry<String, Map<String, Double>> s : bySeries.entrySet()) {
            // A transport not measured at a size draws no bar there (0 height), never a made-up one.
            List<Number> y = x.stream().map(cat -> s.getValue().getOrDefault(cat, 0.0)).collect(Collectors.toList());
            chart.addSeries(s.getKey(), x, y).setFillColor(colours.get(s.getKey()));
        }
        save(chart, dir, name);
        return new ChartFile(name, title, true, null);
    }

    /** Strong colours that read on white; a transport and its raw floor share one. */
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
        new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    /** A colour for each series name: transports in order, each floor the colour of a transport it serves. */
    static Map<String, Color> colours(java.util.Collection<String> names) {
        Map<String, Color> out = new TreeMap<>();
        int next = 0;
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        for (String n : sorted) {
            if (!n.endsWith(FLOOR_SUFFIX)) {
                out.put(n, PALETTE[next++ % PALETTE.length]);
            }
        }
        for (String n : sorted) {
            if (n.endsWith(FLOOR_SUFFIX)) {
                String floor = n.substring(0, n.length() - FLOOR_SUFFIX.length());
                Color c = out.entrySet().stream()
                        .filter(e -> !e.getKey().endsWith(FLOOR_SUFFIX))
                        .filter(e -> Baselines.FLOORS.getOrDefault(e.getKey(), List.of()).indexOf(floor) == 0)
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                out.put(n, c != null ? c : PALETTE[next++ % PALETTE.length]);
            }
        }
        return out;
    }

    private static void styleXY(XYChart chart) {
        Styler s = chart.getStyler();
        common(s);
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(7);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    }

    private static void styleCategory(CategoryChart chart) {
        common(chart.getStyler());
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
    }

    private static void common(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAntiAlias(true);
    }

    private static <C extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> void save(C chart, Path dir, String name) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
        Files.write(dir.resolve(name + ".png"), png.toByteArray());
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        Files.writeString(dir.resolve(name + ".svg"), stableClipIds(svg.toString(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    /**
     * VectorGraphics2D names clip paths after a hash code, which need not be the same from one JVM to the next;
     * renumbered in order of first use they are.
     */
    static String stableClipIds(String svg) {
        Matcher m = CLIP_ID.matcher(svg);
        Map<String, String> ids = new java.util.HashMap<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(), k -> "clip" + ids.size());
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        return out.toString();
    }

    static Optional<ChartFile> named(List<ChartFile> charts, String name) {
        return charts.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
