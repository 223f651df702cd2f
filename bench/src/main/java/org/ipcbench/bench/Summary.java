package org.ipcbench.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The table a run ends with: per cell p50 and p99 round trip (µs), messages/s, MB/s for streams, CPU per
 * message of both processes, and each transport's p50 as a multiple of its floors' ({@link Floors}) in the
 * same run. It compares; it does not rank.
 */
final class Summary {

    /** A finished cell: its JMH result or its load result, whichever it has. */
    record Outcome(PlannedCell cell, RunResult jmh, OpenLoopResult load) {
    }

    private final List<Outcome> outcomes;
    private final Map<PlannedCell, double[]> cpu = new HashMap<>();

    Summary(List<Outcome> outcomes, Iterable<JsonNode> cpuRecords) {
        this.outcomes = outcomes;
        Map<PlannedCell, double[]> sums = new HashMap<>();
        for (Outcome o : outcomes) {
            for (JsonNode r : cpuRecords) {
                if (o.cell().suite().benchmarkName().equals(r.path("benchmark").asText()) && matches(o.cell(), r)) {
                    double[] s = sums.computeIfAbsent(o.cell(), c -> new double[3]);
                    s[0] += r.path("client_cpu_ns_per_op").asDouble();
                    s[1] += r.path("peer_cpu_ns_per_op").asDouble();
                    s[2]++;
                }
            }
        }
        sums.forEach((c, s) -> cpu.put(c, new double[] {s[0] / s[2], s[1] / s[2]}));
    }

    private static boolean matches(PlannedCell cell, JsonNode record) {
        for (Map.Entry<String, String> e : cell.params().entrySet()) {
            if (!e.getValue().equals(record.path("params").path(e.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        String header = String.format("%-100s %10s %10s %12s %9s %11s %11s  %s", "cell", "p50 us", "p99 us", "msgs/s",
                "MB/s", "cpu cl us", "cpu peer us", "p50 vs floor");
        out.add(header);
        for (Outcome o : outcomes) {
            PlannedCell c = o.cell();
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            double rate = Double.NaN;
            if (o.jmh() != null) {
                Statistics s = o.jmh().getPrimaryResult().getStatistics();
                if (o.jmh().getParams().getMode() == Mode.Throughput) {
                    rate = o.jmh().getPrimaryResult().getScore(); // operations per second: streams, ring-path
                } else {
                    p50 = s.getPercentile(50);
                    p99 = s.getPercentile(99);
                    rate = 1e6 / s.getMean();
                }
            } else if (o.load() != null) {
                p50 = o.load().p50Micros();
                p99 = o.load().p99Micros();
                rate = o.load().achievedRate();
            }
            double mbps = c.suite() == Suite.STREAM ? rate * Integer.parseInt(c.param("messageSize")) / 1e6 : Double.NaN;
            double[] cpuPerOp = cpu.get(c);
            out.add(String.format("%-100s %10s %10s %12s %9s %11s %11s  %s", c.describe(), num(p50, "%.2f"),
                    num(p99, "%.2f"), num(rate, "%.0f"), num(mbps, "%.0f"),
                    cpuPerOp == null ? "-" : num(cpuPerOp[0] / 1000, "%.2f"),
                    cpuPerOp == null ? "-" : num(cpuPerOp[1] / 1000, "%.2f"),
                    versusFloors(o, p50) + (o.load() != null && !o.load().rateAchieved() ? "RATE NOT ACHIEVED" : "")));
        }
        return out;
    }

    private String versusFloors(Outcome o, double p50) {
        PlannedCell c = o.cell();
        // A burst over several clients is not one round trip: no floor measures it.
        if (c.suite() != Suite.ROUND_TRIP || Double.isNaN(p50) || !"1".equals(c.params().getOrDefault("clients", "1"))) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Floors.Floor f : Floors.of(c.param("transport"))) {
            for (Outcome b : outcomes) {
                if (b.cell().suite() == f.suite() && b.jmh() != null && isFloorOf(f, b.cell(), c)) {
                    double floor = b.jmh().getPrimaryResult().getStatistics().getPercentile(50);
                    parts.add(String.format("x%.2f %s", p50 / floor, f.label()));
                }
            }
        }
        return String.join(", ", parts);
    }

    private static boolean isFloorOf(Floors.Floor f, PlannedCell baseline, PlannedCell cell) {
        if (!Objects.equals(baseline.param("messageSize"), cell.param("messageSize"))) {
            return false;
        }
        if (f.suite() != Suite.RAW_SOCKET) {
            return true;
        }
        return f.transport().equals(baseline.param("transport"))
                && baseline.param("bufferSize").equals(cell.param("bufferSize"))
                && baseline.param("wait").equals(cell.param("wait"));
    }

    private static String num(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(format, v);
    }
}
