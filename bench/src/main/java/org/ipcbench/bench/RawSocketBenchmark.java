package org.ipcbench.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 * The floor under the socket transports: the same round trip as {@link RoundTripBenchmark} with length
 * framing, over a plain JDK SocketChannel on both sides ({@link RawLengthChannel}, {@link RawSocketPeer}),
 * no ipcbench transport code at all. The peer is a separate JVM, as for the transports.
 *
 * <p>{@code transport=tcp} is the floor of ipcbench's {@code tcp}; {@code transport=unix} (JDK
 * Unix-domain channels) is the floor of both {@code unix} and {@code unix-jdk}. The payload, with its
 * timestamp and checksum, is the same, so the ratio of a transport's p50 to this one's is the cost of the
 * transport's abstraction alone. The target is 1.10 at 64 bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = ForkFlags.ARGFILE)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RawSocketBenchmark extends RecordedBenchmark {

    @Param({"tcp", "unix"})
    public String transport;

    @Param({"length"})
    public String framing;

    @Param({"4096", "8192"})
    public int bufferSize;

    @Param({"64", "1024", "4096", "16384", "65536"})
    public int messageSize;

    @Param({"process"})
    public String peer;

    @Param({"block", "spin"})
    public String wait;

    private ServePeer rawPeer;
    private RawLengthChannel channel;
    private Payload payload;

    @Setup(Level.Trial)
    public void startPeer(BenchmarkParams params) throws IOException {
        if (!"length".equals(framing) || !"process".equals(peer)) {
            throw new IllegalArgumentException("the raw socket baseline is length framing with a process peer");
        }
        boolean spin = "spin".equals(wait);
        if (!spin && !"block".equals(wait)) {
            throw new IllegalArgumentException("the raw socket baseline waits with block or spin, not " + wait);
        }
        payload = new Payload(messageSize);
        rawPeer = ServePeer.startMain(RawSocketPeer.class.getName(),
                List.of(transport, Integer.toString(bufferSize), wait, Integer.toString(messageSize)));
        channel = new RawLengthChannel(RawLengthChannel.connect(rawPeer.address().toString()), bufferSize, spin,
                messageSize);
        recorder = new TrialRecorder(params, rawPeer, true);
    }

    @Benchmark
    public void roundTrip() throws IOException {
        long start = System.nanoTime();
        channel.send(payload.stamp(start));
        payload.verify(channel.receive(), start);
        recorder.record(System.nanoTime() - start);
    }

    @TearDown(Level.Trial)
    public void stopPeer() throws IOException {
        try (ServePeer p = rawPeer) {
            channel.close();
            recorder.trialEnds();
        }
    }
}
