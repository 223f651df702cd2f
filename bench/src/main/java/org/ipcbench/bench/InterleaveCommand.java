package org.ipcbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Transports;
import org.ipcbench.transport.WaitStrategy;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Round trips of several contenders taken in turn, a short phase each, cycle after cycle, so that all of them
 * sample the same machine.
 *
 * <p><b>Why.</b> On a shared 2-core VM the cost of moving a cache line between the cores changes with where the
 * host runs the two vCPUs, and it changes on a scale of seconds: the raw ring's p50 has measured 0.3 µs in one
 * fork and 0.8 µs in the next. JMH measures one cell after another, so a transport and its floor can land in
 * different machine states, and their ratio then says more about the machine than about the code. Here every
 * contender gets one phase ({@code --phase}) per cycle, in an order that rotates each cycle, and the ratio to a
 * floor is taken within each cycle: a transport and its floor, a few hundred milliseconds apart.
 *
 * <p><b>How.</b> All peers run at once, each in its own JVM; each backs off (spins about 1000 polls, then yields
 * and parks) when no message comes, so only the contender whose phase it is uses the cores: its client and its
 * peer, both spinning. The first {@code --settle} of each phase is dropped, since it wakes a parked peer. The
 * clients are the ones the JMH benchmarks use ({@link EchoClient}) and run in this JVM, one at a time.
 *
 * <p>Output: {@value InterleaveTable#DATA} (one line per phase), one .hgrm per contender (all its settled round
 * trips), metadata.json, and {@value InterleaveTable#TABLE}, generated from the lines.
 */
@Command(name = "interleave", mixinStandardHelpOptions = true,
        description = {"Takes round trips over shared-memory transports and their floors in turn, a short phase "
                + "each, cycle after cycle, so that all sample the same machine; then reports each one's p50 and "
                + "each transport's p50 over each floor's, cycle by cycle.",
                "For the suite's full matrix use 'ipcbench run'; this answers 'how far is a transport from its "
                        + "floor' on a machine whose speed moves under the measurement."})
final class InterleaveCommand implements Callable<Integer> {

    /** The floors with an echo client here. */
    static final List<String> FLOORS = List.of(Suite.RAW_RING.id, Suite.AERON_IPC.id);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int PROGRESS_EVERY = 10;
    private static final long STOP_WAIT_SECONDS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--transports", split = ",", paramLabel = "NAME", defaultValue = "shm-ring",
            description = "Transports that can back off when idle (shm, shm-ring). Default: ${DEFAULT-VALUE}.")
    List<String> transports;

    @Option(names = "--floors", split = ",", paramLabel = "NAME", defaultValue = "raw-ring,aeron-ipc",
            description = "Floors to set them against: raw-ring, aeron-ipc. Default: ${DEFAULT-VALUE}.")
    List<String> floors;

    @Option(names = "--message-size", paramLabel = "BYTES", defaultValue = "64",
            description = "Payload bytes per message. Default: ${DEFAULT-VALUE}.")
    int messageSize;

    @Option(names = "--buffer-size", paramLabel = "BYTES", defaultValue = "4096",
            description = "The transports' read chunk. Default: ${DEFAULT-VALUE}.")
    int bufferSize;

    @Option(names = "--phase", paramLabel = "DURATION", defaultValue = "200ms",
            description = "How long each contender runs per cycle. Default: ${DEFAULT-VALUE}.")
    Duration phase;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "20ms",
            description = "The start of each phase left unrecorded, while the peer wakes. Default: ${DEFAULT-VALUE}.")
    Duration settle;

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "60",
            description = "Cycles; each runs every contender for one phase. Default: ${DEFAULT-VALUE}.")
    int cycles;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the raw data and table go. Default: results/local/<timestamp>-interleave/.")
    Path out;

    @Option(names = "--retable", paramLabel = "DIR",
            description = "Only regenerate DIR/" + InterleaveTable.TABLE + " from DIR/" + InterleaveTable.DATA
                    + ", and exit.")
    Path retable;

    private volatile boolean stopRequested;
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (retable != null) {
            if (!Files.isRegularFile(retable.resolve(InterleaveTable.DATA))) {
                throw new IllegalArgumentException("no " + InterleaveTable.DATA + " in " + retable);
            }
            InterleaveTable.write(retable);
            return 0;
        }
        check();
        Path dir = out != null ? out : ResultFiles.localRun("-interleave");
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(InterleaveTable.DATA));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("kind", "interleave");
        extra.put("peer_wait", "backoff");
        extra.put("client_wait", "spin");
        Metadata.write(dir, RunMetadata.collect(RunMetadata.command(spec), extra));

        List<Contender> contenders = new ArrayList<>();
        // Ctrl-C: the hook only asks the loop to stop and waits for it; this thread closes the peers, so nothing is
        // unmapped under a round trip. If this thread does not finish in time the JVM exits, and the peers, which
        // watch it, exit too.
        Thread onStop = new Thread(() -> {
            stopRequested = true;
            try {
                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ipcbench-interleave-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        try {
            System.out.printf("ipcbench interleave: %s against %s, %d B, %d cycles of %d ms per contender "
                            + "(first %d ms dropped), about %s; results in %s%n", String.join(", ", transports),
                    String.join(", ", floors), messageSize, cycles, phase.toMillis(), settle.toMillis(),
                    RunCommand.clock(expectedSeconds()), dir);
            System.out.println("starting the peers...");
            for (String t : transports) {
                if (stopRequested) {
                    return Main.EXIT_FAILED;
                }
                TransportCell cell = new TransportCell(t, "length", bufferSize, messageSize, TransportCell.PROCESS,
                        "backoff");
                contenders.add(new Contender(TransportEchoClient.start(cell, WaitStrategy.SPIN), "transport"));
            }
            for (String f : floors) {
                if (stopRequested) {
                    return Main.EXIT_FAILED;
                }
                contenders.add(new Contender(f.equals(Suite.RAW_RING.id) ? RawRingClient.start(messageSize, true)
                        : AeronIpcClient.start(messageSize, true), "floor"));
            }
            List<Contender> measured = List.copyOf(contenders);
            int done = measure(measured, dir);
            closeAll(contenders);
            if (done == 0) {
                System.out.println("interrupted before the first cycle ended; nothing to report");
                return Main.EXIT_FAILED;
            }
            for (Contender c : measured) {
                ResultFiles.writeHgrm(dir.resolve(ResultFiles.HGRM_DIR).resolve(c.client.name() + ".hgrm"), c.all);
            }
            InterleaveTable.write(dir);
            System.out.print(Files.readString(dir.resolve(InterleaveTable.TABLE), StandardCharsets.UTF_8));
            System.out.println("Raw data, metadata and " + InterleaveTable.TABLE + " are in " + dir);
            if (done < cycles) {
                System.out.printf("interrupted in cycle %d of %d: the table covers every phase that ended%n", done + 1,
                        cycles);
                return Main.EXIT_FAILED;
            }
            return 0;
        } finally {
            closeAll(contenders);
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has waited for this, and closes nothing twice
            }
        }
    }

    /** Every choice checked before any peer starts; a bad one is an IllegalArgumentException (exit 2). */
    void check() {
        if (transports.isEmpty() || floors.isEmpty()) {
            throw new IllegalArgumentException("interleave needs at least one transport and one floor");
        }
        for (String t : transports) {
            if (!Transports.all().containsKey(t)) {
                throw new IllegalArgumentException("unknown transport '" + t + "'; present: "
                        + String.join(", ", Transports.all().keySet()));
            }
            if (!Floors.waits(t).contains("backoff")) {
                throw new IllegalArgumentException(t + " cannot back off when idle, and an idle spinning peer would "
                        + "take a core from the others; interleave transports that can: shm, shm-ring");
            }
        }
        for (String f : floors) {
            if (!FLOORS.contains(f)) {
                throw new IllegalArgumentException("unknown floor '" + f + "'; expected some of " + String.join(", ", FLOORS));
            }
        }
        if (transports.stream().distinct().count() < transports.size() || floors.stream().distinct().count() < floors.size()) {
            throw new IllegalArgumentException("a contender is named twice");
        }
        if (messageSize < Payload.MIN_SIZE || messageSize > Framing.DEFAULT_MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("--message-size must be from " + Payload.MIN_SIZE + " to "
                    + Framing.DEFAULT_MAX_FRAME_SIZE + " bytes, not " + messageSize);
        }
        org.ipcbench.transport.TransportOptions.checkBufferSize(bufferSize);
        if (cycles < 1) {
            throw new IllegalArgumentException("--cycles must be at least 1, not " + cycles);
        }
        if (settle.isNegative() || settle.compareTo(phase) >= 0) {
            throw new IllegalArgumentException("--settle (" + settle.toMillis() + " ms) must be shorter than --phase ("
                    + phase.toMillis() + " ms), or no round trip is recorded");
        }
    }

    /** Phases only; peer start-up (a few seconds per peer) comes on top. */
    double expectedSeconds() {
        return (double) cycles * (transports.size() + floors.size()) * phase.toNanos() / 1e9;
    }

    /** Runs the cycles; returns how many ended, fewer than asked if the run was interrupted. */
    private int measure(List<Contender> contenders, Path dir) throws IOException {
        Histogram phaseHistogram = new Histogram(HIGHEST_NANOS, 3);
        long phaseNanos = phase.toNanos();
        long settleNanos = settle.toNanos();
        long started = System.nanoTime();
        int n = contenders.size();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            for (int slot = 0; slot < n; slot++) {
                Contender c = contenders.get((cycle - 1 + slot) % n); // rotate, so no contender always goes first
                phaseHistogram.reset();
                long begin = System.nanoTime();
                long recordFrom = begin + settleNanos;
                long end = begin + phaseNanos;
                long t;
                while ((t = System.nanoTime()) < end) {
                    if (stopRequested) {
                        return cycle - 1;
                    }
                    try {
                        c.client.roundTrip(t);
                    } catch (IOException e) {
                        if (stopping()) {
                            return cycle - 1; // Ctrl-C reached the peers too, and one left first
                        }
                        throw e;
                    }
                    if (t >= recordFrom) {
                        phaseHistogram.recordValue(System.nanoTime() - t);
                    }
                }
                c.all.add(phaseHistogram);
                line(dir, cycle, slot, c, phaseHistogram);
            }
            if (cycle % PROGRESS_EVERY == 0 || cycle == cycles) {
                double elapsed = (System.nanoTime() - started) / 1e9;
                System.out.printf("cycle %d of %d  (elapsed %s, about %s left)%n", cycle, cycles,
                        RunCommand.clock(elapsed), RunCommand.clock(elapsed / cycle * (cycles - cycle)));
            }
        }
        return cycles;
    }

    /** Whether a stop was asked for, allowing the shutdown hook a moment to ask. */
    private boolean stopping() {
        for (int i = 0; i < 20 && !stopRequested; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return stopRequested;
    }

    private void line(Path dir, int cycle, int slot, Contender c, Histogram h) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cycle", cycle);
        m.put("slot", slot);
        m.put("contender", c.client.name());
        m.put("role", c.role);
        m.put("message_size", messageSize);
        m.put("phase_ms", phase.toMillis());
        m.put("settle_ms", settle.toMillis());
        m.put("round_trips", h.getTotalCount());
        m.put("p50_us", h.getValueAtPercentile(50) / 1000.0);
        m.put("p90_us", h.getValueAtPercentile(90) / 1000.0);
        m.put("p99_us", h.getValueAtPercentile(99) / 1000.0);
        m.put("max_us", h.getMaxValue() / 1000.0);
        Files.writeString(dir.resolve(InterleaveTable.DATA), JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void closeAll(List<Contender> contenders) {
        for (Contender c : contenders) {
            try {
                c.client.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("ipcbench interleave: stopping " + c.client.name() + ": " + Main.describe(e));
            }
        }
        contenders.clear();
    }

    /** A client, whether it is a transport or a floor, and every round trip it recorded. */
    private static final class Contender {
        final EchoClient client;
        final String role;
        final Histogram all = new Histogram(HIGHEST_NANOS, 3);

        Contender(EchoClient client, String role) {
            this.client = client;
            this.role = role;
        }
    }
}
