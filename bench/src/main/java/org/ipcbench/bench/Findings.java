package org.ipcbench.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The run's {@code findings.md}, computed from its cells: the decision table, the socket HOWTO's claims as
 * measured, and operational notes. It names no transport of its own accord: it ranks whatever the run holds.
 */
final class Findings {

    private static final String NOT_MEASURED = "Not measured in this run";

    private Findings() {
    }

    static String render(RunDirectory run) {
        List<Cell> cells = run.cells();
        StringBuilder md = new StringBuilder();
        md.append(run.meta("date") == null ? "# Findings" : "# Findings of the run of " + run.meta("date"))
                .append("\n\n");
        md.append("Computed by `ipcbench report` from this directory's raw data; nothing here is written by hand. ")
                .append("Tables of every cell: [README.md](README.md).\n\n");
        if (RunReadme.interrupted(run)) {
            md.append("**This run was interrupted: it stopped early, and the findings cover only what it measured.**")
                    .append("\n\n");
        }
        md.append(decisions(cells));
        md.append("## The socket HOWTO's claims, measured\n\n");
        md.append(bufferSizes(cells));
        md.append(sharedMemoryVsSockets(cells));
        md.append(serverModels(cells));
        md.append(framings(cells));
        md.append(shortWrites(cells));
        md.append(operational(run));
        return md.toString();
    }

    // ---- decision table

    private static String decisions(List<Cell> cells) {
        return "## Decision table\n\n" + decisionTable(cells);
    }

    /** The decision table with its one-line legend, also written alone as {@code decisions.md} for quoting. */
    static String decisionTable(List<Cell> cells) {
        StringBuilder md = new StringBuilder();
        md.append("For each message size and goal: the best setting, the runner-up, the margin between them, and ")
                .append("whether that margin is larger than the run-to-run spread of either (the noise). ")
                .append("Raw baselines are floors, not candidates.\n\n");
        List<Decision> all = Decision.all(cells);
        if (all.isEmpty()) {
            return md.append(NOT_MEASURED).append(": no benchmark results.\n\n").toString();
        }
        MarkdownTable t = new MarkdownTable(List.of("size", "goal", "benchmark", "best", "figure", "runner-up",
                "figure", "margin", "verdict"));
        for (Decision d : all) {
            t.row(List.of(Figures.bytes(d.messageSize()), d.goal().description(),
                    d.best() == null ? "–" : d.best().shortName(), d.bestSetting(), figure(d.goal(), d.best()),
                    d.runnerUpSetting(), figure(d.goal(), d.runnerUp()),
                    d.margin() == null ? "–" : Figures.margin(d.margin()), d.verdict()));
        }
        return md.append(t).append('\n').toString();
    }

    static String figure(Goal goal, Cell c) {
        Double v = c == null ? null : goal.value(c);
        return v == null ? "–" : goal.format(v) + " " + goal.unit();
    }

    // ---- claims

