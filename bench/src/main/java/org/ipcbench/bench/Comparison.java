package org.ipcbench.bench;

/**
 * Two cells compared on one goal, with the noise of both: {@code candidate} against {@code reference}.
 *
 * @param ratio candidate's figure ÷ reference's figure
 * @param noise the larger run-to-run spread of the two, or {@code null} when either has one fork
 */
record Comparison(Cell reference, Cell candidate, Goal goal, double ratio, Double noise) {

    enum Outcome {
        BETTER("better"), WORSE("worse"), WITHIN_NOISE("within noise"), NOISE_UNKNOWN("noise not measured");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    /** Compares two cells on a goal; empty figures give {@code null}. */
    static Comparison of(Cell reference, Cell candidate, Goal goal) {
        Double a = goal.value(reference);
        Double b = goal.value(candidate);
        if (a == null || b == null || a <= 0 || b <= 0) {
            return null;
        }
        Double sa = goal.spread(reference);
        Double sb = goal.spread(candidate);
        return new Comparison(reference, candidate, goal, b / a, sa == null || sb == null ? null : Math.max(sa, sb));
    }

    /** The relative change of the figure, signed: +0.2 is 20% higher. */
    double change() {
        return ratio - 1;
    }

    /** Whether the candidate is better, worse or within noise of the reference. */
    Outcome outcome() {
        if (noise == null) {
            return Outcome.NOISE_UNKNOWN;
        }
        if (Math.abs(change()) <= noise) {
            return Outcome.WITHIN_NOISE;
        }
        boolean higher = ratio > 1;
        return higher != goal.lowerIsBetter() ? Outcome.BETTER : Outcome.WORSE;
    }

    /** The candidate's cost as a multiple of the reference's: latency and CPU b ÷ a, throughput a ÷ b. */
    double costRatio() {
        return goal.lowerIsBetter() ? ratio : 1 / ratio;
    }
}
