package org.ipcbench.transport;

import java.nio.ByteBuffer;

/**
 * Turns bytes, in whatever pieces they arrive, back into messages. Feed it each chunk that was read;
 * it copies what it needs into one reusable message buffer, so a header split across reads, several
 * messages in one read, and a message far larger than the read chunk all come out the same. A message
 * that lies whole in one chunk, the usual case for small ones, is not copied: it is handed out as a view
 * of that chunk ({@link #completeWith}).
 *
 * <p>Not thread-safe: one decoder per connection.
 */
public abstract class FrameDecoder {

    private static final int INITIAL_CAPACITY = 256;

    protected final int maxFrameSize;
    private ByteBuffer message;
    private boolean ready;
    private ByteBuffer view;   // a duplicate of the last chunk a message was whole in; reused while the chunk is
    private ByteBuffer viewOf; // the same buffer, so a connection's steady reads allocate nothing
    private boolean inPlace;   // the ready message is the view, not the copy

    protected FrameDecoder(int maxFrameSize, int initialCapacity) {
        this.maxFrameSize = maxFrameSize;
        this.message = ByteBuffer.allocate(Math.max(0, initialCapacity));
    }

    protected FrameDecoder(int maxFrameSize) {
        this(maxFrameSize, Math.min(INITIAL_CAPACITY, maxFrameSize));
    }

    /**
     * Consumes bytes from {@code in} up to the end of the next message.
     *
     * @return true when a whole message is ready in {@link #message()}; the bytes after it stay in {@code in}
     * @throws FramingException for a frame this receiver refuses, such as one above the maximum frame size
     */
    public final boolean decode(ByteBuffer in) throws FramingException {
        startNext();
        return decodeMore(in);
    }

    /**
     * Tells the decoder that the stream has ended.
     *
     * @return true if the end completes a message (as it does for {@code close} framing); false if it came cleanly between messages
     * @throws ConnectionClosedException if the stream ended in the middle of a message; the message says how far it got
     */
    public final boolean endOfStream() throws ConnectionClosedException {
        startNext();
        return endOfStreamReached();
    }

    /**
     * The last whole message, from position to limit. Valid until the next call to decode or endOfStream, and
     * until the chunk it was decoded from is changed: it may be a view of that chunk, so its position need not
     * be 0, it is direct or read-only if the chunk is, and writing into it writes into the chunk.
     */
    public final ByteBuffer message() {
        if (!ready) {
            throw new IllegalStateException("no whole message yet");
        }
        return inPlace ? view : message;
    }

    protected abstract boolean decodeMore(ByteBuffer in) throws FramingException;

    protected abstract boolean endOfStreamReached() throws ConnectionClosedException;

    /** Bytes of the current message received so far. */
    protected final int received() {
        return message.position();
    }

    /** Makes room for a message of {@code length} bytes; callers have checked it against the maximum. */
    protected final void reserve(int length) {
        if (message.capacity() < length) {
            int grown = (int) Math.min(maxFrameSize, Math.max((long) length, 2L * message.capacity()));
            ByteBuffer bigger = ByteBuffer.allocate(grown);
            message.flip();
            bigger.put(message);
            message = bigger;
        }
    }

    /** Copies {@code n} bytes from {@code in} into the message. */
    protected final void take(ByteBuffer in, int n) {
        reserve(message.position() + n);
        int from = in.position();
        message.put(message.position(), in, from, n);
        message.position(message.position() + n);
        in.position(from + n);
    }

    /** Marks the message whole. */
    protected final boolean complete() {
        message.flip();
        ready = true;
        return true;
    }

    /**
     * Completes the message with the next {@code n} bytes of {@code in}. If none of it was taken before, the
     * message is those bytes in place, a view of {@code in}, and nothing is copied; otherwise they are taken.
     */
    protected final boolean completeWith(ByteBuffer in, int n) {
        if (received() > 0) {
            take(in, n);
            return complete();
        }
        if (viewOf != in) {
            view = in.duplicate();
            viewOf = in;
        }
        int from = in.position();
        view.limit(from + n);
        view.position(from);
        in.position(from + n);
        inPlace = true;
        ready = true;
        return true;
    }

    private void startNext() {
        if (ready) {
            message.clear();
            ready = false;
            inPlace = false;
            reset();
        }
    }

    /** Clears per-message state once a message has been handed out. */
    protected void reset() {
    }
}
