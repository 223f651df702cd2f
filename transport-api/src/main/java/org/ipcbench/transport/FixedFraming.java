package org.ipcbench.transport;

import java.nio.ByteBuffer;

/**
 * Every message is exactly {@code messageSize} bytes, with nothing else on the wire.
 *
 * <pre>
 *  0                   messageSize
 * +---------------------+
 * |       payload       |   exactly messageSize bytes, no header, no trailer
 * +---------------------+
 * </pre>
 *
 * The cheapest framing on the wire, and the least flexible: both sides must agree on the size.
 */
public final class FixedFraming extends Framing {

    private final int messageSize;

    FixedFraming(int messageSize, int maxFrameSize) {
        super(maxFrameSize);
        if (messageSize < 1 || messageSize > maxFrameSize) {
            throw new IllegalArgumentException("fixed framing needs a message size from 1 to the maximum frame size of "
                    + maxFrameSize + " bytes, not " + messageSize);
        }
        this.messageSize = messageSize;
    }

    @Override
    public String name() {
        return "fixed";
    }

    public int messageSize() {
        return messageSize;
    }

    @Override
    public void checkPayload(ByteBuffer payload) {
        if (payload.remaining() != messageSize) {
            throw new IllegalArgumentException("fixed framing carries messages of exactly " + messageSize
                    + " bytes; this payload has " + payload.remaining());
        }
    }

    @Override
    public int frameLength(int payloadLength) {
        return payloadLength;
    }

    @Override
    public void encode(ByteBuffer payload, ByteBuffer out) {
        copyPayload(payload, out);
    }

    @Override
    public FrameDecoder newDecoder() {
        return new Decoder(messageSize, maxFrameSize());
    }

    private static final class Decoder extends FrameDecoder {
        private final int messageSize;

        Decoder(int messageSize, int maxFrameSize) {
            super(maxFrameSize, messageSize);
            this.messageSize = messageSize;
        }

        @Override
        protected boolean decodeMore(ByteBuffer in) {
            int missing = messageSize - received();
            if (in.remaining() >= missing) {
                return completeWith(in, missing);
            }
            take(in, in.remaining());
            return false;
        }

        @Override
        protected boolean endOfStreamReached() throws ConnectionClosedException {
            if (received() == 0) {
                return false;
            }
            throw ConnectionClosedException.after(received(), messageSize, "bytes");
        }
    }
}
