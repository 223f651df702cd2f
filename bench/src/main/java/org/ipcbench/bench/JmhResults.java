package org.ipcbench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads JMH's {@code -rf json} output into cells. Sample mode ({@code rawDataHistogram}: per fork, per
 * iteration, pairs of value and count) gives latency percentiles; other modes ({@code rawData}: per fork, per
 * iteration, a score) give throughput. Scores are converted to microseconds and to operations per second.
 */
final class JmhResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResults() {
    }

    static List<Cell> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a JMH JSON result (expected an array)");
        }
        List<Cell> cells = new ArrayList<>();
        for (JsonNode result : root) {
            cells.add(cell(result));
        }
        return cells;
    }

    private static Cell cell(JsonNode r) {
        String benchmark = r.path("benchmark").asText("");
        String mode = r.path("mode").asText("");
        TreeMap<String, String> params = params(r.path("params"));
        JsonNode metric = r.path("primaryMetric");
        String unit = metric.path("scoreUnit").asText("");
        Double p50 = null;
        Double p99 = null;
        Double p999 = null;
        Double max = null;
        Double ops = null;
        List<Double> forkP50 = new ArrayList<>();
        List<Double> forkP99 = new ArrayList<>();
        List<Double> forkOps = new ArrayList<>();
        if (Cell.SAMPLE.equals(mode)) {
            double toMicros = microsPer(unit);
            JsonNode pct = metric.path("scorePercentiles");
            List<TreeMap<Double, Long>> forks = histograms(metric.path("rawDataHistogram"));
            TreeMap<Double, Long> all = new TreeMap<>();
            forks.forEach(f -> f.forEach((v, n) -> all.merge(v, n, Long::sum)));
            p50 = scaled(number(pct.path("50.0")), percentile(all, 50), toMicros);
            p99 = scaled(number(pct.path("99.0")), percentile(all, 99), toMicros);
            p999 = scaled(number(pct.path("99.9")), percentile(all, 99.9), toMicros);
            max = scaled(number(pct.path("100.0")), percentile(all, 100), toMicros);
            for (TreeMap<Double, Long> fork : forks) {
                if (!fork.isEmpty()) {
                    forkP50.add(percentile(fork, 50) * toMicros);
                    forkP99.add(percentile(fork, 99) * toMicros);
                }
            }
        } else {
            double toOps = opsPerSecond(unit);
            Double score = number(metric.path("score"));
            ops = score == null || Double.isNaN(toOps) ? null : score * toOps;
            if (!Double.isNaN(toOps)) {
                for (JsonNode fork : metric.path("rawData")) {
                    double sum = 0;
                    int n = 0;
                    for (JsonNode iteration : fork) {
                        Double v = number(iteration);
                        if (v != null) {
                            sum += v;
                            n++;
                        }
                    }
                    if (n > 0) {
                        forkOps.add(sum / n * toOps);
                    }
                }
            }
        }
        Map<String, Double> secondary = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = r.path("secondaryMetrics").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Double v = number(e.getValue().path("score"));
            if (v != null) {
                secondary.put(e.getKey(), v);
            }
        }
        return new Cell(benchmark, mode, params, p50, p99, p999, max, ops, forkP50, forkP99, forkOps, secondary,
                null);
    }

    /** The parameters as strings, without {@code forks} (a run setting, not part of a cell). */
    static TreeMap<String, String> params(JsonNode node) {
        TreeMap<String, String> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("forks")) {
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        return params;
    }

    /** Per fork, the value counts of all its iterations merged. */
    private static List<TreeMap<Double, Long>> histograms(JsonNode raw) {
        List<TreeMap<Double, Long>> forks = new ArrayList<>();
        for (JsonNode fork : raw) {
            TreeMap<Double, Long> counts = new TreeMap<>();
            for (JsonNode iteration : fork) {
                for (JsonNode pair : iteration) {
                    Double v = number(pair.path(0));
                    long n = pair.path(1).asLong(0);
                    if (v != null && n > 0) {
                        counts.merge(v, n, Long::sum);
                    }
                }
            }
            forks.add(counts);
        }
        return forks;
    }

    /** Nearest rank: the smallest value with at least p% of the counts at or below it. */
    static Double percentile(TreeMap<Double, Long> counts, double p) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (Map.Entry<Double, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }

    private static Double scaled(Double reported, Double computed, double factor) {
        Double v = reported != null ? reported : computed;
        return v == null || Double.isNaN(factor) ? null : v * factor;
    }

    /** A JSON number, or JMH's strings "NaN", "+INF", "-INF" as null. */
    static Double number(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return null;
        }
        double d = n.asDouble();
        return Double.isFinite(d) ? d : null;
    }

    /** Microseconds in one unit of a time-per-operation score such as {@code us/op}; NaN if unknown. */
    static double microsPer(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        int slash = u.indexOf('/');
        String time = slash < 0 ? u : u.substring(0, slash);
        switch (time) {
            case "ns":
                return 1e-3;
            case "us":
            case "µs":
                return 1;
            case "ms":
                return 1e3;
            case "s":
                return 1e6;
            default:
                return Double.NaN;
        }
    }

    /** Operations per second in one unit of a throughput score such as {@code ops/ms}; NaN if unknown. */
    static double opsPerSecond(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        int slash = u.indexOf('/');
        if (slash < 0) {
            return Double.NaN;
        }
        double micros = microsPer(u.substring(slash + 1));
        return Double.isNaN(micros) ? Double.NaN : 1e6 / micros;
    }
}
