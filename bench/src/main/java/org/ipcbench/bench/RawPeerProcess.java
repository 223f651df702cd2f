package org.ipcbench.bench;

import java.io.IOException;

import sun.misc.Signal;

/**
 * What every raw baseline peer does before it prints READY: it removes its files on any exit, stops
 * with exit 0 on SIGINT or SIGTERM (as {@code ipcbench serve} does), and stops when the JVM that
 * started it is gone, even if that one was killed with SIGKILL. So no run leaves a peer behind.
 */
final class RawPeerProcess {

    /** Cleanup that may fail with an IOException, which is reported on one line. */
    interface Cleanup {
        void run() throws IOException;
    }

    private RawPeerProcess() {
    }

    static void prepare(Cleanup cleanup) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cleanup.run();
            } catch (IOException | RuntimeException e) {
                System.err.println("raw peer: cleanup failed: " + Main.describe(e));
            }
        }, "raw-peer-cleanup"));
        Signal.handle(new Signal("INT"), s -> System.exit(0));
        Signal.handle(new Signal("TERM"), s -> System.exit(0));
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
    }
}
