package org.ipcbench.bench;

import java.util.List;
import java.util.Locale;

/** What a reader wants from a transport, with how to read it off a cell. */
enum Goal {
    P50("lowest round-trip p50", "p50", "µs", true),
    P99("lowest round-trip p99", "p99", "µs", true),
    THROUGHPUT("highest throughput", "throughput", "msgs/s", false),
    CPU("lowest CPU per message", "CPU per message", "µs", true);

    private final String description;
    private final String figure;
    private final String unit;
    private final boolean lowerIsBetter;

    Goal(String description, String figure, String unit, boolean lowerIsBetter) {
        this.description = description;
        this.figure = figure;
        this.unit = unit;
        this.lowerIsBetter = lowerIsBetter;
    }

    String description() {
        return description;
    }

    String figure() {
        return figure;
    }

    String unit() {
        return unit;
    }

    boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** The command-line name: {@code p50}, {@code p99}, {@code throughput}, {@code cpu}. */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether cells of this JMH mode carry this goal's figure. */
    boolean appliesTo(String mode) {
        switch (this) {
            case P50:
            case P99:
                return Cell.SAMPLE.equals(mode);
            case THROUGHPUT:
                return Cell.THROUGHPUT.equals(mode);
            default:
                return true;
        }
    }

    /** The cell's figure for this goal, or {@code null} when not measured. */
    Double value(Cell c) {
        switch (this) {
            case P50:
                return c.p50();
            case P99:
                return c.p99();
            case THROUGHPUT:
                return c.opsPerSecond();
            default:
                return c.cpu() == null ? null : c.cpu().totalMicros();
        }
    }

    /** The per-fork figures the spread of this goal's figure comes from. */
    List<Double> perFork(Cell c) {
        switch (this) {
            case P50:
                return c.forkP50();
            case P99:
                return c.forkP99();
            case THROUGHPUT:
                return c.forkOps();
            default:
                return c.cpu() == null ? List.of() : c.cpu().forkTotals();
        }
    }

    Double spread(Cell c) {
        return Spread.of(perFork(c));
    }

    /** How much better {@code a} is than {@code b}, relative to the better one: 0.25 means 25%. */
    double margin(double a, double b) {
        return lowerIsBetter ? b / a - 1 : a / b - 1;
    }

    String format(double v) {
        return this == THROUGHPUT ? Figures.rate(v) : Figures.micros(v);
    }
}
