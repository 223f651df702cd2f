package org.ipcbench.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The benchmarks a run can hold, by the name {@code --benchmarks} uses. */
enum Suite {
    ROUND_TRIP("round-trip", RoundTripBenchmark.class, "roundTrip"),
    STREAM("stream", StreamBenchmark.class, "stream"),
    RAW_SOCKET("raw-socket", RawSocketBenchmark.class, "roundTrip"),
    RAW_RING("raw-ring", RawRingBenchmark.class, "roundTrip"),
    RAW_CHRONICLE("raw-chronicle", RawChronicleBenchmark.class, "roundTrip"),
    AERON_IPC("aeron-ipc", AeronIpcBenchmark.class, "roundTrip"),
    /** Open-loop latency at fixed rates ({@code ipcbench load}), not JMH. */
    LOAD("load", null, "load"),
    /** A diagnostic, run only when named: shm-ring's round trip in one thread, layer by layer. */
    RING_PATH("ring-path", RingPathBenchmark.class, "roundTrip");

    final String id;
    private final Class<?> benchmarkClass;
    private final String method;

    Suite(String id, Class<?> benchmarkClass, String method) {
        this.id = id;
        this.benchmarkClass = benchmarkClass;
        this.method = method;
    }

    boolean isJmh() {
        return benchmarkClass != null;
    }

    /** A benchmark that explains a cost rather than measuring a way to talk: never a candidate in a decision. */
    boolean isDiagnostic() {
        return this == RING_PATH;
    }

    boolean isBaseline() {
        return this == RAW_SOCKET || this == RAW_RING || this == RAW_CHRONICLE || this == AERON_IPC;
    }

    /** As in results and file names: {@code RoundTripBenchmark.roundTrip}; {@code load} for load runs. */
    String benchmarkName() {
        return isJmh() ? benchmarkClass.getSimpleName() + "." + method : id;
    }

    /** A JMH include pattern that matches this benchmark and no other. */
    String includePattern() {
        return "^" + java.util.regex.Pattern.quote(benchmarkClass.getName() + "." + method) + "$";
    }

    static Suite byId(String id) {
        for (Suite s : values()) {
            if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown benchmark '" + id + "'; expected one of " + ids());
    }

    static Suite byBenchmarkName(String name) {
        for (Suite s : values()) {
            if (s.benchmarkName().equals(name)) {
                return s;
            }
        }
        return null;
    }

    static String ids() {
        return Arrays.stream(values()).map(s -> s.id).collect(Collectors.joining(", "));
    }

    static List<Suite> all() {
        return List.of(values());
    }
}
