package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.FramedConnection;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.Transports;
import org.ipcbench.transport.WaitStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where {@code shm-ring}'s round trip goes, once the second core is taken away. This is a diagnostic, not
 * IPC: both ends run in this one thread, one after the other, so no cache line moves between cores and
 * nobody waits. What is left is the instructions of one round trip, and 10<sup>9</sup> / score is their
 * cost in nanoseconds.
 *
 * <p>The paths add one layer each, on the same 64 KiB Agrona rings over files in /dev/shm:
 * <ul>
 *   <li>{@code raw}: the raw ring floor's code ({@link RawRingBenchmark}, {@link RawRingPeer}): write the
 *       message to one ring, read it and write it to the other (the echo), read the echo out and check it;</li>
 *   <li>{@code connection}: the same round trip through {@code shm-ring} {@link Connection}s, one write and
 *       one read per side, no framing: what {@code ShmConnection} and its lanes add;</li>
 *   <li>{@code framed}: length framing over those connections with {@link FramedConnection}, the exact calls
 *       {@link RoundTripBenchmark} and the {@code serve} peer make: what the framing adds.</li>
 * </ul>
 * A cross-process round trip pays this once, plus the cache-line transfers and the time each side takes to
 * notice data. So if {@code framed} costs as much more than {@code raw} here as {@code shm-ring} costs more
 * than the raw ring across processes, the gap is instructions; if much less, it is in the memory traffic.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = ForkFlags.ARGFILE)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RingPathBenchmark {

    private static final int MESSAGE_TYPE = 1;
    private static final int BUFFER_SIZE = RunPlan.RING_PATH_MAX_SIZE;

    @Param({"raw", "connection", "framed"})
    public String path;

    @Param({"64"})
    public int messageSize;

    private Payload payload;
    private ByteBuffer echo;
    private long timestamp;

    // raw
    private Path file;
    private SharedRings rings;
    private UnsafeBuffer out;
    private MessageHandler echoBack;
    private MessageHandler copyOut;

    // connection and framed
    private Listener listener;
    private Connection client;
    private Connection server;
    private ByteBuffer serverIn;
    private FramedConnection framedClient;
    private FramedConnection framedServer;

    @Setup(Level.Trial)
    public void open() throws IOException {
        if (messageSize > RunPlan.RING_PATH_MAX_SIZE) {
            throw new IllegalArgumentException("the connection path reads a message in one read of " + BUFFER_SIZE
                    + " bytes: messageSize must be at most " + RunPlan.RING_PATH_MAX_SIZE + ", not " + messageSize);
        }
        payload = new Payload(messageSize);
        echo = ByteBuffer.allocateDirect(messageSize);
        switch (path) {
            case "raw" -> openRings();
            case "connection", "framed" -> openConnections();
            default -> throw new IllegalArgumentException("path must be raw, connection or framed, not " + path);
        }
    }

    private void openRings() throws IOException {
        out = new UnsafeBuffer(payload.stamp(0));
        echoBack = (type, buffer, index, length) -> {
            if (!rings.pong.write(type, buffer, index, length)) {
                throw new IllegalStateException("pong ring full");
            }
        };
        copyOut = (type, buffer, index, length) -> {
            echo.clear().limit(length);
            buffer.getBytes(index, echo, 0, length);
        };
        int capacity = SharedRings.capacityFor(messageSize);
        file = Files.createTempFile(Path.of(Metadata.SHM_DIR), "ipcbench-ring-", ".map");
        rings = SharedRings.map(file, capacity);
    }

    private void openConnections() throws IOException {
        Transport shmRing = Transports.forScheme("shm-ring");
        TransportOptions options = TransportOptions.defaults().withBufferSize(BUFFER_SIZE).withWait(WaitStrategy.SPIN);
        listener = shmRing.listen(shmRing.defaultAddress(), options);
        // A shared-memory connect does not wait for the accept, so one thread can hold both ends.
        client = shmRing.connect(listener.address(), options);
        server = listener.accept();
        serverIn = ByteBuffer.allocateDirect(BUFFER_SIZE);
        Framing length = Framing.of("length", messageSize, Framing.DEFAULT_MAX_FRAME_SIZE);
        framedClient = new FramedConnection(client, length, BUFFER_SIZE);
        framedServer = new FramedConnection(server, length, BUFFER_SIZE);
    }

    @Benchmark
    public long roundTrip() throws IOException {
        long t = ++timestamp;
        switch (path) {
            case "raw" -> raw(t);
            case "connection" -> connection(t);
            default -> framed(t);
        }
        return t;
    }

    private void raw(long t) throws IOException {
        payload.stamp(t);
        if (!rings.ping.write(MESSAGE_TYPE, out, 0, messageSize)) {
            throw new IOException("the ping ring is full");
        }
        readOne(rings.ping, echoBack);
        readOne(rings.pong, copyOut);
        payload.verify(echo, t);
    }

    /** A read at the ring's end meets the padding record first and returns 0; the message is then at the start. */
    private static void readOne(OneToOneRingBuffer ring, MessageHandler handler) throws IOException {
        if (ring.read(handler, 1) == 0 && ring.read(handler, 1) == 0) {
            throw new IOException("a ring lost the message");
        }
    }

    /** One write and one read per side: a 64-byte message fits one ring record and one read. */
    private void connection(long t) throws IOException {
        ByteBuffer message = payload.stamp(t);
        client.write(message);
        serverIn.clear();
        server.read(serverIn);
        server.write(serverIn.flip());
        echo.clear();
        client.read(echo);
        payload.verify(echo.flip(), t);
    }

    private void framed(long t) throws IOException {
        framedClient.send(payload.stamp(t));
        framedServer.send(framedServer.receive());
        payload.verify(framedClient.receive(), t);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (rings != null) {
            rings.close();
            Files.deleteIfExists(file);
        }
        if (listener != null) {
            try {
                client.close();
                server.close();
            } finally {
                listener.close();
            }
        }
    }
}
