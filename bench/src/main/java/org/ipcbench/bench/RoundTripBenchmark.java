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

    @Param({"4096", "8192"})
    public int bufferSize;

    @Param({"64", "1024", "4096", "16384", "65536"})
    public int messageSize;

    @Param({"process", "thread"})
    public String peer;

    /** block or spin for sockets; spin or backoff for shared memory; default is the transport's own. */
    @Param({"default"})
    public String wait;

    private Peer echoPeer;
    private Transport client;
    private Address address;
    private TransportOptions options;
    private Framing framingImpl;
    private FramedConnection connection;
    private Payload payload;

    @Setup(Level.Trial)
    public void startPeer(BenchmarkParams params) throws IOException {
        TransportCell cell = new TransportCell(transport, framing, bufferSize, messageSize, peer, wait);
        payload = new Payload(messageSize);
        client = cell.transportImpl();
        options = cell.options();
        framingImpl = cell.framingImpl();
        echoPeer = cell.startPeer(0);
        address = echoPeer.address();
        recorder = new TrialRecorder(params, echoPeer, true);
    }

    @Benchmark
    public void roundTrip() throws IOException {
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

    /** Stops the peer and leaves its files: nothing else is left behind, no process, no socket file. */
    @TearDown(Level.Trial)
    public void stopPeer() throws IOException {
        try (Peer p = echoPeer) {
            if (connection != null) {
                connection.close();
                connection = null;
            }
            recorder.trialEnds();
        }
    }
}
