package org.ipcbench.transport;

import java.nio.ByteBuffer;

/**
 * Each message is its payload followed by one delimiter byte, 0x0A ('\n').
 *
 * <pre>
 * +---------------------------+------+
 * | payload (no 0x0A inside)  | 0x0A |
 * +---------------------------+------+
 * </pre>
 *
 * A payload that contains 0x0A cannot be carried and is refused at send. The receiver reads chunks
 * of the buffer size, scans them for the delimiter, and keeps the bytes after it for the next
 * message. A frame with no delimiter within the maximum frame size is refused.
 */
public final class DelimitedFraming extends Framing {

    public static final byte DELIMITER = 0x0A;

    DelimitedFraming(int maxFrameSize) {
        super(maxFrameSize);
    }

    @Override
    public String name() {
        return "delimited";
    }

    @Override
    public void checkPayload(ByteBuffer payload) {
        super.checkPayload(payload);
        for (int i = payload.position(); i < payload.limit(); i++) {
            if (payload.get(i) == DELIMITER) {
                throw new IllegalArgumentException("delimited framing cannot carry this payload: it holds the delimiter 0x0A at offset "
                        + (i - payload.position()) + "; use length framing for binary data");
            }
        }
    }

    @Override
    public int frameLength(int payloadLength) {
        return payloadLength + 1;
    }

    @Override
    public void encode(ByteBuffer payload, ByteBuffer out) {
        copyPayload(payload, out);
        out.put(DELIMITER);
    }

    @Override
    public FrameDecoder newDecoder() {
        return new Decoder(maxFrameSize());
    }

    private static final class Decoder extends FrameDecoder {
        Decoder(int maxFrameSize) {
            super(maxFrameSize);
        }

        @Override
        protected boolean decodeMore(ByteBuffer in) throws FramingException {
            int start = in.position();
            int end = in.limit();
            int at = start;
            while (at < end && in.get(at) != DELIMITER) {
                at++;
            }
            int n = at - start;
            if ((long) received() + n > maxFrameSize) {
                throw new FrameTooLargeException("delimited frame has no delimiter within the maximum frame size of "
                        + maxFrameSize + " bytes", maxFrameSize);
            }
            if (at == end) {
                take(in, n);
                return false;
            }
            completeWith(in, n);
            in.get(); // the delimiter
            return true;
        }

        @Override
        protected boolean endOfStreamReached() throws ConnectionClosedException {
            if (received() == 0) {
                return false;
            }
            throw new ConnectionClosedException("connection closed after " + received()
                    + " bytes of a delimited message, before its delimiter 0x0A");
        }
    }
}
