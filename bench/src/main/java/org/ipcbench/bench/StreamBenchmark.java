package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.ipcbench.transport.Connection;
import org.ipcbench.transport.FramedConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Throughput: one side sends messages as fast as it can; the peer consumes them and acknowledges.
 * The score is messages per second (one operation is one message); times the message size, MB/s.
 *
 * <p><b>The ack scheme, and why it is bounded.</b> The peer ({@code ipcbench serve --ack-every
 * }{@value #BATCH}) writes back the count of messages it has received after every {@value #BATCH}-th
 * one: 8 bytes, big-endian, outside the framing. The sender sends a batch of {@value #BATCH} messages
 * per invocation and then waits until at most one batch is unacknowledged. So at most two batches are
 * ever in flight: the sender cannot run ahead into buffers and measure its own memory instead of the
 * transport, and the peer's consumption is inside the number, as it is for a real consumer.
 *
 * <p>Close framing carries one message per connection, so it has no stream; it is refused here.
 * No per-message histogram: a message's time alone means little in a pipeline. CPU per message of
 * both processes goes to {@code cpu.json} as for round trips.
 *
 * <p><b>Short writes.</b> The HOWTO's "send does not always send everything" is counted where it happens, on
 * the sender: the secondary metric {@code shortWrites} ({@link ShortWrites}) is writes per second that moved
 * fewer bytes than offered; against the messages per second it is short writes per message. A message larger
 * than the socket buffer is where they are expected.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = ForkFlags.ARGFILE)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class StreamBenchmark extends RecordedBenchmark {

    /** Messages per acknowledgement, and per benchmark invocation. */
    public static final int BATCH = 64;

    @Param({"tcp", "unix", "unix-jdk", "shm", "shm-ring"})
    public String transport;

    @Param({"fixed", "delimited", "length"})
    public String framing;

    /** 4096 and 8192 are the sizes studied; the rest are the full profile's chunk-size sweep. */
    @Param({"4096", "8192", "1024", "2048", "16384", "32768", "65536"})
    public int bufferSize;

    @Param({"64", "1024", "4096", "16384", "65536"})
    public int messageSize;

    @Param({"process", "thread"})
    public String peer;

    @Param({"default"})
    public String wait;

    private Peer sink;
    private FramedConnection connection;
    private Connection raw;
    private final ByteBuffer ack = ByteBuffer.allocateDirect(StreamSink.ACK_BYTES);
    private Payload payload;
    private long sentBatches;
    private long ackedBatches;

    @Setup(Level.Trial)
    public void startPeer(BenchmarkParams params) throws IOException {
        TransportCell cell = new TransportCell(transport, framing, bufferSize, messageSize, peer, wait);
        if (cell.framingImpl().endsConnection()) {
            throw new IllegalArgumentException("a stream needs a framing that keeps the connection open, not "
                    + framing);
        }
        payload = new Payload(messageSize);
        sink = cell.startPeer(BATCH);
        raw = cell.transportImpl().connect(sink.address(), cell.options());
        connection = new FramedConnection(raw, cell.framingImpl(), bufferSize);
        recorder = new TrialRecorder(params, sink, false);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void stream(ShortWrites counters) throws IOException {
        ByteBuffer message = payload.stamp(sentBatches);
        for (int i = 0; i < BATCH; i++) {
            connection.send(message);
        }
        sentBatches++;
        while (sentBatches - ackedBatches > 1) {
            awaitAck();
        }
        recorder.count(BATCH);
        counters.update(connection.shortWrites());
    }

    private void awaitAck() throws IOException {
        ack.clear();
        while (ack.hasRemaining()) {
            if (raw.read(ack) < 0) {
                throw new IOException("the stream peer closed the connection after " + ackedBatches + " acks");
            }
        }
        long count = ack.getLong(0);
        ackedBatches++;
        if (count != ackedBatches * BATCH) {
            throw new IOException("stream ack says " + count + " messages, expected " + ackedBatches * BATCH);
        }
    }

    @TearDown(Level.Trial)
    public void stopPeer() throws IOException {
        try (Peer p = sink) {
            while (ackedBatches < sentBatches) {
                awaitAck();
            }
            connection.close();
            recorder.trialEnds();
        }
    }
}
