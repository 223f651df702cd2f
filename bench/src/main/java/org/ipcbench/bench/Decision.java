package org.ipcbench.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The best setting for one goal at one message size in one benchmark, the runner-up, the margin between them,
 * and whether that margin is larger than the noise measured on either (their run-to-run spread).
 *
 * @param best the winner, or {@code null} when nothing was measured
 * @param runnerUp the second best, or {@code null} when there was only one candidate
 * @param margin how much better the best is than the runner-up (0.25 = 25%), or {@code null}
 * @param noise the larger run-to-run spread of the two, or {@code null} when not measurable (one fork)
 * @param keys the parameters that tell the candidates apart, for their labels
 */
record Decision(String benchmark, int messageSize, Goal goal, Cell best, Cell runnerUp, Double margin, Double noise,
                List<String> keys) {

    /** Whether the winner's margin exceeds the measured noise. */
    boolean clearWinner() {
        return best != null && runnerUp != null && noise != null && margin > noise;
    }

    boolean measured() {
        return best != null;
    }

    /** The verdict in words. */
    String verdict() {
        if (best == null) {
            return "not measured in this run";
        }
        if (runnerUp == null) {
            return "only one candidate measured";
        }
        if (noise == null) {
            return "no clear winner: noise not measured (one fork)";
        }
        return margin > noise ? "clear winner: margin " + Figures.margin(margin) + " > noise " + Figures.percent(noise)
                : "no clear winner: margin " + Figures.margin(margin) + " ≤ noise " + Figures.percent(noise);
    }

    String bestSetting() {
        return best == null ? "–" : best.setting(keys);
    }

    String runnerUpSetting() {
        return runnerUp == null ? "–" : runnerUp.setting(keys);
    }

    /** Decides one goal at one size for one benchmark; raw baselines are floors, not candidates. */
    static Decision decide(List<Cell> cells, String benchmark, int messageSize, Goal goal) {
        List<Cell> candidates = cells.stream()
                .filter(c -> c.benchmark().equals(benchmark) && c.messageSize() == messageSize)
                .filter(c -> candidate(c) && goal.appliesTo(c.mode()) && goal.value(c) != null)
                .sorted(Comparator.comparingDouble((Cell c) -> goal.lowerIsBetter() ? goal.value(c) : -goal.value(c))
                        .thenComparing(Cell::params, RunDirectory::compareParams))
                .collect(Collectors.toList());
        List<String> keys = varyingKeys(cells.stream().filter(c -> c.benchmark().equals(benchmark))
                .filter(c -> !Baselines.isRaw(c)).collect(Collectors.toList()));
        if (candidates.isEmpty()) {
            return new Decision(benchmark, messageSize, goal, null, null, null, null, keys);
        }
        Cell best = candidates.get(0);
        if (candidates.size() == 1) {
            return new Decision(benchmark, messageSize, goal, best, null, null, null, keys);
        }
        Cell second = candidates.get(1);
        double margin = goal.margin(goal.value(best), goal.value(second));
        Double a = goal.spread(best);
        Double b = goal.spread(second);
        Double noise = a == null || b == null ? null : Math.max(a, b);
        return new Decision(benchmark, messageSize, goal, best, second, margin, noise, keys);
    }

    /**
     * Every decision of a run: per message size and goal, one per benchmark that measured the goal, or one
     * "not measured" row when none did.
     */
    static List<Decision> all(List<Cell> cells) {
        List<Decision> out = new ArrayList<>();
        TreeSet<Integer> sizes = cells.stream().filter(Decision::candidate).map(Cell::messageSize)
                .collect(Collectors.toCollection(TreeSet::new));
        for (int size : sizes) {
            for (Goal goal : Goal.values()) {
                Set<String> benchmarks = cells.stream()
                        .filter(c -> candidate(c) && c.messageSize() == size && goal.appliesTo(c.mode())
                                && goal.value(c) != null)
                        .map(Cell::benchmark).collect(Collectors.toCollection(TreeSet::new));
                if (benchmarks.isEmpty()) {
                    out.add(new Decision("–", size, goal, null, null, null, null, List.of()));
                }
                for (String b : benchmarks) {
                    out.add(decide(cells, b, size, goal));
                }
            }
        }
        return out;
    }

    /**
     * Orders decisions so that the benchmark which measured the most candidate settings at its size comes first:
     * it speaks for the run.
     */
    static Comparator<Decision> mostMeasuredFirst(List<Cell> cells) {
        return Comparator.comparingLong((Decision d) -> -cells.stream().filter(Decision::candidate)
                        .filter(c -> c.benchmark().equals(d.benchmark()) && c.messageSize() == d.messageSize())
                        .count())
                .thenComparing(Decision::benchmark);
    }

    /**
     * Whether a cell competes in decisions: not a raw baseline (a floor), not a diagnostic, and one client only,
     * since the question is how two processes should talk; load levels are compared in the findings instead.
     */
    static boolean candidate(Cell c) {
        String clients = c.param("clients");
        return !Baselines.isRaw(c) && !c.diagnostic() && (clients == null || clients.equals("1"));
    }

    /** The setting parameters that take more than one value among the cells that have them; the transport always. */
    static List<String> varyingKeys(List<Cell> cells) {
        Set<String> present = new TreeSet<>();
        cells.forEach(c -> present.addAll(c.params().keySet()));
        List<String> keys = new ArrayList<>();
        for (String k : Cell.settingKeys(present)) {
            Set<String> values = new LinkedHashSet<>();
            cells.stream().map(c -> c.param(k)).filter(java.util.Objects::nonNull).forEach(values::add);
            if (values.size() > 1 || k.equals("transport")) {
                keys.add(k);
            }
        }
        return keys;
    }
}