    /** "4096 or 8192 is a good chunk size": every group of cells that differs only in buffer size. */
    private static String bufferSizes(List<Cell> cells) {
        StringBuilder md = new StringBuilder("### \"4096 or 8192 bytes is a good chunk size\"\n\n");
        Map<String, Map<String, Cell>> groups = groupsVarying(cells, "bufferSize");
        TreeSet<String> sizes = new TreeSet<>(RunDirectory::compareValues);
        groups.values().forEach(g -> sizes.addAll(g.keySet()));
        if (groups.isEmpty()) {
            return md.append(NOT_MEASURED).append(": no two cells differ only in buffer size.\n\n").toString();
        }
        md.append("Buffer sizes measured: ").append(String.join(", ", sizes)).append(" bytes. ");
        boolean sweep = sizes.size() > 2 || !(sizes.contains("4096") && sizes.contains("8192"));
        if (!sweep) {
            md.append("Only 4096 and 8192 were measured, so this run cannot test them against other sizes ")
                    .append("(no sweep); it compares the two.\n\n");
        } else {
            md.append("\n\n");
        }
        int good = 0;
        int judged = 0;
        Map<Comparison.Outcome, Integer> eightVsFour = new TreeMap<>();
        MarkdownTable t = new MarkdownTable(List.of("cell", "goal", "figure by buffer size", "best",
                "4096/8192 vs best", "8192 vs 4096"));
        for (Map.Entry<String, Map<String, Cell>> g : groups.entrySet()) {
            Cell any = g.getValue().values().iterator().next();
            Goal goal = primary(any);
            Map<String, Cell> bySize = g.getValue();
            String best = null;
            for (Map.Entry<String, Cell> e : bySize.entrySet()) {
                if (goal.value(e.getValue()) != null && (best == null
                        || better(goal, goal.value(e.getValue()), goal.value(bySize.get(best))))) {
                    best = e.getKey();
                }
            }
            if (best == null) {
                continue;
            }
            String verdict;
            if (best.equals("4096") || best.equals("8192")) {
                verdict = "best";
                good++;
                judged++;
            } else {
                Comparison closest = null;
                for (String s : List.of("4096", "8192")) {
                    Comparison c = bySize.containsKey(s) ? Comparison.of(bySize.get(best), bySize.get(s), goal) : null;
                    if (c != null && (closest == null || Math.abs(c.change()) < Math.abs(closest.change()))) {
                        closest = c;
                    }
                }
                if (closest == null) {
                    verdict = "not measured";
                } else {
                    verdict = closest.outcome().words() + " (" + Figures.ratio(closest.costRatio()) + " the cost)";
                    judged++;
                    if (closest.outcome() == Comparison.Outcome.WITHIN_NOISE) {
                        good++;
                    }
                }
            }
            String eight = "–";
            if (bySize.containsKey("4096") && bySize.containsKey("8192")) {
                Comparison c = Comparison.of(bySize.get("4096"), bySize.get("8192"), goal);
                if (c != null) {
                    eightVsFour.merge(c.outcome(), 1, Integer::sum);
                    eight = c.outcome().words() + " (" + Figures.ratio(c.costRatio()) + " the cost)";
                }
            }
            String figures = bySize.entrySet().stream()
                    .map(e -> e.getKey() + ": " + figure(goal, e.getValue())).collect(Collectors.joining("; "));
            t.row(List.of(g.getKey(), goal.figure(), figures, best, verdict, eight));
        }
        if (sweep) {
            md.append("4096 or 8192 was the best buffer size, or within noise of it, in ").append(good).append(" of ")
                    .append(judged).append(" comparisons.\n\n");
        }
        if (!eightVsFour.isEmpty()) {
            md.append("8192 against 4096: ").append(eightVsFour.entrySet().stream()
                    .map(e -> e.getKey().words() + " in " + e.getValue())
                    .collect(Collectors.joining(", "))).append(".\n\n");
        }
        return md.append(t).append('\n').toString();
    }

    /** "Shared memory beats sockets": the best of each kind per size and goal. */
    private static String sharedMemoryVsSockets(List<Cell> cells) {
        StringBuilder md = new StringBuilder("### \"Shared memory beats sockets on one machine\"\n\n");
        TreeSet<Integer> sizes = cells.stream().filter(c -> !Baselines.isRaw(c)).map(Cell::messageSize)
                .collect(Collectors.toCollection(TreeSet::new));
        MarkdownTable t = new MarkdownTable(List.of("size", "goal", "benchmark", "best socket", "figure",
                "best shared memory", "figure", "shared memory's cost vs socket", "verdict for shared memory"));
        int better = 0;
        int total = 0;
        TreeSet<String> benchmarks = cells.stream().filter(Decision::candidate).map(Cell::benchmark)
                .collect(Collectors.toCollection(TreeSet::new));
        for (int size : sizes) {
            for (Goal goal : Goal.values()) {
                for (String benchmark : benchmarks) {
                    Cell socket = bestOfKind(cells, benchmark, size, goal, TransportKinds.SOCKET);
                    Cell shm = bestOfKind(cells, benchmark, size, goal, TransportKinds.SHARED_MEMORY);
                    if (socket == null || shm == null) {
                        continue;
                    }
                    Comparison c = Comparison.of(socket, shm, goal);
                    if (c == null) {
                        continue;
                    }
                    total++;
                    if (c.outcome() == Comparison.Outcome.BETTER) {
                        better++;
                    }
                    t.row(List.of(Figures.bytes(size), goal.description(), socket.shortName(),
                            socket.setting(Decision.varyingKeys(cells)), figure(goal, socket),
                            shm.setting(Decision.varyingKeys(cells)), figure(goal, shm),
                            Figures.ratio(c.costRatio()), c.outcome().words()));
                }
            }
        }
        if (t.isEmpty()) {
            return md.append(NOT_MEASURED).append(": it needs both a socket and a shared-memory transport at the same ")
                    .append("message size.\n\n").toString();
        }
        md.append("Shared memory was better beyond noise in ").append(better).append(" of ").append(total)
                .append(" comparisons (each the best setting of either kind, same benchmark, same size).\n\n");
        return md.append(t).append('\n').toString();
    }

