package org.ipcbench.transport.shm;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

import org.agrona.IoUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.ipcbench.transport.TransportOptions;

/**
 * The lanes of {@code shm-ring:} as two Agrona {@link OneToOneRingBuffer}s, each over a memory-mapped
 * file on tmpfs:
 *
 * <pre>
 * conn-4242-0/
 * ├── c2s    ring the client writes and the server reads
 * └── s2c    ring the server writes and the client reads
 *
 * one ring file, capacity C = max(64 KiB, 8 x buffer size), a power of two:
 * +------------------------------------------+------------------------------------------+
 * | records, C bytes                         | trailer (RingBufferDescriptor, 768 bytes)|
 * | [len|type|bytes, 8-byte aligned] ...     | tail, head cache, head, correlation, ...  |
 * +------------------------------------------+------------------------------------------+
 * </pre>
 *
 * <p>A record is type {@value #DATA} (bytes of the stream) or {@value #END} (the writer shut its output).
 * A write larger than the ring's largest record ({@code C / 8}) is split: each {@link #offer} writes at most
 * one record. A read copies as many records as fit; one that does not fit whole is copied in part and left
 * in the ring ({@link ControlledMessageHandler.Action#ABORT}), and the next read skips what was copied.
 *
 * <p>The files are a fixed size, so the lanes never grow. Both ends touch every page of both files when
 * they map them ({@link #preTouch}), so that no message pays for a page fault later. The client creates
 * the files before its hello; the server maps the existing ones.
 */
final class RingLanes implements Lanes {

    static final int MIN_CAPACITY = 64 * 1024;
    private static final int DATA = 1;
    private static final int END = 2;
    private static final int PAGE = 4096;

    static final Lanes.Factory FACTORY = new Lanes.Factory() {
        @Override
        public String scheme() {
            return ShmRingTransport.SCHEME;
        }

        @Override
        public void prepare(ConnectionDirectory dir, TransportOptions options) {
            long length = fileLength(options);
            IoUtil.unmap(IoUtil.mapNewFile(dir.lane(ConnectionDirectory.Side.CLIENT).toFile(), length, false));
            IoUtil.unmap(IoUtil.mapNewFile(dir.lane(ConnectionDirectory.Side.SERVER).toFile(), length, false));
        }

        @Override
        public Lanes open(ConnectionDirectory dir, ConnectionDirectory.Side side, TransportOptions options)
                throws IOException {
            return new RingLanes(dir.lane(side).toFile(), dir.lane(side.peer()).toFile());
        }
    };

    private final MappedByteBuffer outFile;
    private final MappedByteBuffer inFile;
    private final OneToOneRingBuffer out;
    private final OneToOneRingBuffer in;
    private final int maxRecord;
    private final Reader reader = new Reader();
    private final UnsafeBuffer source = new UnsafeBuffer(new byte[0]); // a view of the last buffer offered

    private RingLanes(File outPath, File inPath) throws IOException {
        outFile = map(outPath);
        MappedByteBuffer i;
        try {
            i = map(inPath);
        } catch (IOException | RuntimeException e) {
            IoUtil.unmap(outFile);
            throw e;
        }
        inFile = i;
        UnsafeBuffer outBuffer = new UnsafeBuffer(outFile);
        UnsafeBuffer inBuffer = new UnsafeBuffer(inFile);
        preTouch(outBuffer);
        preTouch(inBuffer);
        out = new OneToOneRingBuffer(outBuffer);
        in = new OneToOneRingBuffer(inBuffer);
        maxRecord = out.maxMsgLength();
    }

    /** The ring's capacity for these options: at least 64 KiB, and room for eight reads of the buffer size. */
    static int capacity(TransportOptions options) {
        return Math.max(MIN_CAPACITY, 8 * options.bufferSize());
    }

    static long fileLength(TransportOptions options) {
        return capacity(options) + RingBufferDescriptor.TRAILER_LENGTH;
    }

    private static MappedByteBuffer map(File f) throws IOException {
        if (!f.isFile()) {
            throw new IOException("ring file " + f + " is missing");
        }
        return IoUtil.mapExistingFile(f, f.getName());
    }

    /**
     * Touches every page of the mapping in this process, so that the first message through a page does not
     * take a minor fault. Adding zero atomically writes without changing a byte, so it is safe while the peer
     * already uses the ring.
     */
    static void preTouch(UnsafeBuffer buffer) {
        for (int i = 0; i + Long.BYTES <= buffer.capacity(); i += PAGE) {
            buffer.getAndAddLong(i, 0);
        }
    }

    @Override
    public int poll(ByteBuffer dst) {
        reader.dst = dst;
        reader.copied = 0;
        reader.ended = false;
        in.controlledRead(reader);
        reader.dst = null;
        int copied = reader.copied;
        return copied == 0 && reader.ended ? -1 : copied;
    }

    @Override
    public int offer(ByteBuffer src) {
        int n = Math.min(src.remaining(), maxRecord);
        if (source.byteBuffer() != src) {
            source.wrap(src); // a writer sends from the same buffer every time: wrapped once
        }
        int at = src.position();
        if (!out.write(DATA, source, at, n)) {
            return 0;
        }
        src.position(at + n);
        return n;
    }

    @Override
    public boolean offerEnd() {
        int index = out.tryClaim(END, 0);
        if (index < 0) {
            return false;
        }
        out.commit(index);
        return true;
    }

    @Override
    public void release() {
        IoUtil.unmap(outFile);
        IoUtil.unmap(inFile);
    }

    /** Copies records into the reader's buffer; a field, so that a read allocates nothing. */
    private static final class Reader implements ControlledMessageHandler {
        ByteBuffer dst;
        int copied;
        boolean ended;
        private int recordOffset; // bytes of the first record in the ring already copied by an earlier read

        @Override
        public Action onMessage(int type, MutableDirectBuffer buffer, int index, int length) {
            if (type == END) {
                if (copied > 0) {
                    return Action.ABORT; // end of stream after these bytes: the next read sees it
                }
                ended = true;
                return Action.BREAK;
            }
            int skip = recordOffset;
            int n = Math.min(length - skip, dst.remaining());
            buffer.getBytes(index + skip, dst, n);
            copied += n;
            if (skip + n < length) {
                recordOffset = skip + n;
                return Action.ABORT; // keep the rest of this record in the ring
            }
            recordOffset = 0;
            return dst.hasRemaining() ? Action.CONTINUE : Action.BREAK;
        }
    }
}
