package org.ipcbench.transport.shm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.TransportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The size limits: a Chronicle lane stays small however much flows, and a ring splits what it cannot hold. */
@Timeout(120)
class ShmBoundsTest {

    private static final int MIB = 1 << 20;

    /**
     * Streams 128 MiB one way at about 24 MiB/s (so about five one-second cycles roll) and samples the
     * connection's directory. Each lane keeps at most its current cycle and the one its reader is leaving,
     * so the stated bound is {@value #BOUND_MIB} MiB, half of what went through; without the deletion the
     * directory would hold all 128.
     */
    private static final int BOUND_MIB = 64;

    @Test
    void aChronicleLaneKeepsOnlyTheCyclesItsReaderHasNotPassed() throws Exception {
        ShmTransport transport = new ShmTransport();
        int chunk = 256 * 1024;
        int chunks = 128 * MIB / chunk;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Listener listener = transport.listen(transport.defaultAddress(), TransportOptions.defaults());
             Connection client = transport.connect(listener.address(), TransportOptions.defaults());
             Connection server = listener.accept()) {
            Path dir = Path.of(listener.address().location());
            Future<Long> drained = pool.submit(() -> {
                ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
                long total = 0;
                int n;
                while ((n = server.read(sink)) >= 0) {
                    total += n;
                    sink.clear();
                }
                return total;
            });
            Future<long[]> sampled = pool.submit(() -> {
                long maxKib = 0;
                long maxCycleFiles = 0;
                while (!drained.isDone()) {
                    maxKib = Math.max(maxKib, diskUsageKib(dir));
                    maxCycleFiles = Math.max(maxCycleFiles, cycleFiles(dir));
                    Thread.sleep(50);
                }
                return new long[] {maxKib, maxCycleFiles};
            });
            ByteBuffer data = ByteBuffer.allocateDirect(chunk);
            for (int i = 0; i < chunks; i++) {
                data.clear();
                while (data.hasRemaining()) {
                    client.write(data);
                }
                Thread.sleep(10); // 256 KiB per 10 ms at most, about 24 MiB/s; a late writer never bursts to catch up
            }
            client.shutdownOutput();
            assertEquals((long) chunks * chunk, drained.get(60, TimeUnit.SECONDS));
            long[] max = sampled.get(10, TimeUnit.SECONDS);
            assertTrue(max[0] > 0, "the sampler saw the directory");
            assertTrue(max[0] < BOUND_MIB * 1024L, "the directory grew to " + max[0] + " KiB of 128 MiB streamed");
            assertTrue(max[1] <= 4, "at most two cycle files per lane at once, saw " + max[1]);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRingSplitsAWriteLargerThanItsLargestRecord() throws Exception {
        ShmRingTransport transport = new ShmRingTransport();
        TransportOptions options = TransportOptions.defaults().withBufferSize(512)
                .withReadTimeout(Duration.ofSeconds(15));
        int maxRecord = RingLanes.capacity(options) / 8;
        byte[] big = new byte[3 * MIB + 5];
        new Random(11).nextBytes(big);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Listener listener = transport.listen(transport.defaultAddress(), options);
             Connection client = transport.connect(listener.address(), options);
             Connection server = listener.accept()) {
            Future<byte[]> received = pool.submit(() -> {
                // 512 bytes at a time, so that each 8 KiB record is read in parts too.
                ByteBuffer in = ByteBuffer.allocate(big.length);
                ByteBuffer chunk = ByteBuffer.allocate(512);
                while (in.hasRemaining() && server.read(chunk) >= 0) {
                    in.put(chunk.flip());
                    chunk.clear();
                }
                return in.array();
            });
            ByteBuffer out = ByteBuffer.wrap(big);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                int first = client.write(out);
                assertEquals(maxRecord, first, "one write, one record of the ring's largest size");
                while (out.hasRemaining()) {
                    client.write(out);
                }
            });
            assertArrayEquals(big, received.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ringFilesHaveAFixedSize() throws Exception {
        ShmRingTransport transport = new ShmRingTransport();
        TransportOptions options = TransportOptions.defaults();
        try (Listener listener = transport.listen(transport.defaultAddress(), options);
             Connection client = transport.connect(listener.address(), options);
             Connection server = listener.accept()) {
            ShmDirectoriesTest.echoOnce(client, server);
            try (Stream<Path> files = Files.walk(Path.of(listener.address().location()))) {
                long rings = files.filter(p -> p.getFileName().toString().matches("c2s|s2c")).peek(p -> {
                    try {
                        assertEquals(RingLanes.fileLength(options), Files.size(p), p.toString());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).count();
                assertEquals(2, rings);
            }
        }
    }

    private static long diskUsageKib(Path dir) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        du.waitFor();
        try {
            return Long.parseLong(out.split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return 0; // a file vanished under du: sample again
        }
    }

    private static long cycleFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cq4")).count();
        } catch (java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
