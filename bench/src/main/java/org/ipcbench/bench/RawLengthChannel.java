package org.ipcbench.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The raw socket baseline's wire: a plain JDK {@link SocketChannel} carrying length-prefixed messages
 * (4 bytes big-endian, then the payload), with none of ipcbench's transport code. What an experienced
 * programmer would write by hand, so each socket transport has a floor to be held against.
 *
 * <p>{@code spin} makes the channel non-blocking and polls it in a loop, as ipcbench's {@code --wait spin}.
 */
final class RawLengthChannel implements AutoCloseable {

    private final SocketChannel channel;
    private final boolean spin;
    private final ByteBuffer out;
    private final ByteBuffer in;

    RawLengthChannel(SocketChannel channel, int bufferSize, boolean spin, int maxMessage) throws IOException {
        this.channel = channel;
        this.spin = spin;
        if (channel.getRemoteAddress() instanceof java.net.InetSocketAddress) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        channel.setOption(StandardSocketOptions.SO_SNDBUF, bufferSize);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, bufferSize);
        channel.configureBlocking(!spin);
        this.out = ByteBuffer.allocateDirect(4 + maxMessage);
        this.in = ByteBuffer.allocateDirect(4 + maxMessage);
    }

    /** Opens a client channel to {@code tcp:HOST:PORT} or {@code unix:PATH}. */
    static SocketChannel connect(String address) throws IOException {
        return SocketChannel.open(RawSocketPeer.socketAddress(address));
    }

    /** Sends the payload (position to limit, left unchanged) with its length in front, in one write when it fits. */
    void send(ByteBuffer payload) throws IOException {
        out.clear();
        out.putInt(payload.remaining());
        out.put(payload.duplicate());
        out.flip();
        while (out.hasRemaining()) {
            if (channel.write(out) == 0 && spin) {
                Thread.onSpinWait();
            }
        }
    }

    /** Receives one message: valid until the next call. */
    ByteBuffer receive() throws IOException {
        in.clear().limit(4);
        fill();
        int length = in.getInt(0);
        if (length < 0 || length > in.capacity() - 4) {
            throw new IOException("raw baseline: bad length " + length);
        }
        in.limit(4 + length);
        fill();
        return in.position(4);
    }

    private void fill() throws IOException {
        while (in.hasRemaining()) {
            int n = channel.read(in);
            if (n < 0) {
                throw new EOFException("raw baseline: the peer closed the connection");
            }
            if (n == 0) {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
