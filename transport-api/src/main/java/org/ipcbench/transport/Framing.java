package org.ipcbench.transport;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/**
 * How messages are carried over a byte stream, which has no boundaries of its own. The socket HOWTO
 * names the four ways: messages are fixed length, or delimited, or say how long they are, or end by
 * shutting down the connection. Each is one subclass, and its javadoc draws its wire format.
 *
 * <p>A framing is written once, over any {@link Connection}: the blocking {@link FramedConnection} and
 * the non-blocking {@link SelectorServer} share its encoder and its {@link FrameDecoder}.
 *
 * <p>Every framing has a maximum frame size, {@value #DEFAULT_MAX_FRAME_SIZE} bytes unless configured,
 * so that no peer can make a receiver allocate without bound.
 */
public abstract sealed class Framing permits FixedFraming, DelimitedFraming, LengthFraming, CloseFraming {

    public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;
    /** Frames are Java arrays, so a maximum above this could not be honoured. */
    public static final int LARGEST_MAX_FRAME_SIZE = 1 << 30;
    public static final List<String> NAMES = List.of("fixed", "delimited", "length", "close");

    private final int maxFrameSize;

    Framing(int maxFrameSize) {
        if (maxFrameSize < 1 || maxFrameSize > LARGEST_MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("maximum frame size must be from 1 to " + LARGEST_MAX_FRAME_SIZE
                    + " bytes, not " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * The framing called {@code name}: one of {@link #NAMES}. {@code messageSize} is the message
     * length for {@code fixed} and is ignored by the others.
     */
    public static Framing of(String name, int messageSize, int maxFrameSize) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "fixed":
                return new FixedFraming(messageSize, maxFrameSize);
            case "delimited":
                return new DelimitedFraming(maxFrameSize);
            case "length":
                return new LengthFraming(maxFrameSize);
            case "close":
                return new CloseFraming(maxFrameSize);
            default:
                throw new IllegalArgumentException("unknown framing '" + name + "'; expected one of "
                        + String.join(", ", NAMES));
        }
    }

    /** The name used on the command line and in results: fixed, delimited, length or close. */
    public abstract String name();

    public final int maxFrameSize() {
        return maxFrameSize;
    }

    /**
     * Refuses, with a message that says why, a payload this framing cannot carry: the wrong size for
     * {@code fixed}, one holding the delimiter for {@code delimited}, or one above the maximum frame size.
     */
    public void checkPayload(ByteBuffer payload) {
        if (payload.remaining() > maxFrameSize) {
            throw new IllegalArgumentException(name() + " framing: a payload of " + payload.remaining()
                    + " bytes exceeds the maximum frame size of " + maxFrameSize + " bytes");
        }
    }

    /** Bytes on the wire for a payload of {@code payloadLength} bytes. */
    public abstract int frameLength(int payloadLength);

    /**
     * Appends the frame for {@code payload} to {@code out}, which must have {@link #frameLength} bytes
     * of room. The payload's position is left unchanged. Call {@link #checkPayload} first.
     */
    public abstract void encode(ByteBuffer payload, ByteBuffer out);

    /** Whether the sender ends a message by shutting down its output, so one connection carries one message. */
    public boolean endsConnection() {
        return false;
    }

    /** A fresh decoder, one per connection: it keeps the state of a message that is split across reads. */
    public abstract FrameDecoder newDecoder();

    static void copyPayload(ByteBuffer payload, ByteBuffer out) {
        int n = payload.remaining();
        out.put(out.position(), payload, payload.position(), n);
        out.position(out.position() + n);
    }

    @Override
    public String toString() {
        return name();
    }
}
