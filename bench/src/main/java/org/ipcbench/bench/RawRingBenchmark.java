package org.ipcbench.bench;

import java.io.IOException;
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
 * The floor under a shared-memory ring: two Agrona OneToOneRingBuffers in a file in /dev/shm
 * ({@link SharedRings}), pre-touched, both sides spinning, the peer in its own JVM ({@link RawRingClient},
 * {@link RawRingPeer}).
 * Nothing but a copy in, a copy out and two cache lines moving between cores; on this machine kind the
 * C floor for that is about 0.14 µs. {@code shm-ring} is held against this (target 1.3x) and against
 * Aeron IPC.
 *
 * <p>The same {@link Payload} as everywhere: the echo is copied out of the ring and its checksum checked,
 * as a transport's receiver must.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = ForkFlags.ARGFILE)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RawRingBenchmark extends RecordedBenchmark {

    @Param({"64", "1024", "4096", "16384", "65536"})
    public int messageSize;

    @Param({"process"})
    public String peer;

    @Param({"spin"})
    public String wait;

    private RawRingClient client;

    @Setup(Level.Trial)
    public void startPeer(BenchmarkParams params) throws IOException {
        if (!"process".equals(peer) || !"spin".equals(wait)) {
            throw new IllegalArgumentException("the raw ring baseline spins, with a process peer");
        }
        client = RawRingClient.start(messageSize, false);
        recorder = new TrialRecorder(params, client.peer(), true);
    }

    @Benchmark
    public void roundTrip() throws IOException {
        long start = System.nanoTime();
        client.roundTrip(start);
        recorder.record(System.nanoTime() - start);
    }

    @TearDown(Level.Trial)
    public void stopPeer() throws IOException {
        try (RawRingClient c = client) {
            recorder.trialEnds();
        }
    }
}
