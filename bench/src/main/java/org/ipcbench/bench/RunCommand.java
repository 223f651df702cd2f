package org.ipcbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.ipcbench.transport.Framing;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.Transports;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the benchmark suite: one JMH run per cell (in this JVM, through JMH's Runner API; each fork is a JVM
 * of its own, and starts its own peer), so that progress, an estimate of the time left, and partial
 * results survive a stop. Ctrl-C or SIGTERM kills the forks and peers, keeps what finished, and marks the
 * run interrupted.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the benchmarks (JMH) over a matrix of transports, framings, buffer and message sizes, "
                + "each peer in a second JVM, and prints a summary.",
                "Profiles: quick = every present transport x every framing x both buffer sizes at 64 B, round trips "
                        + "and their raw floors, 1 fork (meant to take under 5 minutes on 2 cores); full = the cross at "
                        + "64, 4096 and 65536 B, a size sweep, streams, thread peers, both wait strategies, load runs, "
                        + "server models by 1, 10 and 100 clients, a 1-64 KiB chunk-size sweep on one socket, "
                        + "3 forks per cell (meant to take under 90 minutes); smoke = one short iteration per cell.",
                "--dry-run prints the cells and the expected duration of any choice without running it.",
                "Results go to DIR: jmh-result.json, hgrm/*.hgrm, cpu.json, load.json, metadata.json, summary.txt."})
final class RunCommand implements Callable<Integer> {

