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

    private AeronIpcClient client;

    @Setup(Level.Trial)
    public void startPeer(BenchmarkParams params) throws IOException {
        if (!"process".equals(peer) || !"spin".equals(wait)) {
            throw new IllegalArgumentException("the Aeron IPC baseline spins, with a process peer");
        }
        client = AeronIpcClient.start(messageSize, false);
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
        try (AeronIpcClient c = client) {
            recorder.trialEnds();
        }
    }
}
