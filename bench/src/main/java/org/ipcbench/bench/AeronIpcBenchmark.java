package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
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

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;

/**
 * A production-grade reference for shared-memory messaging: Aeron IPC ({@code aeron:ipc}), the peer in
 * its own JVM hosting an embedded media driver (settings in {@link AeronIpcPeer}: SHARED threading,
 * backoff idle, pre-touched logs). The client offers, then polls its subscription spinning. The
 * {@code shm-ring} transport should be no slower than this at the median.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = ForkFlags.ARGFILE)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class AeronIpcBenchmark extends RecordedBenchmark {

    @Param({"64", "1024", "4096", "16384", "65536"})
    public int messageSize;

    @Param({"process"})
    public String peer;

    @Param({"spin"})
    public String wait;

    private ServePeer aeronPeer;
    private Aeron aeron;
    private Publication ping;
    private Subscription pong;
    private FragmentAssembler copyOut;
    private Payload payload;
    private UnsafeBuffer out;
    private ByteBuffer echo;
    private boolean received;

    @Setup(Level.Trial)
    public void startPeer(BenchmarkParams params) throws IOException {
        if (!"process".equals(peer) || !"spin".equals(wait)) {
            throw new IllegalArgumentException("the Aeron IPC baseline spins, with a process peer");
        }
        payload = new Payload(messageSize);
        out = new UnsafeBuffer(payload.stamp(0));
        echo = ByteBuffer.allocateDirect(messageSize);
        copyOut = new FragmentAssembler((buffer, offset, length, header) -> {
            echo.clear().limit(length);
            buffer.getBytes(offset, echo, 0, length);
            received = true;
        });
        Path dir = Path.of(Metadata.SHM_DIR, "ipcbench-aeron-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        aeronPeer = ServePeer.startMain(AeronIpcPeer.class.getName(), List.of(dir.toString()));
        aeron = Aeron.connect(AeronIpcPeer.clientContext(dir));
        ping = aeron.addPublication(AeronIpcPeer.CHANNEL, AeronIpcPeer.PING_STREAM);
        pong = aeron.addSubscription(AeronIpcPeer.CHANNEL, AeronIpcPeer.PONG_STREAM);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ping.isConnected() || !pong.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("Aeron IPC: the peer did not connect within 30 s");
            }
            Thread.onSpinWait();
        }
        recorder = new TrialRecorder(params, aeronPeer, true);
    }

    @Benchmark
    public void roundTrip() throws IOException {
        long start = System.nanoTime();
        payload.stamp(start);
        while (ping.offer(out, 0, messageSize) < 0) {
            Thread.onSpinWait();
        }
        received = false;
        while (!received) {
            if (pong.poll(copyOut, 1) == 0) {
                Thread.onSpinWait();
            }
        }
        payload.verify(echo, start);
        recorder.record(System.nanoTime() - start);
    }

    @TearDown(Level.Trial)
    public void stopPeer() throws IOException {
        try (ServePeer p = aeronPeer) {
            aeron.close();
            recorder.trialEnds();
        }
    }
}
