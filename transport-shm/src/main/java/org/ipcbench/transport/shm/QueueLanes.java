package org.ipcbench.transport.shm;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.ipcbench.transport.TransportOptions;

/**
 * The lanes of {@code shm:} as two Chronicle Queues, one per direction:
 *
 * <pre>
 * conn-4242-0/
 * ├── c2s/                         0700; the client appends, the server tails
 * │   ├── metadata.cq4t            Chronicle's table of cycles and locks
 * │   └── 20261123-223326T.cq4     the current cycle file (sparse, 80 MiB mapped, pages touched as written)
 * └── s2c/                         the same, the other way
 * </pre>
 *
 * <p>Each {@link #offer} appends one entry: a type byte, {@code D} for data or {@code E} for the end of the
 * stream, then at most {@value #MAX_ENTRY} bytes. A read that cannot take a whole entry copies what fits,
 * rolls the tailer back, and skips the consumed bytes on the next read: no copy of leftovers, no allocation.
 *
 * <p>An entry is staged in a buffer of this end's and appended with {@link ExcerptAppender#writeBytes}, the
 * path the raw Chronicle baseline takes, not written in place through {@code writingDocument()}, which
 * re-positions the appender from the store on every call. Measured at 64 B, two processes, spinning, in the same hour: the
 * document path cost 1.2x to 1.5x the baseline's round trip, this path 0.7x to 0.9x (README). The staging copy
 * is the one the baseline makes too.
 *
 * <p><b>Page faults.</b> A log lands every message on fresh memory, so about one write in fifty (64 B) maps
 * a new page: 68 to 77 minor faults per 1,000 round trips, for the baseline and for this class alike.
 * Touching the pages ahead while waiting lowered neither that count nor the p99 (measured on and off,
 * README), so nothing here pre-touches.
 *
 * <p><b>Bounded size.</b> A queue keeps everything it is given, so the lanes roll every second
 * ({@link TestRollCycles#TEST_SECONDLY}, the only cycle shorter than five minutes) and the reader deletes
 * a cycle file as soon as its tailer has moved to a later cycle: the writer has then finished with it, and
 * a file unlinked on tmpfs frees its pages once the last mapping goes. So a lane holds at most about two
 * seconds of its traffic, whatever the length of the run. The bound needs a reader that keeps up: a queue
 * never refuses a write, so a writer whose peer stops reading (but lives) grows its lane until the peer
 * reads again or closes. The price of the short cycle is a roll each second, which costs the writer a
 * new file (Chronicle logs "Took ... us to grow file", a few milliseconds on a loaded machine).
 */
final class QueueLanes implements Lanes {

    static final int MAX_ENTRY = 256 * 1024;
    static final RollCycle ROLL_CYCLE = TestRollCycles.TEST_SECONDLY;
    private static final byte DATA = 'D';
    private static final byte END = 'E';

    static final Lanes.Factory FACTORY = new Lanes.Factory() {
        @Override
        public String scheme() {
            return ShmTransport.SCHEME;
        }

        @Override
        public void prepare(ConnectionDirectory dir, TransportOptions options) throws IOException {
            PrivateDirectory.create(dir.lane(ConnectionDirectory.Side.CLIENT));
            PrivateDirectory.create(dir.lane(ConnectionDirectory.Side.SERVER));
        }

        @Override
        public Lanes open(ConnectionDirectory dir, ConnectionDirectory.Side side, TransportOptions options) {
            return new QueueLanes(dir.lane(side), dir.lane(side.peer()));
        }
    };

    private final SingleChronicleQueue outQueue;
    private final SingleChronicleQueue inQueue;
    private final ExcerptAppender appender;
    private final ExcerptTailer tailer;
    /** Cycle files of the inbound queue the tailer has opened, by cycle: deleted once it moves past them. */
    private final ConcurrentSkipListMap<Integer, File> inCycles = new ConcurrentSkipListMap<>();
    /** The next entry, staged: one type byte, then the payload. Written by the writer thread only. */
    private final Bytes<ByteBuffer> staging = Bytes.elasticByteBuffer(1 + 4096, 1 + MAX_ENTRY);
    private int entryOffset; // bytes of the current inbound entry already read, after its type byte
    private int readCycle = Integer.MIN_VALUE;

    private QueueLanes(Path out, Path in) {
        SingleChronicleQueue o = null;
        SingleChronicleQueue i = null;
        try {
            o = SingleChronicleQueueBuilder.binary(out).rollCycle(ROLL_CYCLE).build();
            i = SingleChronicleQueueBuilder.binary(in).rollCycle(ROLL_CYCLE)
                    .storeFileListener(new StoreFileListener() {
                        @Override
                        public void onAcquired(int cycle, File file) {
                            inCycles.put(cycle, file);
                        }

                        @Override
                        public void onReleased(int cycle, File file) {
                            // deletion waits for the tailer to move on; see deletePassedCycles
                        }
                    }).build();
            appender = o.createAppender();
            tailer = i.createTailer();
        } catch (RuntimeException e) {
            staging.releaseLast();
            if (i != null) {
                i.close();
            }
            if (o != null) {
                o.close();
            }
            throw e;
        }
        outQueue = o;
        inQueue = i;
        // One reader thread and one writer thread, which need not be the threads that opened the queues.
        appender.singleThreadedCheckDisabled(true);
        tailer.singleThreadedCheckDisabled(true);
        staging.singleThreadedCheckDisabled(true);
    }

    @Override
    public int poll(ByteBuffer dst) {
        int n;
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return 0;
            }
            Bytes<?> bytes = dc.wire().bytes();
            if (bytes.readByte() == END) {
                return -1;
            }
            if (entryOffset > 0) {
                bytes.readSkip(entryOffset);
            }
            long left = bytes.readRemaining();
            n = (int) Math.min(left, dst.remaining());
            int limit = dst.limit();
            dst.limit(dst.position() + n);
            bytes.read(dst);
            dst.limit(limit);
            if (n < left) {
                entryOffset += n;
                dc.rollbackOnClose(); // the rest of this entry is the next read's
            } else {
                entryOffset = 0;
            }
        }
        int cycle = tailer.cycle();
        if (cycle != readCycle) {
            readCycle = cycle;
            deletePassedCycles(cycle);
        }
        return n;
    }

    /** Deletes the inbound cycle files before {@code current}: the tailer is past them, the writer is too. */
    private void deletePassedCycles(int current) {
        Iterator<Map.Entry<Integer, File>> passed = inCycles.headMap(current).entrySet().iterator();
        while (passed.hasNext()) {
            File f = passed.next().getValue();
            try {
                Files.deleteIfExists(f.toPath());
            } catch (IOException e) {
                // it goes with the connection directory on close
            }
            passed.remove();
        }
    }

    @Override
    public int offer(ByteBuffer src) {
        int start = src.position();
        int limit = src.limit();
        staging.clear();
        staging.writeByte(DATA);
        src.limit(start + Math.min(src.remaining(), MAX_ENTRY));
        try {
            staging.writeSome(src);
        } finally {
            src.limit(limit);
        }
        appender.writeBytes(staging);
        return src.position() - start;
    }

    @Override
    public boolean offerEnd() {
        staging.clear();
        staging.writeByte(END);
        appender.writeBytes(staging);
        return true;
    }

    @Override
    public void release() {
        try {
            appender.close();
            tailer.close();
        } finally {
            outQueue.close();
            inQueue.close();
            staging.releaseLast();
        }
    }
}
