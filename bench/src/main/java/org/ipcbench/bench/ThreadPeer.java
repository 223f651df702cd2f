package org.ipcbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.MessageHandler;
import org.ipcbench.transport.Server;
import org.ipcbench.transport.Servers;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;

/**
 * The same echo server (or stream sink) as {@code ipcbench serve}, in threads of the benchmark's own JVM:
 * {@code peer=thread}. Set against {@code peer=process}, it shows what the process boundary costs.
 *
 * <p>Its CPU time is the sum over its threads (named {@code ipcbench-...}). A connection thread that ends
 * (one per message with close framing) reports its last CPU time as it closes its connection.
 */
final class ThreadPeer implements Peer {

    private static final String PREFIX = "ipcbench-";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Server server;
    private final Map<Long, Long> cpuByThread = new ConcurrentHashMap<>();

    private ThreadPeer(Transport transport, TransportOptions options, Framing framing, int ackEvery) throws IOException {
        Listener listener = transport.listen(transport.defaultAddress(), options);
        try {
            server = ackEvery > 0
                    ? new StreamSink(listener, framing, options.bufferSize(), ackEvery, ThreadPeer::report)
                    : Servers.start(listener, options, framing, MessageHandler.echo(), ThreadPeer::report,
                            this::tracked);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** An echo server in this JVM. */
    static ThreadPeer echo(Transport transport, TransportOptions options, Framing framing) throws IOException {
        return new ThreadPeer(transport, options, framing, 0);
    }

    /** A stream sink in this JVM, acknowledging every {@code ackEvery}-th message. */
    static ThreadPeer sink(Transport transport, TransportOptions options, Framing framing, int ackEvery)
            throws IOException {
        return new ThreadPeer(transport, options, framing, ackEvery);
    }

    private static void report(String where, Throwable e) {
        System.err.println("ipcbench peer thread: " + where + ": " + Main.describe(e));
    }

    @Override
    public Address address() {
        return server.address();
    }

    @Override
    public long pid() {
        return -1;
    }

    @Override
    public long cpuNanos() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(PREFIX)) {
                note(t.getId());
            }
        }
        long sum = 0;
        for (long v : cpuByThread.values()) {
            sum += v;
        }
        return sum;
    }

    private void note(long threadId) {
        long cpu = THREADS.getThreadCpuTime(threadId);
        if (cpu > 0) {
            cpuByThread.merge(threadId, cpu, Math::max);
        }
    }

    private Connection tracked(Connection c) {
        return new Connection() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                return c.read(dst);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return c.write(src);
            }

            @Override
            public void shutdownOutput() throws IOException {
                c.shutdownOutput();
            }

            @Override
            public void close() throws IOException {
                if (Thread.currentThread().getName().startsWith(PREFIX)) {
                    note(Thread.currentThread().getId());
                }
                c.close();
            }

            @Override
            public String toString() {
                return c.toString();
            }
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
