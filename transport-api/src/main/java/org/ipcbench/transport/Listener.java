package org.ipcbench.transport;

import java.io.Closeable;
import java.io.IOException;

/** A server endpoint: it only accepts connections, it never moves data itself. */
public interface Listener extends Closeable {

    /** The address clients can connect to: the real port, the real path. */
    Address address();

    /**
     * Waits for the next client. Once the listener is closed, a waiting or later call throws
     * {@link java.nio.channels.ClosedChannelException} or another {@link IOException}.
     */
    Connection accept() throws IOException;

    /** Stops accepting and releases the address (port, socket file, directory). Open connections stay open. */
    @Override
    void close() throws IOException;
}
