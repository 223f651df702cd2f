package org.ipcbench.transport;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Messages over a {@link Connection}, with blocking calls: the loops the socket HOWTO leaves "as an
 * exercise for the reader". {@link #send} writes until the whole frame is out; {@link #receive} reads
 * chunks of the buffer size until a whole message is in, keeping any bytes past it for the next call.
 *
 * <p>Buffers are reused, so a steady exchange allocates nothing. Not thread-safe.
 */
public final class FramedConnection implements Closeable {

    private final Connection connection;
    private final Framing framing;
    private final FrameDecoder decoder;
    private final ByteBuffer in;
    private ByteBuffer out;
    private boolean endOfStream;
    private long shortWrites;

    public FramedConnection(Connection connection, Framing framing, int bufferSize) {
        this.connection = connection;
        this.framing = framing;
        this.decoder = framing.newDecoder();
        this.in = ByteBuffer.allocateDirect(TransportOptions.checkBufferSize(bufferSize)).flip();
        this.out = ByteBuffer.allocateDirect(bufferSize);
    }

    public Connection connection() {
        return connection;
    }

    public Framing framing() {
        return framing;
    }

    /**
     * Sends one message: the payload from its position to its limit, which is left unchanged. With
     * {@code close} framing this also shuts down the output, since the end of stream ends the message.
     *
     * @throws IllegalArgumentException if the framing cannot carry the payload; nothing is sent then
     */
    public void send(ByteBuffer payload) throws IOException {
        framing.checkPayload(payload);
        int frameLength = framing.frameLength(payload.remaining());
        if (out.capacity() < frameLength) {
            out = ByteBuffer.allocateDirect(frameLength);
        }
        out.clear();
        framing.encode(payload, out);
        out.flip();
        writeFully(out);
        if (framing.endsConnection()) {
            connection.shutdownOutput();
        }
    }

    /** Writes every byte of {@code src}, calling the connection as often as it takes. */
    public void writeFully(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            int asked = src.remaining();
            if (connection.write(src) < asked) {
                shortWrites++;
            }
        }
    }

    /**
     * Receives the next message.
     *
     * @return the message, from position to limit, valid until the next call (often a view of the read buffer:
     *         its position need not be 0, and it may be direct); or null at a clean end of stream between messages
     * @throws ConnectionClosedException if the stream ended inside a message
     * @throws FramingException if the peer sent a frame this side refuses
     * @throws ReadTimeoutException if the connection's read timeout passed with no data
     */
    public ByteBuffer receive() throws IOException {
        if (endOfStream) {
            return null;
        }
        while (true) {
            if (in.hasRemaining() && decoder.decode(in)) {
                return decoder.message();
            }
            in.compact();
            int n = connection.read(in);
            in.flip();
            if (n < 0) {
                endOfStream = true;
                return decoder.endOfStream() ? decoder.message() : null;
            }
        }
    }

    /** How many writes moved fewer bytes than were offered: the HOWTO's "send does not always send everything". */
    public long shortWrites() {
        return shortWrites;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
