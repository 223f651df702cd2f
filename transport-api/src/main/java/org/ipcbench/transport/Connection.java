package org.ipcbench.transport;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A duplex byte stream between two peers. Like a socket, each call moves <em>some</em> bytes, not
 * necessarily all that were asked for: callers loop. There are no message boundaries here.
 */
public interface Connection extends Closeable {

    /**
     * Reads at least one byte into {@code dst}, waiting for data as the connection's
     * {@link WaitStrategy} says.
     *
     * @return the number of bytes read, or -1 once the peer has shut down its output (end of stream)
     * @throws ReadTimeoutException if no byte arrived within the read timeout
     */
    int read(ByteBuffer dst) throws IOException;

    /**
     * Writes at least one byte of {@code src} (none if it is empty), waiting for room if needed.
     *
     * @return the number of bytes written, possibly fewer than {@code src.remaining()}
     */
    int write(ByteBuffer src) throws IOException;

    /** Half-close: tells the peer that no more bytes will come; reading goes on. */
    void shutdownOutput() throws IOException;

    /** Closes both directions and releases the connection's resources. */
    @Override
    void close() throws IOException;
}
