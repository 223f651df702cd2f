package org.ipcbench.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cells made in code for the decision, baseline and comparison tests. */
final class TestCells {

    static final String ROUND_TRIP = "org.ipcbench.bench.RoundTripBenchmark.roundTrip";
    static final String STREAM = "org.ipcbench.bench.StreamBenchmark.stream";

    private TestCells() {
    }

    static TreeMap<String, String> params(String transport, int size) {
        TreeMap<String, String> p = new TreeMap<>();
        if (transport != null) {
            p.put("transport", transport);
        }
        p.put("framing", "fixed");
        p.put("bufferSize", "4096");
        p.put("messageSize", Integer.toString(size));
        return p;
    }

    /** A round-trip cell with a p50 (p99 = 3 × p50) and per-fork p50s. */
    static Cell roundTrip(String benchmark, String transport, int size, double p50, Double... forkP50) {
        List<Double> forks = List.of(forkP50);
        return new Cell(benchmark, Cell.SAMPLE, params(transport, size), p50, 3 * p50, 5 * p50, 10 * p50, null,
                forks, forks.stream().map(f -> 3 * f).toList(), List.of(), Map.of(), null);
    }

    static Cell roundTrip(String transport, int size, double p50, Double... forkP50) {
        return roundTrip(ROUND_TRIP, transport, size, p50, forkP50);
    }

    static Cell stream(String transport, int size, double opsPerSecond, Double... forkOps) {
        return new Cell(STREAM, Cell.THROUGHPUT, params(transport, size), null, null, null, null, opsPerSecond,
                List.of(), List.of(), List.of(forkOps), Map.of(), null);
    }
}
