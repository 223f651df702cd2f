package org.ipcbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a demo's raw rows ({@value #DATA}) into {@value #TABLE}: one line per transport, framing, server
 * model and wait, with the median of its runs and the range of p50 across runs. Generated, never typed:
 * the same raw data gives the same bytes.
 */
final class DemoTable {

    static final String DATA = "demo.jsonl";
    static final String TABLE = "table.md";
    private static final String[] KEY = {"transport", "framing", "io", "wait", "message_size", "buffer_size"};

    private DemoTable() {
    }

    static void write(Path dir) throws IOException {
        Map<String, List<JsonNode>> rows = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve(DATA), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            StringBuilder key = new StringBuilder();
            for (String k : KEY) {
                key.append(n.path(k).asText()).append('|');
            }
            rows.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(n);
        }
        StringBuilder md = new StringBuilder();
        md.append("| transport | framing | server | wait | message B | buffer B | runs | p50 µs | p50 range µs "
                + "| p99 µs | p99.9 µs | max µs | msgs/s |\n");
        md.append("|---|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (List<JsonNode> runs : rows.values()) {
            JsonNode first = runs.get(0);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %d | %.2f | %.2f–%.2f | %.2f | %.2f | %.2f | %.0f |%n",
                    first.path("transport").asText(), first.path("framing").asText(), first.path("io").asText(),
                    first.path("wait").asText(), first.path("message_size").asInt(), first.path("buffer_size").asInt(),
                    runs.size(), median(runs, "p50_us"), min(runs, "p50_us"), max(runs, "p50_us"),
                    median(runs, "p99_us"), median(runs, "p999_us"), median(runs, "max_us"),
                    median(runs, "msgs_per_s")));
        }
        md.append("\nMedians over each row's runs; every run used a fresh server process. Generated from ")
                .append(DATA).append(" by `ipcbench demo --retable DIR`.\n");
        Files.writeString(dir.resolve(TABLE), md.toString(), StandardCharsets.UTF_8);
    }

    private static double[] values(List<JsonNode> runs, String field) {
        return runs.stream().mapToDouble(n -> n.path(field).asDouble()).sorted().toArray();
    }

    private static double median(List<JsonNode> runs, String field) {
        double[] v = values(runs, field);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<JsonNode> runs, String field) {
        return values(runs, field)[0];
    }

    private static double max(List<JsonNode> runs, String field) {
        double[] v = values(runs, field);
        return v[v.length - 1];
    }
}
