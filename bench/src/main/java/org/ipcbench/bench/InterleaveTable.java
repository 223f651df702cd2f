package org.ipcbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns an interleaved run's phases ({@value #DATA}) into {@value #TABLE}. Two tables: each contender's p50 and
 * p99 over its phases; and each transport's p50 over each floor's, taken cycle by cycle (both phases of a cycle
 * are a few hundred milliseconds apart), as a median and the middle half of the cycles. Generated, never typed:
 * the same lines give the same bytes.
 */
final class InterleaveTable {

    static final String DATA = "interleave.jsonl";
    static final String TABLE = "table.md";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InterleaveTable() {
    }

    /** One phase: a contender's round trips in one cycle. */
    record Phase(int cycle, String contender, String role, double p50, double p99, long roundTrips) {
    }

    static void write(Path dir) throws IOException {
        Files.writeString(dir.resolve(TABLE), render(read(dir.resolve(DATA))), StandardCharsets.UTF_8);
    }

    static List<Phase> read(Path data) throws IOException {
        List<Phase> phases = new ArrayList<>();
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            if (n.path("round_trips").asLong() == 0) {
                continue; // a phase that recorded nothing (a settle as long as the phase) has no percentiles
            }
            phases.add(new Phase(n.path("cycle").asInt(), n.path("contender").asText(), n.path("role").asText(),
                    n.path("p50_us").asDouble(), n.path("p99_us").asDouble(), n.path("round_trips").asLong()));
        }
        return phases;
    }

    static String render(List<Phase> phases) {
        Map<String, List<Phase>> byContender = new LinkedHashMap<>();
        phases.stream().sorted(Comparator.comparing((Phase p) -> "transport".equals(p.role()) ? 0 : 1)
                        .thenComparing(Phase::contender))
                .forEach(p -> byContender.computeIfAbsent(p.contender(), k -> new ArrayList<>()).add(p));
        MarkdownTable each = new MarkdownTable(List.of("contender", "role", "phases", "round trips",
                "p50 µs, median of phases", "p50 µs, middle half of phases", "p99 µs, median of phases"));
        for (List<Phase> ps : byContender.values()) {
            double[] p50 = ps.stream().mapToDouble(Phase::p50).sorted().toArray();
            double[] p99 = ps.stream().mapToDouble(Phase::p99).sorted().toArray();
            each.row(List.of(ps.get(0).contender(), ps.get(0).role(), Integer.toString(ps.size()),
                    Long.toString(ps.stream().mapToLong(Phase::roundTrips).sum()), fmt(quantile(p50, 0.5)),
                    fmt(quantile(p50, 0.25)) + "–" + fmt(quantile(p50, 0.75)), fmt(quantile(p99, 0.5))));
        }
        MarkdownTable ratios = new MarkdownTable(List.of("transport", "floor", "cycles",
                "p50 ÷ floor's p50, median of cycles", "middle half of cycles", "lowest–highest"));
        for (List<Phase> t : byContender.values()) {
            if (!"transport".equals(t.get(0).role())) {
                continue;
            }
            for (List<Phase> f : byContender.values()) {
                if (!"floor".equals(f.get(0).role())) {
                    continue;
                }
                double[] r = perCycle(t, f);
                if (r.length == 0) {
                    continue;
                }
                ratios.row(List.of(t.get(0).contender(), f.get(0).contender(), Integer.toString(r.length),
                        fmt(quantile(r, 0.5)) + "×", fmt(quantile(r, 0.25)) + "–" + fmt(quantile(r, 0.75)) + "×",
                        fmt(r[0]) + "–" + fmt(r[r.length - 1]) + "×"));
            }
        }
        return "## Each contender\n\n" + each + "\n## Each transport over each floor, cycle by cycle\n\n" + ratios
                + "\nA cycle runs every contender for one phase, in an order that rotates each cycle; a ratio pairs a "
                + "transport's phase with the floor's phase of the same cycle. Middle half: the 25th to the 75th "
                + "percentile. Generated from " + DATA + " by `ipcbench interleave --retable DIR`.\n";
    }

    /** The transport's p50 over the floor's, for each cycle both ran in, sorted. */
    static double[] perCycle(List<Phase> transport, List<Phase> floor) {
        Map<Integer, Double> floorByCycle = new TreeMap<>();
        floor.forEach(p -> floorByCycle.put(p.cycle(), p.p50()));
        return transport.stream().filter(p -> floorByCycle.getOrDefault(p.cycle(), 0.0) > 0)
                .mapToDouble(p -> p.p50() / floorByCycle.get(p.cycle())).sorted().toArray();
    }

    /** The q-quantile of sorted values, interpolating linearly between neighbours. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
