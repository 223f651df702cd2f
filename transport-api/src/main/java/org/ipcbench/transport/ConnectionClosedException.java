package org.ipcbench.transport;

import java.io.IOException;

/**
 * The peer closed the stream in the middle of a message. A clean end of stream between messages is not
 * an error; this is, and its message says how far the message got.
 */
public final class ConnectionClosedException extends IOException {

    public ConnectionClosedException(String message) {
        super(message);
    }

    /** "connection closed after 37 of 64 bytes". */
    public static ConnectionClosedException after(long received, long expected, String what) {
        return new ConnectionClosedException("connection closed after " + received + " of " + expected + ' ' + what);
    }
}
