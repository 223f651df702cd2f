package org.ipcbench.transport.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedBytesStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The prefault step of a Chronicle lane: it maps in, one page per call, the pages after the one the next
 * message lands in, up to {@link QueueLanes#AHEAD}, and no further. Residency is read back with mincore
 * ({@link MappedByteBuffer#isLoaded}) through a second mapping of the same tmpfs file: the page cache is
 * shared, so a page the lane touched shows as loaded there, and a hole does not.
 */
class QueueLanesPrefaultTest {

    private static final int CHUNK = 1 << 20;
    private static final int PAGE = QueueLanes.PAGE;

    private Path file;
    private MappedBytes bytes;

    @BeforeEach
    void map() throws IOException {
        file = Files.createTempFile(ListenerDirectory.tmpfsRoot(), "ipcbench-prefault-", ".bin");
        bytes = MappedBytes.mappedBytes(file.toFile(), CHUNK);
        bytes.readVolatileByte(0); // maps the first chunk, touching page 0 only
    }

    @AfterEach
    void unmap() throws IOException {
        bytes.releaseLast();
        Files.deleteIfExists(file);
    }

    @Test
    void touchesThePagesAfterTheNextMessageOneACallUpToTheLimit() throws IOException {
        BytesStore<?, ?> store = bytes.bytesStore();
        long next = 3 * PAGE + 100; // the next message lands in page 3
        long touched = 0;
        int calls = 0;
        while (true) {
            long now = QueueLanes.touchNextPage(store, next, touched);
            if (now == touched) {
                break;
            }
            assertEquals(PAGE, now - Math.max(touched, 4L * PAGE), "one page per call");
            touched = now;
            calls++;
        }
        long end = next + QueueLanes.AHEAD;
        assertEquals(QueueLanes.AHEAD / PAGE, calls);
        assertTrue(touched >= end && touched - end < PAGE, "stops at the first page past the limit: " + touched);
        assertTrue(loaded(4L * PAGE, touched - 4L * PAGE), "pages after the next message are mapped in");
        assertFalse(loaded(touched, PAGE), "nothing past the limit");
        assertFalse(loaded(PAGE, 2 * PAGE), "nothing before the next message's page");
    }

    @Test
    void stopsAtTheEndOfTheMappedChunk() {
        MappedBytesStore store = (MappedBytesStore) bytes.bytesStore();
        long end = CHUNK; // a chunk's mapping may overlap the next chunk: find where it really ends
        while (store.inside(end, 1)) {
            end += PAGE;
        }
        long next = end - PAGE / 2;
        assertEquals(0L, QueueLanes.touchNextPage(store, next, 0L), "the next chunk is not this store's to map");
        assertEquals(end, QueueLanes.touchNextPage(store, next - PAGE, 0L),
                "the last page of the chunk is");
    }

    private boolean loaded(long offset, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer view = ch.map(FileChannel.MapMode.READ_ONLY, offset, length);
            return view.isLoaded();
        }
    }
}
