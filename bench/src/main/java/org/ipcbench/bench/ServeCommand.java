package org.ipcbench.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.ipcbench.transport.Framing;
import org.ipcbench.transport.IoModel;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.MessageHandler;
import org.ipcbench.transport.Server;
import org.ipcbench.transport.ServerErrors;
import org.ipcbench.transport.Servers;
import org.ipcbench.transport.TransportOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * The echo server. It prints exactly one line to stdout, {@code READY <address>}, once it accepts
 * connections, so that a script or a benchmark can wait for it and learn the real port or path.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Echo server: sends every message back with the same framing.",
                "Prints 'READY <address>' on stdout once it accepts connections. A bad frame closes only its "
                        + "connection and logs one line to stderr. SIGINT or SIGTERM stops it with exit 0."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--io", paramLabel = "MODEL", defaultValue = "blocking",
            description = "Server model: blocking (a thread per connection) or selector (one thread, non-blocking). "
                    + "Default: ${DEFAULT-VALUE}.")
    IoModel io;

    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "0s",
            description = "Close a connection whose peer sends nothing for this long, like 30s; 0s waits forever. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration readTimeout;

    @Option(names = "--ack-every", paramLabel = "N", defaultValue = "0",
            description = "Instead of echoing, consume messages and acknowledge every N-th with the count received, "
                    + "8 bytes big-endian, unframed: the peer of a throughput stream. 0 echoes. Default: ${DEFAULT-VALUE}.")
    int ackEvery;

    /** Set by benchmarks that start this server: it stops when the JVM that started it is gone, even by SIGKILL. */
    @Option(names = "--exit-with-parent", hidden = true)
    boolean exitWithParent;

    @Override
    public Integer call() throws Exception {
        connection.validate();
        Framing framing = connection.framing();
        TransportOptions options = connection.transportOptions(readTimeout).withIo(io);
        CountDownLatch stop = new CountDownLatch(1);
        // Handle the signals ourselves: a JVM killed by SIGTERM exits 143, and a clean stop is exit 0.
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        if (exitWithParent) {
            ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(stop::countDown));
        }
        if (ackEvery < 0) {
            throw new IllegalArgumentException("--ack-every must not be negative: " + ackEvery);
        }

        Listener listener = connection.transport().listen(connection.resolvedAddress(), options);
        ServerErrors errors = (conn, e) -> System.err.println("ipcbench serve: closed " + conn + ": " + Main.describe(e));
        try (Server server = ackEvery > 0
                ? new StreamSink(listener, framing, options.bufferSize(), ackEvery, errors)
                : Servers.start(listener, options, framing, MessageHandler.echo(), errors)) {
            System.out.println("READY " + server.address());
            System.out.flush();
            stop.await();
        } finally {
            listener.close(); // idempotent; covers a failure before the server took the listener over
        }
        return 0;
    }
}
