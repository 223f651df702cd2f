package org.ipcbench.bench;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;

/**
 * One measured cell of a run: a benchmark at one set of parameters, with its figures already in the units
 * the report uses (microseconds for latency, messages per second for throughput). A figure that was not
 * measured is {@code null}. Per-fork figures are what the run-to-run spread is computed from.
 *
 * @param benchmark the JMH benchmark name, e.g. {@code org.ipcbench.bench.RoundTrip.roundTrip}
 * @param mode the JMH mode label: {@code sample} (round-trip latency) or {@code thrpt} (stream throughput)
 * @param params the JMH parameters without {@code forks}, sorted by name
 * @param secondary secondary metrics by name (e.g. counters of short writes), score per operation
 */
record Cell(String benchmark, String mode, SortedMap<String, String> params,
            Double p50, Double p99, Double p999, Double max, Double opsPerSecond,
            List<Double> forkP50, List<Double> forkP99, List<Double> forkOps,
            Map<String, Double> secondary, Cpu cpu) {

    static final String SAMPLE = "sample";
    static final String THROUGHPUT = "thrpt";

    /**
     * CPU per message, client and peer, medians over forks, in microseconds; and each fork's total. Minor
     * page faults and involuntary context switches per message, both processes together, medians over
     * forks, or null where the run did not record them ({@link ProcessCounters}).
     */
    record Cpu(double clientMicros, double peerMicros, double totalMicros, List<Double> forkTotals,
               Double faultsPerOp, Double switchesPerOp) {
    }

    Cell {
        params = Collections.unmodifiableSortedMap(params);
        forkP50 = List.copyOf(forkP50);
        forkP99 = List.copyOf(forkP99);
        forkOps = List.copyOf(forkOps);
        secondary = Map.copyOf(secondary);
    }

    Cell withCpu(Cpu measured) {
        return new Cell(benchmark, mode, params, p50, p99, p999, max, opsPerSecond, forkP50, forkP99, forkOps,
                secondary, measured);
    }

    String param(String name) {
        return params.get(name);
    }

    /** The message size in bytes, or -1 when the cell has none. */
    int messageSize() {
        String s = params.get("messageSize");
        if (s == null) {
            return -1;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code Class.method}: the benchmark name without its package. */
    String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /** Whether this cell is a diagnostic ({@link Suite#isDiagnostic}), which explains a cost and competes in nothing. */
    boolean diagnostic() {
        Suite s = Suite.byBenchmarkName(shortName());
        return s != null && s.isDiagnostic();
    }

    /** The transport this cell measured: its parameter, or for a raw baseline, the floor it stands for. */
    String transport() {
        if (Baselines.isRaw(this)) {
            return Baselines.floorOf(this);
        }
        String t = params.get("transport");
        return t == null ? shortName() : t;
    }

    /**
     * Identifies the cell across files and runs: benchmark and every parameter, except a parameter added later
     * (io, clients) at its default, so a cell of a run before it existed is the same cell as today's.
     */
    String key() {
        java.util.TreeMap<String, String> p = new java.util.TreeMap<>(params);
        ResultFiles.OPTIONAL_NAME_PARAMS.forEach((k, standard) -> p.remove(k, standard));
        return benchmark + " " + p;
    }

    /**
     * The cell's setting for people: its transport, then the named parameters in order, skipping the ones
     * it lacks, e.g. {@code tcp, length, buffer 8192, wait spin}.
     */
    String setting(List<String> keys) {
        StringJoiner j = new StringJoiner(", ");
        j.add(transport());
        for (String k : keys) {
            String v = params.get(k);
            if (v != null && !k.equals("transport")) {
                j.add(label(k, v));
            }
        }
        return j.toString();
    }

    static String label(String key, String value) {
        switch (key) {
            case "framing":
                return value;
            case "bufferSize":
                return "buffer " + value;
            case "messageSize":
                return value + " B";
            default:
                return key + " " + value;
        }
    }

    /** The parameters that describe a setting, in the order people read them. */
    static final List<String> SETTING_ORDER = List.of("transport", "framing", "bufferSize", "wait", "peer", "io",
            "clients");

    /** The parameter names that name a setting (all but the message size), in reading order. */
    static List<String> settingKeys(Set<String> present) {
        List<String> keys = new java.util.ArrayList<>();
        for (String k : SETTING_ORDER) {
            if (present.contains(k)) {
                keys.add(k);
            }
        }
        for (String k : new java.util.TreeSet<>(present)) {
            if (!keys.contains(k) && !k.equals("messageSize")) {
                keys.add(k);
            }
        }
        return keys;
    }
}
