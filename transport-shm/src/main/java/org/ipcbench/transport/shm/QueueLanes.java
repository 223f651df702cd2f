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
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
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
 * <p><b>Bounded size.</b> A queue keeps everything it is given, so the lanes roll every second
 * ({@link TestRollCycles#TEST_SECONDLY}, the only cycle shorter than five minutes) and the reader deletes
 * a cycle file as soon as its tailer has moved to a later cycle: the writer has then finished with it, and
 * a file unlinked on tmpfs frees its pages once the last mapping goes. So a lane holds at most about two
 * seconds of its traffic, whatever the length of the run. The bound needs a reader that keeps up: a queue
 * never refuses a write, so a writer whose peer stops reading (but lives) grows its lane until the peer
 * reads again or closes. The price of the short cycle is a roll each second, which costs the writer a
 * new file (Chronicle logs "Took ... us to grow file", a few milliseconds on a loaded machine).
 *
 * <p><b>Page faults.</b> A log puts every message on memory nobody has touched: about one write in fifty
 * (64-byte messages) crosses into a new page and takes a minor fault, page allocation and zeroing
 * included, microseconds inside a round trip, in the p99. So the reader, while it waits, maps in the
 * {@value #AHEAD}-byte stretch after where the next message will land, a page per idle step
 * ({@link #prefault}): in the inbound lane (its own pages; the writer then finds them allocated) and in
 * the outbound lane (which makes the writer's next writes fault-free; done only while no write is inside,
 * since the appender is the writer's). Touching is a volatile read of one byte: the writer's bytes are
 * never written, so it cannot race with them. Chronicle's own pretoucher is an Enterprise feature.
 */
final class QueueLanes implements Lanes {

    static final int MAX_ENTRY = 256 * 1024;
    static final int PAGE = 4096;
    /** How far ahead of the next message the reader maps memory in: a few hundred small messages. */
    static final int AHEAD = 64 * 1024;
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
    private int entryOffset; // bytes of the current inbound entry already read, after its type byte
    private int readCycle = Integer.MIN_VALUE;
    // Prefaulting, inbound: the reader thread only. The store is the tailer's chunk at the last read, valid
    // while the tailer stays in readCycle (a roll releases it).
    private BytesStore<?, ?> inStore;
    private long inNext;
    private long inTouched;
    // Prefaulting, outbound: under the write side (the writer, or the reader that borrowed it).
    private int outCycle = Integer.MIN_VALUE;
    private long outTouched;
    private volatile boolean outWanted;

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
            inStore = bytes.bytesStore();
            inNext = bytes.readLimit();
        }
        int cycle = tailer.cycle();
        if (cycle != readCycle) {
            readCycle = cycle;
            inTouched = 0;
            deletePassedCycles(cycle);
        }
        return n;
    }

    @Override
    public boolean prefault(boolean writerHeld) {
        if (writerHeld) {
            Wire w = appender.wire();
            if (w != null) {
                int cycle = appender.cycle();
                if (cycle != outCycle) {
                    outCycle = cycle;
                    outTouched = 0;
                }
                Bytes<?> bytes = w.bytes();
                long touched = touchNextPage(bytes.bytesStore(), bytes.writePosition(), outTouched);
                outWanted = touched != outTouched; // no progress: caught up, or the chunk ends; a write re-arms it
                outTouched = touched;
            }
            return false;
        }
        if (inStore != null && tailer.cycle() == readCycle) {
            inTouched = touchNextPage(inStore, inNext, inTouched);
        }
        return outWanted;
    }

    /**
     * Maps in the first page after the one holding {@code next} that is not yet mapped ({@code touched} is
     * where the mapped stretch ends), if it lies within {@link #AHEAD} and inside {@code store}'s chunk.
     *
     * @return where the mapped stretch ends now
     */
    static long touchNextPage(BytesStore<?, ?> store, long next, long touched) {
        long page = Math.max(touched, (next & -PAGE) + PAGE);
        if (page >= next + AHEAD || !(store instanceof MappedBytesStore)
                || !((MappedBytesStore) store).inside(page, 1)) {
            return touched;
        }
        store.readVolatileByte(page);
        return page + PAGE;
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
        src.limit(start + Math.min(src.remaining(), MAX_ENTRY));
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> bytes = dc.wire().bytes();
            bytes.writeByte(DATA);
            bytes.writeSome(src);
        } finally {
            src.limit(limit);
        }
        if (!outWanted) {
            outWanted = true; // the reader maps in what comes after, when it next waits
        }
        return src.position() - start;
    }

    @Override
    public boolean offerEnd() {
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().writeByte(END);
        }
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
        }
    }
}
