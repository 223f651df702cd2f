package org.ipcbench.bench;

import java.io.IOException;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import sun.misc.Signal;

/**
 * What every raw baseline peer does before it prints READY: it removes its files on any exit, stops
 * with exit 0 on SIGINT or SIGTERM (as {@code ipcbench serve} does), and stops when the JVM that
 * started it is gone, even if that one was killed with SIGKILL. So no run leaves a peer behind.
 */
final class RawPeerProcess {

    /** The argument that makes a raw peer back off when idle, for {@code ipcbench interleave}. */
    static final String BACKOFF = "backoff";
    // The steps of the shared-memory transports' backoff wait: about 1000 busy polls, 100 yields, then parks of
    // 1 µs doubling to 1 ms. While messages flow a peer never leaves the busy polls, so it measures as a spinner.
    private static final long BACKOFF_SPINS = 1_000;
    private static final long BACKOFF_YIELDS = 100;
    private static final long BACKOFF_MIN_PARK_NANOS = 1_000;
    private static final long BACKOFF_MAX_PARK_NANOS = 1_000_000;

    private static volatile boolean stopping;
    private static final java.util.concurrent.CountDownLatch LOOP_ENDED = new java.util.concurrent.CountDownLatch(1);

    /** Cleanup that may fail with an IOException, which is reported on one line. */
    interface Cleanup {
        void run() throws IOException;
    }

    private RawPeerProcess() {
    }

    static void prepare(Cleanup cleanup) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            try {
                // Close nothing under the echo loop's feet: wait for it to see the flag and leave.
                LOOP_ENDED.await(2, java.util.concurrent.TimeUnit.SECONDS);
                cleanup.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                System.err.println("raw peer: cleanup failed: " + Main.describe(e));
            }
        }, "raw-peer-cleanup"));
        Signal.handle(new Signal("INT"), s -> System.exit(0));
        Signal.handle(new Signal("TERM"), s -> System.exit(0));
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
    }

    /**
     * How the echo loop idles: busy spinning, or with {@link #BACKOFF} as argument {@code at}, spinning while
     * messages flow and parking when none come, so that an idle peer leaves the cores to the others.
     */
    static IdleStrategy idle(String[] args, int at) {
        if (args.length <= at) {
            return new BusySpinIdleStrategy();
        }
        if (!BACKOFF.equals(args[at])) {
            throw new IllegalArgumentException("expected '" + BACKOFF + "' or nothing, not '" + args[at] + "'");
        }
        return new BackoffIdleStrategy(BACKOFF_SPINS, BACKOFF_YIELDS, BACKOFF_MIN_PARK_NANOS, BACKOFF_MAX_PARK_NANOS);
    }

    /** Whether the echo loop should leave: the process is exiting. */
    static boolean stopping() {
        return stopping;
    }

    /** The echo loop calls this as it leaves, so that the cleanup can go ahead. */
    static void loopEnded() {
        LOOP_ENDED.countDown();
    }
}
