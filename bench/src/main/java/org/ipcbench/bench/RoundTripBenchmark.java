package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.FramedConnection;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Latency: one operation is one round trip. Send a message, receive its echo, check it.
 *
 * <p><b>Why a round trip.</b> Two processes have no common clock worth trusting at the microsecond, so a
 * one-way time is not measurable; the round trip is, on one clock, and it is what a request/response
 * client waits for. Each message carries a timestamp and a checksum ({@link Payload}); the echo must
 * bring both back intact, so a benchmark that "works" by dropping or mixing messages cannot pass.
 *
 * <p><b>Why two JVMs.</b> By default ({@code peer=process}) the echo server is {@code ipcbench serve} in
 * a second JVM, started once per trial (fork) and stopped at its end: IPC measured inside one process is
 * not IPC. {@code peer=thread} runs the same server in a thread of this JVM, so the cost of the process
 * boundary (a second scheduler entity, cross-process wake-ups) shows as the difference.
 *
 * <p><b>Why SampleTime and a histogram.</b> Latency is a distribution, and its tail is the story. JMH's
 * SampleTime gives percentiles; every round trip also goes into an HdrHistogram, saved per cell and
 * fork as {@code .hgrm}, so the tail keeps full resolution. The CPU time both processes spent per round
 * trip goes to {@code cpu.json}, because a fast transport that burns two cores is a different bargain.
 *
 * <p><b>Close framing</b> opens a connection per message, so its round trip includes connect and
 * close: that is what the framing costs.
 *
 * <p><b>Server model and clients.</b> {@code io} is the echo peer's server model ({@code blocking}: a
 * thread per connection; {@code selector}: one thread multiplexing all), the HOWTO's two designs; the client
 * stays blocking. With {@code clients > 1} this one JMH thread holds that many connections, and one
 * operation is a burst: write one message on every connection, then read and check every echo. The time
 * recorded is the whole burst (divide by {@code clients} for a per-message figure). Why one thread and not
 * one per client: 100 client threads on 2 cores would measure the scheduler handing the cores around, not
 * the server; one thread keeps the client's cost fixed, so what grows with the clients is the server's
 * work. Since every message is written before any echo is read, each echo must fit in the socket buffers:
 * a message above the buffer size is refused with several clients, and so is close framing (a connection
 * per message is no burst over held connections). {@code io=blocking, clients=1} is the plain round trip.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = ForkFlags.ARGFILE)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RoundTripBenchmark extends RecordedBenchmark {

    @Param({"tcp", "unix", "unix-jdk", "shm", "shm-ring"})
    public String transport;

    @Param({"fixed", "delimited", "length", "close"})
    public String framing;

    /** 4096 and 8192 are the sizes studied; the rest are the full profile's chunk-size sweep. */
    @Param({"4096", "8192", "1024", "2048", "16384", "32768", "65536"})
    public int bufferSize;

    @Param({"64", "1024", "4096", "16384", "65536"})
    public int messageSize;

    @Param({"process", "thread"})
    public String peer;

    /** block or spin for sockets; spin or backoff for shared memory; default is the transport's own. */
    @Param({"default"})
    public String wait;

    /** The peer's server model: blocking (a thread per connection) or selector; sockets only for selector. */
    @Param({"blocking", "selector"})
    public String io;

    /** Connections held by this one thread; above 1, one operation is a burst over all of them. */
    @Param({"1", "10", "100"})
    public int clients;

    private Peer echoPeer;
    private Transport client;
    private Address address;
    private TransportOptions options;
    private Framing framingImpl;
    private FramedConnection connection;
    private FramedConnection[] burst;
    private Payload payload;

    @Setup(Level.Trial)
    public void startPeer(BenchmarkParams params) throws IOException {
        TransportCell cell = new TransportCell(transport, framing, bufferSize, messageSize, peer, wait, io);
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1, not " + clients);
        }
        if (clients > 1 && cell.framingImpl().endsConnection()) {
            throw new IllegalArgumentException("close framing has no held connections to burst over; clients must be 1");
        }
        if (clients > 1 && messageSize > bufferSize) {
            throw new IllegalArgumentException("with " + clients + " clients every echo must fit in the socket buffers "
                    + "(all are written before any is read): messageSize " + messageSize + " is above bufferSize "
                    + bufferSize);
        }
        payload = new Payload(messageSize);
        client = cell.transportImpl();
        options = cell.options();
        framingImpl = cell.framingImpl();
        echoPeer = cell.startPeer(0);
        address = echoPeer.address();
        if (clients > 1) {
            burst = new FramedConnection[clients];
            for (int i = 0; i < clients; i++) {
                burst[i] = new FramedConnection(client.connect(address, options), framingImpl, bufferSize);
            }
        }
        recorder = new TrialRecorder(params, echoPeer, true);
    }

    @Benchmark
    public void roundTrip() throws IOException {
        if (burst != null) {
            burst();
            return;
        }
        long start = System.nanoTime();
        if (connection == null) {
            connection = new FramedConnection(client.connect(address, options), framingImpl, bufferSize);
        }
        connection.send(payload.stamp(start));
        payload.verify(connection.receive(), start);
        if (framingImpl.endsConnection()) {
            if (connection.receive() != null) {
                throw new IOException("close framing: the peer sent more after its reply");
            }
            connection.close();
            connection = null;
        }
        recorder.record(System.nanoTime() - start);
    }

    /** Clients above 1: one message on every connection, then every echo, each checked; one recorded time. */
    private void burst() throws IOException {
        long start = System.nanoTime();
        ByteBuffer message = payload.stamp(start);
        for (FramedConnection c : burst) {
            c.send(message);
        }
        for (FramedConnection c : burst) {
            payload.verify(c.receive(), start);
        }
        recorder.record(System.nanoTime() - start);
    }

    /** Stops the peer and leaves its files: nothing else is left behind, no process, no socket file. */
    @TearDown(Level.Trial)
    public void stopPeer() throws IOException {
        try (Peer p = echoPeer) {
            if (connection != null) {
                connection.close();
                connection = null;
            }
            if (burst != null) {
                for (FramedConnection c : burst) {
                    c.close();
                }
                burst = null;
            }
            recorder.trialEnds();
        }
    }
}
