package org.ipcbench.bench;

import java.util.List;

/**
 * How long each cell of a run measures, and which cells a run has by default. Every cell starts its
 * peer once per fork (trial), so a cell costs about {@link #secondsPerFork()} per fork.
 */
enum Profile {
    /** Every present transport, every framing, both buffer sizes, 64-byte messages; round trips and floors. */
    QUICK(1, 1, 300, 2, 400, List.of(64), false),
    /**
     * The full cross at 64, 4096 and 65536 bytes, a size sweep, streams, thread peers, both waits, load runs,
     * server models by clients and a chunk-size sweep (see {@link RunPlan}).
     */
    FULL(3, 1, 600, 2, 600, List.of(64, 4096, 65536), true),
    /** One short iteration per cell: a check that everything runs, not a measurement (CI, tests). */
    SMOKE(1, 0, 0, 1, 200, List.of(64), false);

    /** What a fork costs beyond its iterations: a JVM, a peer JVM, JIT warm-up. Measured on the 2-core machine; a run refines its estimate as it goes. */
    static final double FORK_OVERHEAD_SECONDS = 3.5;

    final int forks;
    final int warmupIterations;
    final int warmupMillis;
    final int measurementIterations;
    final int measurementMillis;
    final List<Integer> messageSizes;
    final boolean full;

    Profile(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
            List<Integer> messageSizes, boolean full) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.messageSizes = messageSizes;
        this.full = full;
    }

    double secondsPerFork() {
        return FORK_OVERHEAD_SECONDS + (warmupIterations * warmupMillis + measurementIterations * measurementMillis)
                / 1000.0;
    }
}
