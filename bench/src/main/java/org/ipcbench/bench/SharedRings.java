package org.ipcbench.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.agrona.BitUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Two Agrona {@link OneToOneRingBuffer}s in one file in /dev/shm, mapped by both processes: {@code ping}
 * (client to peer) and {@code pong} (peer to client). Each process pre-touches every page of its mapping,
 * so no minor page fault lands inside a measurement.
 */
final class SharedRings implements AutoCloseable {

    private static final int PAGE = 4096;
    private static final int MIN_CAPACITY = 64 * 1024;

    final OneToOneRingBuffer ping;
    final OneToOneRingBuffer pong;
    private final MappedByteBuffer mapped;

    private SharedRings(MappedByteBuffer mapped, int capacity) {
        this.mapped = mapped;
        int length = capacity + RingBufferDescriptor.TRAILER_LENGTH;
        UnsafeBuffer all = new UnsafeBuffer(mapped);
        for (int i = 0; i < all.capacity(); i += PAGE) {
            all.putByte(i, all.getByte(i));
        }
        ping = new OneToOneRingBuffer(new UnsafeBuffer(mapped, 0, length));
        pong = new OneToOneRingBuffer(new UnsafeBuffer(mapped, length, length));
    }

    /** A ring big enough for the message: Agrona's one-to-one ring takes messages up to an eighth of its capacity. */
    static int capacityFor(int messageSize) {
        return Math.max(MIN_CAPACITY, BitUtil.findNextPositivePowerOfTwo(8 * (messageSize + 64)));
    }

    /** Maps (and creates, zero-filled, if it is new) the file for two rings of {@code capacity} bytes. */
    static SharedRings map(Path file, int capacity) throws IOException {
        long size = 2L * (capacity + RingBufferDescriptor.TRAILER_LENGTH);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            if (raf.length() != size) {
                raf.setLength(size);
            }
            return new SharedRings(raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, size), capacity);
        }
    }

    @Override
    public void close() {
        IoUtil.unmap(mapped);
    }
}
