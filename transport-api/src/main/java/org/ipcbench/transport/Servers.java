package org.ipcbench.transport;

import java.io.IOException;
import java.util.function.UnaryOperator;

/** Starts a message server over any listener, in either of the HOWTO's two server models. */
public final class Servers {

    private Servers() {
    }

    /**
     * Serves {@code listener} in the model {@code options.io()} names. The selector model needs a
     * channel-based transport ({@link ChannelListener}); the blocking model works over every transport.
     */
    public static Server start(Listener listener, TransportOptions options, Framing framing, MessageHandler handler,
                               ServerErrors errors) throws IOException {
        return start(listener, options, framing, handler, errors, UnaryOperator.identity());
    }

    /**
     * As {@link #start(Listener, TransportOptions, Framing, MessageHandler, ServerErrors)}, wrapping each accepted
     * connection in {@code decorate} first (the blocking model only): the conformance kit uses it to force
     * partial reads and writes on the server side.
     */
    public static Server start(Listener listener, TransportOptions options, Framing framing, MessageHandler handler,
                               ServerErrors errors, UnaryOperator<Connection> decorate) throws IOException {
        switch (options.io()) {
            case BLOCKING:
                return new ThreadedServer(listener, options.bufferSize(), framing, handler, errors, decorate);
            case SELECTOR:
                if (!(listener instanceof ChannelListener)) {
                    throw new IllegalArgumentException("the selector model needs a socket transport; "
                            + listener.address().scheme() + " serves with --io blocking");
                }
                return new SelectorServer((ChannelListener) listener, framing, handler, errors);
            default:
                throw new AssertionError(options.io());
        }
    }
}
