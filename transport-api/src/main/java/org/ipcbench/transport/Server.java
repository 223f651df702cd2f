package org.ipcbench.transport;

import java.io.Closeable;

/** A running message server: started by {@link Servers}, stopped by {@link #close()}. */
public interface Server extends Closeable {

    /** The address clients connect to. */
    Address address();

    /** Stops accepting, closes every connection, and releases the address. */
    @Override
    void close();
}
