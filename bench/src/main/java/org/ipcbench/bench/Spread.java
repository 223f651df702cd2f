package org.ipcbench.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Run-to-run spread: (max - min) / median of the per-fork figures. Above {@link #NOISY} a cell is marked
 * noisy. With fewer than two forks there is no spread to measure.
 */
final class Spread {

    static final double NOISY = 0.10;

    private Spread() {
    }

    /** The relative spread of per-fork figures, or {@code null} with fewer than two. */
    static Double of(List<Double> perFork) {
        if (perFork == null || perFork.size() < 2) {
            return null;
        }
        double median = median(perFork);
        if (median == 0) {
            return null;
        }
        return (Collections.max(perFork) - Collections.min(perFork)) / Math.abs(median);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static boolean noisy(Double spread) {
        return spread != null && spread > NOISY;
    }
}
