package org.ipcbench.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/** What a server does with each message: returns the reply, sent back with the same framing. */
@FunctionalInterface
public interface MessageHandler {

    /**
     * @param message from position to limit, valid only during the call; often a view of the read buffer, so its
     *                position need not be 0
     * @return the reply; it may be {@code message} itself
     */
    ByteBuffer handle(ByteBuffer message) throws IOException;

    /** Sends every message back unchanged. */
    static MessageHandler echo() {
        return message -> message;
    }
}
