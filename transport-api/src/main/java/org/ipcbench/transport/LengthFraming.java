package org.ipcbench.transport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Each message says how long it is: a 4-byte unsigned length in network byte order (big-endian),
 * then that many payload bytes.
 *
 * <pre>
 *  0       1       2       3       4
 * +-------+-------+-------+-------+--------------------------+
 * |   length, uint32, big-endian  |   payload: length bytes  |
 * +-------+-------+-------+-------+--------------------------+
 * </pre>
 *
 * The header itself may arrive split across reads. A length above the maximum frame size is refused
 * as soon as the header is whole, before any payload buffer is allocated.
 */
public final class LengthFraming extends Framing {

    public static final int HEADER_LENGTH = 4;

    LengthFraming(int maxFrameSize) {
        super(maxFrameSize);
    }

    @Override
    public String name() {
        return "length";
    }

    @Override
    public int frameLength(int payloadLength) {
        return HEADER_LENGTH + payloadLength;
    }

    @Override
    public void encode(ByteBuffer payload, ByteBuffer out) {
        out.putInt(payload.remaining()); // ByteBuffers are big-endian unless told otherwise
        copyPayload(payload, out);
    }

    @Override
    public FrameDecoder newDecoder() {
        return new Decoder(maxFrameSize());
    }

    private static final class Decoder extends FrameDecoder {
        private int headerBytes;
        private long length;

        Decoder(int maxFrameSize) {
            super(maxFrameSize);
        }

        @Override
        protected boolean decodeMore(ByteBuffer in) throws FramingException {
            if (headerBytes == 0 && in.remaining() >= HEADER_LENGTH) {
                int p = in.position(); // the usual case, the whole prefix in this chunk: one read, not four
                int prefix = in.order() == ByteOrder.BIG_ENDIAN ? in.getInt(p) : Integer.reverseBytes(in.getInt(p));
                setLength(Integer.toUnsignedLong(prefix));
                in.position(p + HEADER_LENGTH);
                headerBytes = HEADER_LENGTH;
            }
            while (headerBytes < HEADER_LENGTH) {
                if (!in.hasRemaining()) {
                    return false;
                }
                length = (length << 8) | (in.get() & 0xFF);
                if (++headerBytes == HEADER_LENGTH) {
                    setLength(length);
                }
            }
            int missing = (int) (length - received());
            if (in.remaining() >= missing) {
                return completeWith(in, missing);
            }
            reserve((int) length);
            take(in, in.remaining());
            return false;
        }

        private void setLength(long announced) throws FrameTooLargeException {
            if (announced > maxFrameSize) {
                throw new FrameTooLargeException("length prefix announces " + announced
                        + " bytes, above the maximum frame size of " + maxFrameSize + " bytes", maxFrameSize);
            }
            length = announced;
        }

        @Override
        protected boolean endOfStreamReached() throws ConnectionClosedException {
            if (headerBytes == 0) {
                return false;
            }
            if (headerBytes < HEADER_LENGTH) {
                throw ConnectionClosedException.after(headerBytes, HEADER_LENGTH, "bytes of the length prefix");
            }
            throw ConnectionClosedException.after(received(), length, "bytes");
        }

        @Override
        protected void reset() {
            headerBytes = 0;
            length = 0;
        }
    }
}