    private static Cell bestOfKind(List<Cell> cells, String benchmark, int size, Goal goal, String kind) {
        return cells.stream()
                .filter(c -> Decision.candidate(c) && c.benchmark().equals(benchmark) && c.messageSize() == size
                        && goal.appliesTo(c.mode()) && goal.value(c) != null
                        && kind.equals(TransportKinds.of(c.transport())))
                .min(Comparator.comparingDouble((Cell c) -> goal.lowerIsBetter() ? goal.value(c) : -goal.value(c))
                        .thenComparing(Cell::key))
                .orElse(null);
    }

    /** Selector vs thread per connection, by number of clients: cells that differ only in {@code io}. */
    private static String serverModels(List<Cell> cells) {
        StringBuilder md = new StringBuilder("### \"A select-multiplexed server vs a thread per connection, as "
                + "clients grow\"\n\n");
        Map<String, Map<String, Cell>> groups = groupsVarying(cells, "io");
        if (groups.isEmpty()) {
            return md.append(NOT_MEASURED).append(": no cells differ only in server model (`io`), at 1, 10 or 100 ")
                    .append("clients.\n\n").toString();
        }
        md.append("With several clients one operation is a burst: one message written on every connection, then ")
                .append("every echo read, by one client thread. Its figures are the whole burst; per message is ")
                .append("the burst divided by the clients, so rows of different clients compare.\n\n");
        MarkdownTable t = new MarkdownTable(List.of("cell", "clients", "goal", "figure by server model",
                "per message", "second vs first"));
        for (Map.Entry<String, Map<String, Cell>> g : groups.entrySet()) {
            List<Cell> models = new ArrayList<>(g.getValue().values());
            Cell first = models.get(0);
            for (Goal goal : Goal.values()) {
                if (!goal.appliesTo(first.mode()) || goal.value(first) == null) {
                    continue;
                }
                String figures = g.getValue().entrySet().stream()
                        .map(e -> e.getKey() + ": " + figure(goal, e.getValue())).collect(Collectors.joining("; "));
                Comparison c = models.size() > 1 ? Comparison.of(first, models.get(1), goal) : null;
                t.row(List.of(g.getKey(), RunReadme.orDash(first.param("clients")), goal.figure(), figures,
                        perMessage(goal, g.getValue()),
                        c == null ? "–" : models.get(1).param("io") + " " + c.outcome().words() + " ("
                                + Figures.ratio(c.costRatio()) + " the cost)"));
            }
        }
        return md.append(t).append('\n').toString();
    }

