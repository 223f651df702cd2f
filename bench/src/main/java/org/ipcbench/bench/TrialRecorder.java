package org.ipcbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What one trial (one fork of one cell) records beside JMH's own result, during measurement iterations
 * only: every operation's time in an HdrHistogram (full-resolution tails, saved as {@code .hgrm}), the
 * operation count, and the CPU time, minor page faults and involuntary context switches of both processes
 * over those iterations (saved to {@code cpu.json}; see {@link ProcessCounters} for why the last two).
 *
 * <p>Client CPU is this JMH fork's whole process CPU time (JIT and GC included), so that it stands for
 * what a real client process pays; with {@code peer=thread} the peer's threads are in that process too,
 * and their CPU time is taken out of it. Peer CPU is whatever the {@link Peer} reports. Faults and switches
 * are of both processes together, since a thread peer's cannot be told apart from the client's.
 */
final class TrialRecorder {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final String benchmark;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Peer peer;
    private final boolean histogram;
    private final boolean peerInProcess;
    private final Histogram nanos = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final ResultFiles files = ResultFiles.fromSystemProperty();
    private boolean measuring;
    private long ops;
    private long clientCpu;
    private long peerCpuUsed;
    private long clientStart;
    private long peerStart;
    private ProcessCounters.Reading countersStart = ProcessCounters.Reading.NONE;
    private ProcessCounters.Reading counters = ProcessCounters.Reading.NONE;

    /**
     * @param histogram whether operations are timed one by one (latency benchmarks) or only counted (streams)
     */
    TrialRecorder(BenchmarkParams benchmarkParams, Peer peer, boolean histogram) {
        String full = benchmarkParams.getBenchmark();
        String method = full.substring(full.lastIndexOf('.') + 1);
        String cls = full.substring(0, full.lastIndexOf('.'));
        this.benchmark = cls.substring(cls.lastIndexOf('.') + 1) + "." + method;
        for (String key : benchmarkParams.getParamsKeys()) {
            params.put(key, benchmarkParams.getParam(key));
        }
        this.peer = peer;
        this.histogram = histogram;
        this.peerInProcess = TransportCell.THREAD.equals(params.get("peer"));
    }

    /** Call from {@code @Setup(Level.Iteration)}. */
    void iterationStarts(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        if (measuring) {
            clientStart = OS.getProcessCpuTime();
            peerStart = peer.cpuNanos();
            countersStart = countersNow();
        }
    }

    /** Call from {@code @TearDown(Level.Iteration)}. */
    void iterationEnds() {
        if (measuring) {
            long peerCpu = peer.cpuNanos() - peerStart;
            long process = OS.getProcessCpuTime() - clientStart;
            clientCpu += peerInProcess ? process - peerCpu : process;
            peerCpuUsed += peerCpu;
            counters = counters.plus(countersNow().since(countersStart));
            measuring = false;
        }
    }

    private ProcessCounters.Reading countersNow() {
        ProcessCounters.Reading self = ProcessCounters.readSelf();
        return peer.pid() < 0 ? self : self.plus(ProcessCounters.read(peer.pid()));
    }

    /** One operation that took {@code elapsedNanos}. */
    void record(long elapsedNanos) {
        if (measuring) {
            ops++;
            if (histogram) {
                nanos.recordValue(elapsedNanos);
            }
        }
    }

    /** {@code n} operations that were not timed one by one. */
    void count(long n) {
        if (measuring) {
            ops += n;
        }
    }

    /** Call from {@code @TearDown(Level.Trial)}: writes the .hgrm and the cpu.json record. */
    void trialEnds() throws IOException {
        int fork = files.nextFork(benchmark, params);
        if (histogram) {
            files.saveHistogram(benchmark, params, fork, nanos);
        }
        double perOp = Math.max(ops, 1);
        files.appendCpu(new ResultFiles.CpuRecord(benchmark, params, fork, ops, clientCpu / perOp,
                peerCpuUsed / perOp, counters.minorFaults() / perOp, counters.involuntarySwitches() / perOp));
    }
}
