package org.ipcbench.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings shared by every transport. Immutable; each {@code with} method returns a copy.
 *
 * <p>The buffer size is the read chunk and, where a transport has them, the socket send and receive
 * buffers. The socket HOWTO suggests 4096 or 8192; both are studied, and any power of two from
 * {@value #MIN_BUFFER_SIZE} to {@value #MAX_BUFFER_SIZE} is accepted.
 */
public final class TransportOptions {

    public static final int DEFAULT_BUFFER_SIZE = 4096;
    public static final int MIN_BUFFER_SIZE = 512;
    public static final int MAX_BUFFER_SIZE = 1 << 20;

    private static final TransportOptions DEFAULTS =
            new TransportOptions(DEFAULT_BUFFER_SIZE, Duration.ZERO, IoModel.BLOCKING, null);

    private final int bufferSize;
    private final Duration readTimeout;
    private final IoModel io;
    private final WaitStrategy wait;

    private TransportOptions(int bufferSize, Duration readTimeout, IoModel io, WaitStrategy wait) {
        this.bufferSize = checkBufferSize(bufferSize);
        this.readTimeout = checkTimeout(readTimeout);
        this.io = Objects.requireNonNull(io, "io");
        this.wait = wait;
    }

    public static TransportOptions defaults() {
        return DEFAULTS;
    }

    /** Refuses any buffer size that is not a power of two from 512 to 1 MiB. */
    public static int checkBufferSize(int size) {
        if (size < MIN_BUFFER_SIZE || size > MAX_BUFFER_SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("buffer size must be a power of two from " + MIN_BUFFER_SIZE
                    + " to " + MAX_BUFFER_SIZE + " bytes, not " + size);
        }
        return size;
    }

    private static Duration checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "readTimeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("read timeout must not be negative: " + timeout);
        }
        return timeout;
    }

    public int bufferSize() {
        return bufferSize;
    }

    /** How long a read may wait for its first byte; zero means forever. */
    public Duration readTimeout() {
        return readTimeout;
    }

    public boolean hasReadTimeout() {
        return !readTimeout.isZero();
    }

    /** The server model: thread per connection, or one selector loop. */
    public IoModel io() {
        return io;
    }

    /** The wait strategy the user asked for, if any; each transport has its own default. */
    public Optional<WaitStrategy> waitStrategy() {
        return Optional.ofNullable(wait);
    }

    public TransportOptions withBufferSize(int bufferSize) {
        return new TransportOptions(bufferSize, readTimeout, io, wait);
    }

    public TransportOptions withReadTimeout(Duration readTimeout) {
        return new TransportOptions(bufferSize, readTimeout, io, wait);
    }

    public TransportOptions withIo(IoModel io) {
        return new TransportOptions(bufferSize, readTimeout, io, wait);
    }

    public TransportOptions withWait(WaitStrategy wait) {
        return new TransportOptions(bufferSize, readTimeout, io, wait);
    }

    @Override
    public String toString() {
        return "bufferSize=" + bufferSize + ", readTimeout=" + readTimeout + ", io=" + io
                + ", wait=" + (wait == null ? "default" : wait);
    }
}