    /** A burst's time or CPU divided by its clients, by server model; "–" for a rate or an unknown count. */
    private static String perMessage(Goal goal, Map<String, Cell> byModel) {
        if (!goal.lowerIsBetter()) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Cell> e : byModel.entrySet()) {
            Double v = goal.value(e.getValue());
            int clients;
            try {
                clients = Integer.parseInt(RunReadme.orDash(e.getValue().param("clients")));
            } catch (NumberFormatException notANumber) {
                return "–";
            }
            if (v == null || clients < 1) {
                return "–";
            }
            parts.add(e.getKey() + ": " + goal.format(v / clients) + " " + goal.unit());
        }
        return String.join("; ", parts);
    }

    /** What each framing costs against {@code fixed}, and what {@code close} (a connection per message) costs. */
    private static String framings(List<Cell> cells) {
        StringBuilder md = new StringBuilder("### \"What each framing costs against fixed\", and close framing\n\n");
        Map<String, Map<String, Cell>> groups = groupsVarying(cells, "framing");
        Map<String, List<Comparison>> byFraming = new TreeMap<>();
        for (Map<String, Cell> g : groups.values()) {
            Cell fixed = g.get("fixed");
            if (fixed == null) {
                continue;
            }
            Goal goal = primary(fixed);
            for (Map.Entry<String, Cell> e : g.entrySet()) {
                if (!e.getKey().equals("fixed")) {
                    Comparison c = Comparison.of(fixed, e.getValue(), goal);
                    if (c != null) {
                        byFraming.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(c);
                    }
                }
            }
        }
        if (byFraming.isEmpty()) {
            return md.append(NOT_MEASURED).append(": no cells differ only in framing with `fixed` among them.\n\n")
                    .toString();
        }
        md.append("Cost as a multiple of `fixed` with every other setting equal (round trip: p50; stream: ")
                .append("throughput). Median and range over the cells compared.\n\n");
        MarkdownTable t = new MarkdownTable(List.of("framing", "cells compared", "median cost vs fixed", "range",
                "worse beyond noise", "within noise", "better beyond noise", "noise not measured",
                "median extra p50 per round trip"));
        for (Map.Entry<String, List<Comparison>> e : byFraming.entrySet()) {
            List<Comparison> cs = e.getValue();
            List<Double> costs = cs.stream().map(Comparison::costRatio).collect(Collectors.toList());
            List<Double> extra = cs.stream().filter(c -> c.goal() == Goal.P50)
                    .map(c -> c.candidate().p50() - c.reference().p50()).collect(Collectors.toList());
            t.row(List.of(e.getKey(), Integer.toString(cs.size()), Figures.ratio(Spread.median(costs)),
                    Figures.ratio(costs.stream().min(Double::compare).orElseThrow()) + " – "
                            + Figures.ratio(costs.stream().max(Double::compare).orElseThrow()),
                    count(cs, Comparison.Outcome.WORSE), count(cs, Comparison.Outcome.WITHIN_NOISE),
                    count(cs, Comparison.Outcome.BETTER), count(cs, Comparison.Outcome.NOISE_UNKNOWN),
                    extra.isEmpty() ? "–" : Figures.micros(Spread.median(extra)) + " µs"));
        }
        md.append(t).append('\n');
        List<Comparison> close = byFraming.get("close");
        if (close != null) {
            List<Double> extra = close.stream().filter(c -> c.goal() == Goal.P50)
                    .map(c -> c.candidate().p50() - c.reference().p50()).collect(Collectors.toList());
            md.append("Close framing (a connection per message) cost ")
                    .append(Figures.ratio(Spread.median(close.stream().map(Comparison::costRatio)
                            .collect(Collectors.toList())))).append(" fixed framing (median of ").append(close.size())
                    .append(close.size() == 1 ? " cell)" : " cells)");
            if (!extra.isEmpty()) {
                md.append(", ").append(Figures.micros(Spread.median(extra))).append(" µs more per round trip at p50");
            }
            md.append(".\n\n");
        } else {
            md.append("Close framing (a connection per message): ").append("not measured in this run")
                    .append(" against fixed.\n\n");
        }
        return md.toString();
    }

    private static String count(List<Comparison> cs, Comparison.Outcome o) {
        return Long.toString(cs.stream().filter(c -> c.outcome() == o).count());
    }

    /**
     * Short writes under load: any secondary metric that counts them. In a throughput cell JMH reports such a
     * counter per second, as it does the messages, so their ratio is short writes per message.
     */
    private static String shortWrites(List<Cell> cells) {
        StringBuilder md = new StringBuilder("### \"Writes come back short under load\"\n\n");
        MarkdownTable t = new MarkdownTable(List.of("cell", "metric", "figure", "per message"));
        int counted = 0;
        int some = 0;
        for (Cell c : cells) {
            for (Map.Entry<String, Double> e : new TreeMap<>(c.secondary()).entrySet()) {
                if (e.getKey().toLowerCase(java.util.Locale.ROOT).contains("short")) {
                    boolean rate = Cell.THROUGHPUT.equals(c.mode()) && c.opsPerSecond() != null && c.opsPerSecond() > 0;
                    counted++;
                    some += e.getValue() > 0 ? 1 : 0;
                    t.row(List.of(c.shortName() + ", " + Figures.bytes(c.messageSize()) + ", "
                            + c.setting(Decision.varyingKeys(cells)), e.getKey(),
                            Figures.number(e.getValue()) + (rate ? " /s" : ""),
                            rate ? Figures.number(e.getValue() / c.opsPerSecond()) : "–"));
                }
            }
        }
        if (t.isEmpty()) {
            return md.append(NOT_MEASURED).append(": no benchmark counted short writes.\n\n").toString();
        }
        md.append("A short write moved fewer bytes than it offered; the sender wrote the rest in another call. ")
                .append(some).append(" of ").append(counted).append(" counts were above zero.\n\n");
        return md.append(t).append('\n').toString();
    }

    private static String operational(RunDirectory run) {
        StringBuilder md = new StringBuilder("## Operational notes\n\n");
        md.append("- JVM flags: ").append(code(run.meta("jvm_flags"))).append('\n');
        JsonNode libs = run.metadata().path("library_versions");
        List<String> names = new ArrayList<>();
        libs.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        md.append("- Libraries: ").append(names.isEmpty() ? "not recorded"
                : names.stream().map(n -> n + " " + libs.path(n).asText()).collect(Collectors.joining(", ")))
                .append('\n');
        md.append("- Shared memory: directory ").append(RunReadme.orDash(run.meta("shm_dir"))).append(", file system ")
                .append(RunReadme.orDash(run.meta("shm_fs_type"))).append(", size ")
                .append(run.meta("shm_size") == null ? "not recorded" : run.meta("shm_size")).append('\n');
        md.append("- Machine: ").append(RunReadme.orDash(run.meta("cpu_model"))).append(", ")
                .append(RunReadme.orDash(run.meta("cores"))).append(" cores, kernel ")
                .append(RunReadme.orDash(run.meta("kernel"))).append('\n');
        long noisy = run.cells().stream().filter(c -> Spread.noisy(primary(c).spread(c))).count();
        long oneFork = run.cells().stream().filter(c -> primary(c).spread(c) == null).count();
        md.append("- Noise: ").append(noisy).append(" of ").append(run.cells().size())
                .append(" cells had a run-to-run spread above ").append(Figures.percent(Spread.NOISY));
        if (oneFork > 0) {
            md.append("; ").append(oneFork).append(" had one fork, so their spread is not measured");
        }
        md.append(".\n");
        for (String n : run.notes()) {
            md.append("- ").append(n).append('\n');
        }
        return md.toString();
    }

    private static String code(String s) {
        return s == null || s.isBlank() ? "not recorded" : "`" + s + "`";
    }

    // ---- helpers

    /** The figure a cell is judged on by default: p50 for a round trip, throughput for a stream. */
    static Goal primary(Cell c) {
        return Cell.SAMPLE.equals(c.mode()) ? Goal.P50 : Goal.THROUGHPUT;
    }

    private static boolean better(Goal goal, double a, double b) {
        return goal.lowerIsBetter() ? a < b : a > b;
    }

    /**
     * Groups of non-raw cells that share benchmark, mode and every parameter but {@code key}, with at least two
     * values of it, in the order of the (sorted) cells; each group's label names what they share, and its cells
     * are sorted by the value of {@code key}.
     */
    static Map<String, Map<String, Cell>> groupsVarying(List<Cell> cells, String key) {
        Map<String, Map<String, Cell>> groups = new LinkedHashMap<>();
        List<String> keys = Decision.varyingKeys(cells);
        for (Cell c : cells) {
            String v = c.param(key);
            if (v == null || Baselines.isRaw(c)) {
                continue;
            }
            TreeMap<String, String> rest = new TreeMap<>(c.params());
            rest.remove(key);
            List<String> labelKeys = keys.stream().filter(k -> !k.equals(key)).collect(Collectors.toList());
            String label = c.shortName() + ", " + Figures.bytes(c.messageSize()) + ", "
                    + (key.equals("transport") ? "" : c.transport())
                    + labelKeys.stream().filter(k -> !k.equals("transport") && rest.get(k) != null)
                    .map(k -> ", " + Cell.label(k, rest.get(k))).collect(Collectors.joining());
            String id = c.benchmark() + " " + c.mode() + " " + rest;
            groups.computeIfAbsent(id + "\u0000" + label, k -> new TreeMap<>(RunDirectory::compareValues)).put(v, c);
        }
        Map<String, Map<String, Cell>> out = new LinkedHashMap<>();
        groups.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .forEach(e -> out.put(e.getKey().substring(e.getKey().indexOf('\u0000') + 1), e.getValue()));
        return out;
    }

}
