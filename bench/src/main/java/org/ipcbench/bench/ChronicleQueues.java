package org.ipcbench.bench;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/**
 * Two Chronicle Queues in a directory in /dev/shm, {@code ping} and {@code pong}, raw bytes in each
 * excerpt, as the raw Chronicle baseline uses them. Each process opens only the queue it appends to and
 * the queue it tails. A queue is a log that grows with every message, so the queues roll every second and
 * the reader deletes an inbound cycle file once its tailer has moved past it (never on release: a file is
 * released and acquired again while it is still being written).
 */
final class ChronicleQueues implements AutoCloseable {

    private final ChronicleQueue outQueue;
    private final ChronicleQueue inQueue;
    private final ConcurrentSkipListMap<Integer, File> inCycles = new ConcurrentSkipListMap<>();
    private int readCycle = Integer.MIN_VALUE;
    private final ExcerptAppender appender;
    private final ExcerptTailer tailer;
    private final Bytes<ByteBuffer> outBytes;
    private final Bytes<ByteBuffer> inBytes;

    /** {@code client} writes ping and reads pong; the peer the other way round. */
    ChronicleQueues(Path dir, boolean client, int messageSize) {
        outQueue = ChronicleQueue.singleBuilder(dir.resolve(client ? "ping" : "pong"))
                .rollCycle(TestRollCycles.TEST_SECONDLY).build();
        inQueue = ChronicleQueue.singleBuilder(dir.resolve(client ? "pong" : "ping"))
                .rollCycle(TestRollCycles.TEST_SECONDLY).storeFileListener(new StoreFileListener() {
                    @Override
                    public void onAcquired(int cycle, File file) {
                        inCycles.put(cycle, file);
                    }

                    @Override
                    public void onReleased(int cycle, File file) {
                        // deleted once the tailer is past it: see poll
                    }
                }).build();
        appender = outQueue.createAppender();
        tailer = inQueue.createTailer();
        outBytes = Bytes.elasticByteBuffer(messageSize);
        inBytes = Bytes.elasticByteBuffer(messageSize);
    }

    /** Appends the message (position to limit, left unchanged) as one excerpt. */
    void send(ByteBuffer message) {
        outBytes.clear();
        outBytes.writeSome(message.duplicate());
        appender.writeBytes(outBytes);
    }

    /** Reads the next excerpt into {@code into} (cleared first) if there is one. */
    boolean poll(ByteBuffer into) {
        inBytes.clear();
        if (!tailer.readBytes(inBytes)) {
            return false;
        }
        into.clear();
        inBytes.read(into);
        into.flip();
        int cycle = tailer.cycle();
        if (cycle != readCycle) {
            readCycle = cycle;
            inCycles.headMap(cycle).values().removeIf(f -> f.delete() || !f.exists());
        }
        return true;
    }

    @Override
    public void close() {
        outQueue.close();
        inQueue.close();
        outBytes.releaseLast();
        inBytes.releaseLast();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
