package org.ipcbench.transport;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A {@link Connection} over an NIO {@link SocketChannel}. TCP, the JDK's Unix-domain channels and
 * junixsocket's channels are all SocketChannels, so the socket transports share this class and differ
 * only in how they open the channel.
 *
 * <p>How a read waits:
 * <ul>
 *   <li>{@link WaitStrategy#BLOCK} with no timeout: a plain blocking read, one system call.</li>
 *   <li>{@link WaitStrategy#BLOCK} with a timeout: a non-blocking read, then a bounded wait on a
 *       per-connection selector, because blocking channels have no read timeout.</li>
 *   <li>{@link WaitStrategy#SPIN}: a non-blocking read polled in a loop, which keeps the core busy.</li>
 * </ul>
 */
public final class ChannelConnection implements Connection {

    private final SocketChannel channel;
    private final WaitStrategy wait;
    private final Duration timeout;
    private final long timeoutNanos;
    private final String description;
    // One selector per direction, so that one thread can wait to read while another waits to write.
    private Selector readSelector;
    private Selector writeSelector;

    public ChannelConnection(SocketChannel channel, TransportOptions options, String description) throws IOException {
        this.channel = channel;
        this.wait = socketWait(options);
        this.timeout = options.readTimeout();
        this.timeoutNanos = timeout.isZero() ? Long.MAX_VALUE : timeout.toNanos();
        this.description = description;
        boolean plainBlocking = wait == WaitStrategy.BLOCK && !options.hasReadTimeout();
        channel.configureBlocking(plainBlocking);
    }

    /** The wait strategy a socket transport runs with: block unless told to spin; yield and backoff are refused. */
    public static WaitStrategy socketWait(TransportOptions options) {
        WaitStrategy w = options.waitStrategy().orElse(WaitStrategy.BLOCK);
        if (w != WaitStrategy.BLOCK && w != WaitStrategy.SPIN) {
            throw new IllegalArgumentException("socket transports wait with block or spin, not "
                    + w.name().toLowerCase(java.util.Locale.ROOT));
        }
        return w;
    }

    /**
     * Connects {@code ch} to {@code where} after {@code setup} has set its options. On failure {@code ch} is
     * closed and the error names the address; a bad option (a RuntimeException) passes through as it is.
     */
    public static ChannelConnection connect(SocketChannel ch, SocketAddress where, Address address,
                                            TransportOptions options, ChannelListener.Setup setup) throws IOException {
        try {
            setup.configure(ch);
            ch.connect(where);
            return new ChannelConnection(ch, options, address.toString());
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot connect to " + address + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The options every socket transport sets: SO_SNDBUF and SO_RCVBUF of the buffer size, after checking the wait. */
    public static void configureSocket(SocketChannel ch, TransportOptions options) throws IOException {
        socketWait(options);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, options.bufferSize());
        ch.setOption(StandardSocketOptions.SO_RCVBUF, options.bufferSize());
    }

    public SocketChannel channel() {
        return channel;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        try {
            return readSome(dst);
        } catch (AsynchronousCloseException e) {
            throw peerGone(e);
        }
    }

    private int readSome(ByteBuffer dst) throws IOException {
        if (channel.isBlocking() || !dst.hasRemaining()) {
            return channel.read(dst);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            int n = channel.read(dst);
            if (n != 0) {
                return n;
            }
            if (wait == WaitStrategy.SPIN) {
                Thread.onSpinWait();
                if (System.nanoTime() - deadline > 0) {
                    throw timedOut(SelectionKey.OP_READ);
                }
            } else {
                awaitReady(SelectionKey.OP_READ, deadline);
            }
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        try {
            return writeSome(src);
        } catch (AsynchronousCloseException e) {
            throw peerGone(e);
        }
    }

    private int writeSome(ByteBuffer src) throws IOException {
        if (channel.isBlocking() || !src.hasRemaining()) {
            return channel.write(src);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            int n = channel.write(src);
            if (n != 0) {
                return n;
            }
            if (wait == WaitStrategy.SPIN) {
                Thread.onSpinWait();
                if (System.nanoTime() - deadline > 0) {
                    throw timedOut(SelectionKey.OP_WRITE);
                }
            } else {
                awaitReady(SelectionKey.OP_WRITE, deadline);
            }
        }
    }

    private void awaitReady(int op, long deadline) throws IOException {
        if (System.nanoTime() - deadline > 0) {
            throw timedOut(op);
        }
        Selector selector = op == SelectionKey.OP_READ ? readSelector : writeSelector;
        if (selector == null) {
            selector = channel.provider().openSelector();
            channel.register(selector, op);
            if (op == SelectionKey.OP_READ) {
                readSelector = selector;
            } else {
                writeSelector = selector;
            }
        }
        long left = deadline - System.nanoTime();
        long millis = timeoutNanos == Long.MAX_VALUE ? 0 : Math.max(1, left / 1_000_000);
        selector.select(millis);
        selector.selectedKeys().clear();
    }

    /**
     * junixsocket closes its channel on a broken pipe and throws an AsynchronousCloseException caused by the real
     * error; say what that was, as the JDK's channels do. A close by another thread has no cause and is left alone.
     */
    private static IOException peerGone(AsynchronousCloseException e) {
        if (e.getCause() == null || e instanceof ClosedByInterruptException) {
            return e;
        }
        return new IOException(e.getCause().getMessage(), e);
    }

    private ReadTimeoutException timedOut(int op) {
        return op == SelectionKey.OP_WRITE ? ReadTimeoutException.onWrite(timeout) : new ReadTimeoutException(timeout);
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        try (Selector r = readSelector; Selector w = writeSelector) {
            channel.close();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
