package org.ipcbench.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The outcome of an open-loop run: latency measured from each message's intended send time, and whether
 * the sender kept the target rate. A run that fell behind is flagged: its latencies are then those of a
 * lower rate plus the backlog, and it must not be read as the target rate's.
 */
record OpenLoopResult(double targetRate, long sent, long elapsedNanos, Histogram latencyNanos) {

    /** The sender must have kept at least this share of the target rate. */
    static final double RATE_TOLERANCE = 0.99;

    /** Messages per second actually sent: {@code sent} over the time from the start to the last send. */
    double achievedRate() {
        return elapsedNanos <= 0 ? 0 : sent * 1e9 / elapsedNanos;
    }

    boolean rateAchieved() {
        return achieved(targetRate, achievedRate());
    }

    static boolean achieved(double targetRate, double achievedRate) {
        return achievedRate >= targetRate * RATE_TOLERANCE;
    }

    double p50Micros() {
        return latencyNanos.getValueAtPercentile(50) / 1000.0;
    }

    double p99Micros() {
        return latencyNanos.getValueAtPercentile(99) / 1000.0;
    }

    Map<String, Object> toJson(Map<String, String> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", Suite.LOAD.benchmarkName());
        m.put("params", params);
        m.put("target_rate", targetRate);
        m.put("achieved_rate", achievedRate());
        m.put("rate_achieved", rateAchieved());
        m.put("sent", sent);
        m.put("received", latencyNanos.getTotalCount());
        m.put("p50_us", p50Micros());
        m.put("p90_us", latencyNanos.getValueAtPercentile(90) / 1000.0);
        m.put("p99_us", p99Micros());
        m.put("p999_us", latencyNanos.getValueAtPercentile(99.9) / 1000.0);
        m.put("max_us", latencyNanos.getMaxValue() / 1000.0);
        return m;
    }
}
