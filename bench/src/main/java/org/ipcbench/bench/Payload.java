package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A benchmark message, as in real-logic/benchmarks: a timestamp and a checksum in the payload, so that
 * every echo is checked (a stale, reordered or corrupted echo fails the run) at the cost of one CRC32C.
 *
 * <pre>
 * +-----------------------+--------------------+-----------------------------+
 * | timestamp, 10 bytes   | CRC32C, 5 bytes    | body: messageSize - 15 bytes |
 * +-----------------------+--------------------+-----------------------------+
 * </pre>
 *
 * Both numbers are written 7 bits per byte with the top bit set, and the body never holds 0x0A, so a
 * payload is valid under every framing, delimited included. The body is fixed for a trial, and its
 * checksum is computed once; the receiver recomputes it over each echo.
 */
final class Payload {

    static final int TIMESTAMP_BYTES = 10;
    static final int CHECKSUM_BYTES = 5;
    static final int HEADER = TIMESTAMP_BYTES + CHECKSUM_BYTES;
    static final int MIN_SIZE = HEADER + 1;

    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();

    Payload(int size) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("messages carry a timestamp and a checksum: the message size must be "
                    + "at least " + MIN_SIZE + " bytes, not " + size);
        }
        buffer = ByteBuffer.allocateDirect(size);
        for (int i = HEADER; i < size; i++) {
            byte b = (byte) (i * 31 + 7);
            buffer.put(i, b == 0x0A ? 0x0B : b);
        }
        putSevenBit(buffer, TIMESTAMP_BYTES, CHECKSUM_BYTES, checksum(buffer));
    }

    int size() {
        return buffer.capacity();
    }

    /** The message stamped with {@code timestamp}, position 0, limit its size. Valid until the next call. */
    ByteBuffer stamp(long timestamp) {
        putSevenBit(buffer, 0, TIMESTAMP_BYTES, timestamp);
        return buffer.clear();
    }

    /** Checks an echo: its length, its checksum, and that it carries {@code expectedTimestamp}. */
    void verify(ByteBuffer echo, long expectedTimestamp) throws IOException {
        if (echo == null) {
            throw new IOException("the peer closed the connection instead of echoing");
        }
        long timestamp = timestampOf(echo);
        if (timestamp != expectedTimestamp) {
            throw new IOException("echo out of order: expected timestamp " + expectedTimestamp + ", got " + timestamp);
        }
    }

    /** Checks an echo's length and checksum and returns its timestamp. The echo's position is unchanged. */
    long timestampOf(ByteBuffer echo) throws IOException {
        if (echo.remaining() != buffer.capacity()) {
            throw new IOException("echo of " + echo.remaining() + " bytes for a message of " + buffer.capacity());
        }
        int p = echo.position();
        long expected = getSevenBit(echo, p + TIMESTAMP_BYTES, CHECKSUM_BYTES);
        long actual = checksum(echo.duplicate().position(p));
        if (expected != actual) {
            throw new IOException("echo checksum mismatch: " + Long.toHexString(actual) + " instead of "
                    + Long.toHexString(expected));
        }
        return getSevenBit(echo, p, TIMESTAMP_BYTES);
    }

    /** CRC32C of the body of the message that starts at {@code message}'s position. */
    private long checksum(ByteBuffer message) {
        ByteBuffer body = message.duplicate();
        body.position(message.position() + HEADER).limit(message.position() + buffer.capacity());
        crc.reset();
        crc.update(body);
        return crc.getValue();
    }

    private static void putSevenBit(ByteBuffer b, int at, int bytes, long value) {
        for (int i = 0; i < bytes; i++) {
            b.put(at + i, (byte) (0x80 | (value >>> (7 * i)) & 0x7F));
        }
    }

    private static long getSevenBit(ByteBuffer b, int at, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) (b.get(at + i) & 0x7F) << (7 * i);
        }
        return v;
    }
}
