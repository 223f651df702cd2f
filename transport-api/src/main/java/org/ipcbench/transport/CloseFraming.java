package org.ipcbench.transport;

import java.nio.ByteBuffer;

/**
 * One message per connection: the sender writes its payload and shuts down its output, and the end
 * of stream marks the end of the message.
 *
 * <pre>
 * client                               server
 *   connect  -------------------------->
 *   payload  -------------------------->   reads until end of stream
 *   shutdown(output)  ----- EOF ------->   the message is whole
 *            <--------------------------   reply payload
 *            <------- EOF --------------   shutdown(output), close
 *   close
 * </pre>
 *
 * This is how HTTP/1.0 ends a response. Nothing on the wire but the payload; the cost is a
 * connection per message, which the benchmarks measure.
 */
public final class CloseFraming extends Framing {

    CloseFraming(int maxFrameSize) {
        super(maxFrameSize);
    }

    @Override
    public String name() {
        return "close";
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
    public boolean endsConnection() {
        return true;
    }

    @Override
    public FrameDecoder newDecoder() {
        return new Decoder(maxFrameSize());
    }

    private static final class Decoder extends FrameDecoder {
        private boolean delivered;

        Decoder(int maxFrameSize) {
            super(maxFrameSize);
        }

        @Override
        protected boolean decodeMore(ByteBuffer in) throws FramingException {
            if (delivered) {
                throw new FramingException("close framing carries one message per connection; bytes came after it");
            }
            if ((long) received() + in.remaining() > maxFrameSize) {
                throw new FrameTooLargeException("close-framed message runs past the maximum frame size of "
                        + maxFrameSize + " bytes before its end of stream", maxFrameSize);
            }
            take(in, in.remaining());
            return false;
        }

        @Override
        protected boolean endOfStreamReached() {
            if (delivered) {
                return false;
            }
            delivered = true;
            return complete();
        }
    }
}
