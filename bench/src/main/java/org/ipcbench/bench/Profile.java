package org.ipcbench.bench;

import java.util.List;

/**
 * How long each cell of a run measures, and which cells a run has by default. Every cell starts its
 * peer once per fork (trial), so a cell costs about {@link Timing#secondsPerCell()}.
 */
enum Profile {
    /** Every present transport, every framing, both buffer sizes, 64-byte messages; round trips and floors. */
    QUICK(1, 1, 300, 2, 400, 3.0, List.of(64), false),
    /**
     * The full cross at 64, 4096 and 65536 bytes, a size sweep, streams, thread peers, both waits, load runs,
     * server models by clients and a chunk-size sweep (see {@link RunPlan}).
     */
    FULL(3, 1, 600, 2, 600, 4.9, List.of(64, 4096, 65536), true),
    /** One short iteration per cell: a check that everything runs, not a measurement (CI, tests). */
    SMOKE(1, 0, 0, 1, 200, 3.0, List.of(64), false);

    /** What a stream fork costs on top: its invocations overrun the iteration, and teardown drains the acks. */
    static final double STREAM_EXTRA_SECONDS = 2.9;
    /** What a floor's fork costs on top: its own peer (an Aeron driver, a raw peer JVM) starts and stops. */
    static final double BASELINE_EXTRA_SECONDS = 3.4;

    final int forks;
    final int warmupIterations;
    final int warmupMillis;
    final int measurementIterations;
    final int measurementMillis;
    /**
     * What a fork costs beyond its iterations, in seconds: a JVM, a peer JVM, JIT warm-up, teardown. Measured on
     * the 2-core machine: the full run of 2026-11-24 at 03:33 (240 cells, 3 forks, 1 h 28 min 45 s; round-trip
     * cells 20.1 s on average, streams 28.8 s, floors 30.4 s) and the quick run of 2026-11-24 (47 cells, 3 min
     * 19 s). A run refines its estimate as it goes.
     */
    final double forkOverheadSeconds;
    final List<Integer> messageSizes;
    final boolean full;

    Profile(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
            double forkOverheadSeconds, List<Integer> messageSizes, boolean full) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.forkOverheadSeconds = forkOverheadSeconds;
        this.messageSizes = messageSizes;
        this.full = full;
    }

    /** The profile's forks and iterations, which a run may override one by one. */
    Timing timing() {
        return new Timing(forks, warmupIterations, warmupMillis, measurementIterations, measurementMillis,
                forkOverheadSeconds);
    }

    /** How long each cell measures: forks, and per fork the warm-up and measured iterations and the overhead. */
    record Timing(int forks, int warmupIterations, int warmupMillis, int measurementIterations,
                  int measurementMillis, double forkOverheadSeconds) {

        /** What one cell is expected to cost: its forks times the per-fork overhead and iterations. */
        double secondsPerCell() {
            return forks * (forkOverheadSeconds
                    + (warmupIterations * (double) warmupMillis + measurementIterations * (double) measurementMillis)
                    / 1000.0);
        }
    }
}
