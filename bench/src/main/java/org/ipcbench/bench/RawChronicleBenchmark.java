package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The floor under the Chronicle-based {@code shm} transport: raw Chronicle Queue, two queues in /dev/shm
 * ({@link ChronicleQueues}), raw bytes per excerpt, both sides spinning, the peer in its own JVM
 * ({@link RawChroniclePeer}). {@code shm} is held against this (target 1.3x).
 *
 * <p>Unlike a ring, a queue is a log: every message lands on fresh memory, so expect minor page faults
 * in the tail (NOTES.md: about 8 µs each). The queues roll every second and consumed files are deleted,
 * so the log stays small; even so, large messages at this rate write gigabytes a second, and a run plan
 * keeps this baseline to the sizes of the transports it is a floor of.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = ForkFlags.ARGFILE)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RawChronicleBenchmark extends RecordedBenchmark {

    @Param({"64", "1024"})
    public int messageSize;

    @Param({"process"})
    public String peer;

    @Param({"spin"})
    public String wait;

    private Path dir;
    private ChronicleQueues queues;
    private ServePeer queuePeer;
    private Payload payload;
    private ByteBuffer echo;

    @Setup(Level.Trial)
    public void startPeer(BenchmarkParams params) throws IOException {
        if (!"process".equals(peer) || !"spin".equals(wait)) {
            throw new IllegalArgumentException("the raw Chronicle baseline spins, with a process peer");
        }
        payload = new Payload(messageSize);
        echo = ByteBuffer.allocateDirect(messageSize);
        dir = Files.createTempDirectory(Path.of(Metadata.SHM_DIR), "ipcbench-chronicle-");
        queues = new ChronicleQueues(dir, true, messageSize);
        queuePeer = ServePeer.startMain(RawChroniclePeer.class.getName(),
                List.of(dir.toString(), Integer.toString(messageSize)));
        recorder = new TrialRecorder(params, queuePeer, true);
    }

    @Benchmark
    public void roundTrip() throws IOException {
        long start = System.nanoTime();
        queues.send(payload.stamp(start));
        while (!queues.poll(echo)) {
            Thread.onSpinWait();
        }
        payload.verify(echo, start);
        recorder.record(System.nanoTime() - start);
    }

    @TearDown(Level.Trial)
    public void stopPeer() throws IOException {
        try (ServePeer p = queuePeer) {
            recorder.trialEnds();
        } finally {
            queues.close();
            ChronicleQueues.deleteTree(dir);
        }
    }
}
