package org.ipcbench.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ipcbench compare A B}: every cell both runs measured, B against A, with a noise-aware verdict. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two run directories cell by cell: B's figure ÷ A's for p50, p99, throughput and CPU "
                + "per message, and a verdict: faster, slower, or within noise (the larger run-to-run spread of the "
                + "two cells). Prints a Markdown table."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR_A", description = "The reference run directory.")
    Path a;

    @Parameters(index = "1", paramLabel = "DIR_B", description = "The run directory compared with it.")
    Path b;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunDirectory runA = RunDirectory.read(a);
        RunDirectory runB = RunDirectory.read(b);
        PrintWriter out = spec.commandLine().getOut();
        render(runA, runB).forEach(out::println);
        out.flush();
        return 0;
    }

    static List<String> render(RunDirectory runA, RunDirectory runB) {
        List<String> lines = new ArrayList<>();
        lines.add("A: " + runA.dir() + " (" + RunReadme.orDash(runA.meta("date")) + ", commit "
                + RunReadme.orDash(runA.meta("git_commit")) + ")");
        lines.add("B: " + runB.dir() + " (" + RunReadme.orDash(runB.meta("date")) + ", commit "
                + RunReadme.orDash(runB.meta("git_commit")) + ")");
        lines.add("");
        Map<String, Cell> inB = new LinkedHashMap<>();
        runB.cells().forEach(c -> inB.put(c.key(), c));
        List<String> keys = Decision.varyingKeys(runA.cells());
        MarkdownTable t = new MarkdownTable(List.of("cell", "figure", "A", "B", "B ÷ A", "noise", "verdict for B"));
        Map<String, Integer> counts = new TreeMap<>();
        List<String> onlyA = new ArrayList<>();
        for (Cell ca : runA.cells()) {
            Cell cb = inB.remove(ca.key());
            if (cb == null) {
                onlyA.add(label(ca, keys));
                continue;
            }
            for (Goal g : Goal.values()) {
                if (!g.appliesTo(ca.mode())) {
                    continue;
                }
                Comparison c = Comparison.of(ca, cb, g);
                if (c == null) {
                    continue;
                }
                String verdict = verdict(c);
                counts.merge(verdict, 1, Integer::sum);
                t.row(List.of(label(ca, keys), g.figure(), Findings.figure(g, ca), Findings.figure(g, cb),
                        Figures.ratio(c.ratio()), c.noise() == null ? "one fork" : Figures.percent(c.noise()), verdict));
            }
        }
        if (t.isEmpty()) {
            lines.add("No cell was measured in both runs.");
        } else {
            lines.add(t.toString().stripTrailing());
            lines.add("");
            StringBuilder sum = new StringBuilder("Summary:");
            counts.forEach((k, v) -> sum.append(' ').append(k).append(' ').append(v).append(';'));
            lines.add(sum.substring(0, sum.length() - 1) + ".");
        }
        if (!onlyA.isEmpty()) {
            lines.add("");
            lines.add("Only in A:");
            onlyA.forEach(l -> lines.add("- " + l));
        }
        if (!inB.isEmpty()) {
            lines.add("");
            lines.add("Only in B:");
            inB.values().forEach(c -> lines.add("- " + label(c, keys)));
        }
        return lines;
    }

    /** faster / slower for latency and throughput, less CPU / more CPU for CPU, or within noise. */
    static String verdict(Comparison c) {
        switch (c.outcome()) {
            case BETTER:
                return c.goal() == Goal.CPU ? "less CPU" : "faster";
            case WORSE:
                return c.goal() == Goal.CPU ? "more CPU" : "slower";
            case WITHIN_NOISE:
                return "within noise";
            default:
                return "noise not measured";
        }
    }

    private static String label(Cell c, List<String> keys) {
        return c.shortName() + ", " + Figures.bytes(c.messageSize()) + ", " + c.setting(keys);
    }
}
