package org.ipcbench.bench;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/**
 * Two Chronicle Queues in a directory in /dev/shm, {@code ping} and {@code pong}, raw bytes in each
 * excerpt, as the raw Chronicle baseline uses them. A queue is a log that grows with every message, so
 * the queues roll every second and each process deletes a cycle file as soon as it releases it: in a
 * ping-pong, by then the other side has read all of it.
 */
final class ChronicleQueues implements AutoCloseable {

    private final ChronicleQueue pingQueue;
    private final ChronicleQueue pongQueue;
    private final ExcerptAppender appender;
    private final ExcerptTailer tailer;
    private final Bytes<ByteBuffer> outBytes;
    private final Bytes<ByteBuffer> inBytes;

    /** {@code client} writes ping and reads pong; the peer the other way round. */
    ChronicleQueues(Path dir, boolean client, int messageSize) {
        pingQueue = open(dir.resolve("ping"));
        pongQueue = open(dir.resolve("pong"));
        appender = (client ? pingQueue : pongQueue).createAppender();
        tailer = (client ? pongQueue : pingQueue).createTailer();
        outBytes = Bytes.elasticByteBuffer(messageSize);
        inBytes = Bytes.elasticByteBuffer(messageSize);
    }

    private static ChronicleQueue open(Path dir) {
        return ChronicleQueue.singleBuilder(dir).rollCycle(TestRollCycles.TEST_SECONDLY)
                .storeFileListener((cycle, file) -> deleteQuietly(file)).build();
    }

    private static void deleteQuietly(File file) {
        if (!file.delete() && file.exists()) {
            System.err.println("raw chronicle: could not delete " + file);
        }
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
        return true;
    }

    @Override
    public void close() {
        pingQueue.close();
        pongQueue.close();
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