    static final String JMH_JSON = "jmh-result.json";
    static final String INTERRUPTED_NOTE = "INTERRUPTED.txt";

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "quick",
            description = "quick, full or smoke. Default: ${DEFAULT-VALUE}.")
    Profile profile;

    @Option(names = "--transports", split = ",", paramLabel = "SCHEME",
            description = "Transports to measure. Default: every transport present.")
    List<String> transports;

    @Option(names = "--framings", split = ",", paramLabel = "FRAMING",
            description = "Default: fixed, delimited, length, close.")
    List<String> framings;

    @Option(names = "--buffer-sizes", split = ",", paramLabel = "BYTES", description = "Default: 4096, 8192.")
    List<Integer> bufferSizes;

    @Option(names = "--message-sizes", split = ",", paramLabel = "BYTES",
            description = "Default: the profile's (quick 64; full 64, 4096, 65536, and a sweep over 64 to 65536).")
    List<Integer> messageSizes;

    @Option(names = "--waits", split = ",", paramLabel = "WAIT",
            description = "Wait strategies: block, spin, backoff. Each transport runs the ones it supports "
                    + "(sockets block and spin; shared memory spin and backoff), and the raw socket floors run "
                    + "with the chosen socket ones. Default: block for sockets, spin for shared memory (the full "
                    + "profile adds the other at 64 B).")
    List<String> waits;

    @Option(names = "--benchmarks", split = ",", paramLabel = "NAME",
            description = "Some of: round-trip, stream, raw-socket, raw-ring, raw-chronicle, aeron-ipc, load, ring-path. "
                    + "Default: quick runs round-trip and the raw floors of the transports chosen; full adds stream "
                    + "and load. ring-path (shm-ring's round trip in one thread, layer by layer) runs only when named.")
    List<String> benchmarks;

    @Option(names = "--out", paramLabel = "DIR", description = "Default: results/local/<timestamp>/ (git-ignored).")
    Path out;

    @Option(names = "--dry-run", description = "Print the cells and the expected duration, and run nothing.")
    boolean dryRun;

    @Option(names = "--forks", paramLabel = "N",
            description = "JVM forks per cell (each with its own peer), overriding the profile's (quick 1, full 3).")
    Integer forks;

    @Option(names = "--warmup", paramLabel = "NxDURATION", converter = IterationsConverter.class,
            description = "Warm-up iterations per fork, like 5x1s, overriding the profile's (quick 1x300ms, "
                    + "full 1x600ms). A short warm-up leaves the JIT compiling into the measurement.")
    Iterations warmup;

    @Option(names = "--measurement", paramLabel = "NxDURATION", converter = IterationsConverter.class,
            description = "Measured iterations per fork, like 5x1s, overriding the profile's (quick 2x400ms, "
                    + "full 2x600ms).")
    Iterations measurement;

    private volatile boolean finished;

    @Override
    public Integer call() throws Exception {
        List<PlannedCell> cells = plan();
        Path dir = out != null ? out : ResultFiles.localRun("");
        Profile.Timing timing = timing();
        double estimate = 0;
        for (PlannedCell c : cells) {
            estimate += RunPlan.estimatedSeconds(c, timing);
        }
        PrintStream o = System.out;
        o.printf("ipcbench run: profile %s, %d cells, expected about %s; results in %s%n",
                profile.name().toLowerCase(), cells.size(), clock(estimate), dir);
        if (dryRun) {
            for (int i = 0; i < cells.size(); i++) {
                o.printf("  %3d  %s%n", i + 1, cells.get(i).describe());
            }
            return 0;
        }
        Files.createDirectories(dir);
        String command = RunMetadata.command(spec);
        // Collected once, at the start: the commit, the date and the tree's state are the run's, whatever
        // happens to the checkout while it runs.
        Map<String, Object> metadata = Metadata.collect(command, profile.name().toLowerCase(), false);
        Metadata.write(dir, metadata);
        ResultFiles files = new ResultFiles(dir);
        List<Summary.Outcome> outcomes = new ArrayList<>();
        List<RunResult> jmhResults = new ArrayList<>();
        Thread onStop = new Thread(() -> interrupted(dir, metadata, files), "ipcbench-run-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        long start = System.nanoTime();
        double estimatedDone = 0;
        int failed = 0;
        for (int i = 0; i < cells.size(); i++) {
            PlannedCell cell = cells.get(i);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double estimateLeft = 0;
            for (int j = i; j < cells.size(); j++) {
                estimateLeft += RunPlan.estimatedSeconds(cells.get(j), timing);
            }
            double left = estimatedDone > 0 ? estimateLeft * elapsed / estimatedDone : estimateLeft;
            o.printf("cell %d of %d: %s  (elapsed %s, about %s left)%n", i + 1, cells.size(), cell.describe(),
                    clock(elapsed), clock(left));
            Summary.Outcome outcome = runCell(cell, timing, dir, i + 1);
            if (outcome == null) {
                failed++;
                o.printf("  FAILED: see %s%n", dir.resolve("log").resolve(logName(i + 1)));
            } else {
                outcomes.add(outcome);
                if (outcome.jmh() != null) {
                    jmhResults.add(outcome.jmh());
                    writeJmhJson(dir, jmhResults);
                }
            }
            estimatedDone += RunPlan.estimatedSeconds(cell, timing);
        }
        finished = true;
        Runtime.getRuntime().removeShutdownHook(onStop);
        files.ensureCpuJson();
        writeJmhJson(dir, jmhResults);
        Metadata.write(dir, metadata);
        List<String> table = new Summary(outcomes, files.readCpu()).lines();
        Files.write(dir.resolve("summary.txt"), table, StandardCharsets.UTF_8);
        o.printf("done in %s: %d cells, %d failed; results in %s%n", clock((System.nanoTime() - start) / 1e9),
                cells.size(), failed, dir);
        table.forEach(o::println);
        return failed == 0 ? 0 : Main.EXIT_FAILED;
    }

    /** Checks every choice and builds the cells; any bad choice is an IllegalArgumentException (exit 2). */
    List<PlannedCell> plan() {
        Set<String> present = Transports.all().keySet();
        List<String> t = transports == null ? new ArrayList<>(present) : transports;
        for (String s : t) {
            if (!present.contains(s)) {
                throw new IllegalArgumentException("unknown transport '" + s + "'; present: " + String.join(", ", present));
            }
        }
        List<String> f = framings == null ? Framing.NAMES : framings;
        for (String s : f) {
            if (!Framing.NAMES.contains(s)) {
                throw new IllegalArgumentException("unknown framing '" + s + "'; expected some of "
                        + String.join(", ", Framing.NAMES));
            }
        }
        List<Integer> b = bufferSizes == null ? List.of(4096, 8192) : bufferSizes;
        b.forEach(TransportOptions::checkBufferSize);
        List<Integer> m = messageSizes == null ? profile.messageSizes : messageSizes;
        for (int size : m) {
            if (size < Payload.MIN_SIZE || size > Framing.DEFAULT_MAX_FRAME_SIZE) {
                throw new IllegalArgumentException("message sizes must be from " + Payload.MIN_SIZE + " to "
                        + Framing.DEFAULT_MAX_FRAME_SIZE + " bytes, not " + size);
            }
        }
        Set<Suite> suites = EnumSet.noneOf(Suite.class);
        if (benchmarks == null) {
            suites.add(Suite.ROUND_TRIP);
            suites.addAll(List.of(Suite.RAW_SOCKET, Suite.RAW_RING, Suite.RAW_CHRONICLE, Suite.AERON_IPC));
            if (profile.full) {
                suites.add(Suite.STREAM);
                suites.add(Suite.LOAD);
            }
        } else {
            benchmarks.forEach(n -> suites.add(Suite.byId(n)));
        }
        if (waits != null) {
            List<String> known = java.util.Arrays.stream(org.ipcbench.transport.WaitStrategy.values())
                    .map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList();
            for (String w : waits) {
                if (!known.contains(w)) {
                    throw new IllegalArgumentException("unknown wait strategy '" + w + "'; expected some of "
                            + String.join(", ", known));
                }
            }
        }
        List<PlannedCell> cells = RunPlan.build(profile, t, f, b, m, waits, suites, benchmarks != null);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("these choices leave no cell to run");
        }
        return cells;
    }

    /** The profile's forks and iterations, with whichever the user overrode. */
    Profile.Timing timing() {
        Profile.Timing t = profile.timing();
        if (forks != null && forks < 1) {
            throw new IllegalArgumentException("--forks must be at least 1, not " + forks);
        }
        return new Profile.Timing(forks == null ? t.forks() : forks,
                warmup == null ? t.warmupIterations() : warmup.count(),
                warmup == null ? t.warmupMillis() : warmup.millis(),
                measurement == null ? t.measurementIterations() : measurement.count(),
                measurement == null ? t.measurementMillis() : measurement.millis(),
                t.forkOverheadSeconds());
    }

    private Summary.Outcome runCell(PlannedCell cell, Profile.Timing timing, Path dir, int index) throws IOException {
        Path log = dir.resolve("log").resolve(logName(index));
        Files.createDirectories(log.getParent());
        if (cell.suite() == Suite.LOAD) {
            return runLoad(cell, dir, log);
        }
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(cell.suite().includePattern())
                .forks(timing.forks())
                .warmupForks(0)
                .warmupIterations(timing.warmupIterations())
                .warmupTime(TimeValue.milliseconds(Math.max(timing.warmupMillis(), 1)))
                .measurementIterations(timing.measurementIterations())
                .measurementTime(TimeValue.milliseconds(timing.measurementMillis()))
                .jvmArgs(JvmFlags.get().toArray(new String[0]))
                .jvmArgsAppend("-D" + ResultFiles.OUT_PROPERTY + "=" + dir.toAbsolutePath())
                .shouldFailOnError(true)
                .output(log.toString());
        cell.params().forEach((k, v) -> b.param(k, v));
        try {
            Collection<RunResult> results = new Runner(b.build()).run();
            return results.isEmpty() ? null : new Summary.Outcome(cell, results.iterator().next(), null);
        } catch (RunnerException e) {
            // JMH wrote the benchmark's own failure to the log; add why the run stopped (another JMH's lock, say).
            appendLog(log, "ipcbench run: " + Main.describe(e));
            return null;
        }
    }

    /** A load cell: a serve peer in its own JVM, an open loop against it from this JVM. */
    private Summary.Outcome runLoad(PlannedCell cell, Path dir, Path log) {
        TransportCell tc = new TransportCell(cell.param("transport"), cell.param("framing"),
                Integer.parseInt(cell.param("bufferSize")), Integer.parseInt(cell.param("messageSize")),
                TransportCell.PROCESS, cell.param("wait"));
        try (Peer peer = tc.startPeer(0)) {
            OpenLoop loop = new OpenLoop(tc.transportImpl(), peer.address(), tc.options(), tc.framingImpl(),
                    tc.messageSize());
            OpenLoopResult r = loop.run(Double.parseDouble(cell.param("rate")),
                    Duration.ofSeconds(RunPlan.LOAD_SECONDS));
            LoadCommand.save(dir, tc, r, RunMetadata.command(spec), profile.name().toLowerCase());
            return new Summary.Outcome(cell, null, r);
        } catch (IOException | RuntimeException e) {
            writeLog(log, Main.describe(e));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void writeLog(Path log, String text) {
        try {
            Files.writeString(log, text + System.lineSeparator());
        } catch (IOException ignored) {
            // the failure is counted either way
        }
    }

    private static void appendLog(Path log, String text) {
        try {
            Files.writeString(log, text + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the failure is counted either way
        }
    }

    private static String logName(int index) {
        return String.format("cell-%04d.log", index);
    }

    static void writeJmhJson(Path dir, List<RunResult> results) throws IOException {
        Path tmp = dir.resolve(JMH_JSON + ".tmp");
        try (PrintStream ps = new PrintStream(Files.newOutputStream(tmp), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
        }
        Files.move(tmp, dir.resolve(JMH_JSON), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * On Ctrl-C or SIGTERM before the end: stop every process this run started (JMH forks and their peers,
     * by pid), keep the results so far, and say so in the output directory.
     */
    private void interrupted(Path dir, Map<String, Object> metadata, ResultFiles files) {
        if (finished) {
            return;
        }
        List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
        started.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : started) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        try {
            files.ensureCpuJson();
            Map<String, Object> stopped = new java.util.LinkedHashMap<>(metadata);
            stopped.put("interrupted", true);
            Metadata.write(dir, stopped);
            Files.writeString(dir.resolve(INTERRUPTED_NOTE), "This run was interrupted at " + Instant.now()
                    + "; the results here are of the cells that finished before.\n");
            System.err.println("ipcbench run: interrupted; partial results kept in " + dir);
        } catch (IOException e) {
            System.err.println("ipcbench run: interrupted; could not finish writing " + dir + ": " + e.getMessage());
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
