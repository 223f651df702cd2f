package org.ipcbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@code ipcbench recommend} says for a message size and goal: the measured size it used, and the
 * decision at that size for each benchmark that measured the goal.
 */
record Recommendation(int requestedSize, int usedSize, List<Integer> measuredSizes, List<Decision> decisions) {

    /** The recommendation, or {@code null} when the run never measured the goal. */
    static Recommendation of(List<Cell> cells, int messageSize, Goal goal) {
        TreeSet<Integer> sizes = cells.stream()
                .filter(c -> Decision.candidate(c) && goal.appliesTo(c.mode()) && goal.value(c) != null
                        && c.messageSize() > 0)
                .map(Cell::messageSize).collect(Collectors.toCollection(TreeSet::new));
        if (sizes.isEmpty()) {
            return null;
        }
        int used = nearest(sizes, messageSize);
        List<Decision> ds = Decision.all(cells).stream()
                .filter(d -> d.goal() == goal && d.messageSize() == used && d.measured())
                .sorted(Decision.mostMeasuredFirst(cells))
                .collect(Collectors.toList());
        return new Recommendation(messageSize, used, new ArrayList<>(sizes), ds);
    }

    /** The measured size closest by ratio (so 100 is nearer 64 than 256); on a tie, the larger. */
    static int nearest(TreeSet<Integer> sizes, int n) {
        int best = sizes.first();
        for (int s : sizes) {
            double d = Math.abs(Math.log((double) s / n));
            double bestD = Math.abs(Math.log((double) best / n));
            if (d < bestD || (d == bestD && s > best)) {
                best = s;
            }
        }
        return best;
    }

    /** The lines to print. */
    List<String> lines(List<Cell> cells, Goal goal) {
        List<String> out = new ArrayList<>();
        if (usedSize != requestedSize) {
            out.add(Figures.bytes(requestedSize) + " was not measured; using the nearest measured size, "
                    + Figures.bytes(usedSize) + " (measured: " + measuredSizes.stream().map(Figures::bytes)
                    .collect(Collectors.joining(", ")) + ").");
        }
        for (Decision d : decisions) {
            out.add("Goal: " + goal.description() + ", " + d.best().shortName() + " at " + Figures.bytes(usedSize)
                    + ".");
            out.add("Choose: " + d.bestSetting() + ": " + goal.figure() + " " + Findings.figure(goal, d.best())
                    + ratioNote(d.best(), cells, goal) + ".");
            if (d.runnerUp() == null) {
                out.add("Runner-up: none; it was the only candidate measured.");
                continue;
            }
            out.add("Runner-up: " + d.runnerUpSetting() + ": " + goal.figure() + " "
                    + Findings.figure(goal, d.runnerUp()) + ".");
            String margin = Figures.margin(d.margin());
            if (d.noise() == null) {
                out.add("Why: it leads by " + margin + ", but the run has one fork, so the noise is not measured: "
                        + "no clear winner.");
            } else if (d.clearWinner()) {
                out.add("Why: it leads by " + margin + ", more than the run-to-run noise of either ("
                        + Figures.percent(d.noise()) + "): a clear winner.");
            } else {
                out.add("Why: it leads by " + margin + ", within the run-to-run noise ("
                        + Figures.percent(d.noise()) + "): no clear winner; either will do.");
            }
        }
        return out;
    }

    private static String ratioNote(Cell c, List<Cell> cells, Goal goal) {
        List<Baselines.Ratio> r = Baselines.ratios(c, cells, goal);
        return r.isEmpty() ? "" : " (" + r.stream().map(x -> Figures.ratio(x.ratio()) + " the cost of " + x.floor())
                .collect(Collectors.joining(", ")) + ")";
    }
}
