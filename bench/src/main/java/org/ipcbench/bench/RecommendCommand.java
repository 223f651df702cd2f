package org.ipcbench.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipcbench recommend}: the transport and settings to use for a message size and a goal. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Prints the transport and settings a run measured best for a message size and goal, with "
                + "its figure, the runner-up, and whether the margin is larger than the noise.",
                "For a size the run did not measure, it says which measured size it used (the nearest by ratio)."})
final class RecommendCommand implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "DIR", required = true, description = "A run directory.")
    Path results;

    @Option(names = "--message-size", paramLabel = "BYTES", required = true, description = "Payload bytes per message.")
    int messageSize;

    @Option(names = "--goal", paramLabel = "GOAL", required = true,
            description = "What matters most: p50, p99, throughput or cpu.")
    String goal;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Goal g = goal(goal);
        if (messageSize < 1) {
            throw new IllegalArgumentException("--message-size must be at least 1");
        }
        RunDirectory run = RunDirectory.read(results);
        Recommendation r = Recommendation.of(run.cells(), messageSize, g);
        if (r == null || r.decisions().isEmpty()) {
            spec.commandLine().getErr().println("ipcbench recommend: " + g.figure() + " is not measured in this run ("
                    + results + ")");
            return Main.EXIT_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        r.lines(run.cells(), g).forEach(out::println);
        out.flush();
        return 0;
    }

    static Goal goal(String name) {
        for (Goal g : Goal.values()) {
            if (g.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new IllegalArgumentException("--goal must be one of " + Arrays.stream(Goal.values()).map(Goal::cliName)
                .collect(Collectors.joining(", ")) + ", not '" + name + "'");
    }
}
