package org.ipcbench.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The raw baselines: the floor each transport is compared with, as a small explicit table. A raw baseline is
 * a benchmark whose class or method name says {@code raw} or a cell whose {@code transport} parameter starts
 * with {@code raw-}. Adjust the two tables below when the benchmarks change their names.
 */
final class Baselines {

    /** Transport to the floors it is compared with, first the main one. */
    static final Map<String, List<String>> FLOORS = Map.of(
            "tcp", List.of("raw-tcp"),
            "unix", List.of("raw-unix"),
            "unix-jdk", List.of("raw-unix"),
            "shm-ring", List.of("raw-agrona", "raw-aeron"),
            "shm", List.of("raw-chronicle"));

    /** A word in a raw benchmark's method name, to the floor it measures; the first match wins. */
    private static final Map<String, String> NAME_HINTS = new LinkedHashMap<>();

    static {
        NAME_HINTS.put("aeron", "raw-aeron");
        NAME_HINTS.put("agrona", "raw-agrona");
        NAME_HINTS.put("ring", "raw-agrona");
        NAME_HINTS.put("chronicle", "raw-chronicle");
        NAME_HINTS.put("unix", "raw-unix");
        NAME_HINTS.put("tcp", "raw-tcp");
    }

    private Baselines() {
    }

    /** Words in a benchmark's {@code Class.method} name that make it a baseline. */
    private static final List<String> BASELINE_WORDS = List.of("raw", "aeron");

    static boolean isRaw(Cell c) {
        String t = c.params().get("transport");
        if (t != null && t.toLowerCase(Locale.ROOT).startsWith("raw")) {
            return true;
        }
        String name = c.shortName().toLowerCase(Locale.ROOT);
        return BASELINE_WORDS.stream().anyMatch(name::contains);
    }

    /**
     * The floor a raw cell stands for, e.g. {@code raw-tcp}: its {@code raw-} transport parameter; or, for a raw
     * benchmark of a transport (a {@code transport} parameter such as {@code tcp}), that transport's floor; or a
     * hint in its name; or its own name when nothing matches.
     */
    static String floorOf(Cell raw) {
        String t = raw.params().get("transport");
        if (t != null && t.toLowerCase(Locale.ROOT).startsWith("raw")) {
            return t;
        }
        if (t != null) {
            List<String> floors = FLOORS.get(t);
            return floors != null ? floors.get(0) : "raw-" + t;
        }
        String method = raw.shortName().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> hint : NAME_HINTS.entrySet()) {
            if (method.substring(method.indexOf('.') + 1).contains(hint.getKey())) {
                return hint.getValue();
            }
        }
        for (Map.Entry<String, String> hint : NAME_HINTS.entrySet()) {
            if (method.contains(hint.getKey())) {
                return hint.getValue();
            }
        }
        return raw.shortName();
    }

    /** A floor a cell was compared with, and the cost ratio: how many times the floor's cost it has. */
    record Ratio(String floor, double ratio) {
    }

    /**
     * The ratios of a cell to each of its floors measured in the same mode at the same message size, for the
     * goal. Latency and CPU: value / floor. Throughput: floor / value. So 1.0 is the floor, 2.0 twice its cost.
     */
    static List<Ratio> ratios(Cell cell, List<Cell> all, Goal goal) {
        List<Ratio> out = new ArrayList<>();
        // A burst over several clients is not one round trip: no floor measures it.
        if (isRaw(cell) || !"1".equals(cell.params().getOrDefault("clients", "1"))) {
            return out;
        }
        Double value = goal.value(cell);
        if (value == null) {
            return out;
        }
        for (String floor : FLOORS.getOrDefault(cell.transport(), List.of())) {
            Optional<Cell> base = floorCell(cell, all, floor, goal);
            if (base.isPresent()) {
                double b = goal.value(base.get());
                out.add(new Ratio(floor, goal.lowerIsBetter() ? value / b : b / value));
            }
        }
        return out;
    }

    /** The raw cell for a floor that matches the cell best: same mode and size, then the most shared params. */
    static Optional<Cell> floorCell(Cell cell, List<Cell> all, String floor, Goal goal) {
        return all.stream()
                .filter(Baselines::isRaw)
                .filter(r -> floorOf(r).equals(floor))
                .filter(r -> r.mode().equals(cell.mode()) && r.messageSize() == cell.messageSize())
                .filter(r -> goal.value(r) != null && goal.value(r) > 0)
                .max(Comparator.<Cell>comparingInt(r -> r.benchmark().equals(cell.benchmark()) ? 1 : 0)
                        .thenComparingInt(r -> shared(cell, r))
                        .thenComparing(Cell::key, Comparator.reverseOrder()));
    }

    private static int shared(Cell a, Cell b) {
        int n = 0;
        for (Map.Entry<String, String> e : a.params().entrySet()) {
            if (e.getValue().equals(b.params().get(e.getKey()))) {
                n++;
            }
        }
        return n;
    }
}
