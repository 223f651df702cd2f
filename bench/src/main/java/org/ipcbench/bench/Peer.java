package org.ipcbench.bench;

import java.io.Closeable;
import java.io.IOException;

import org.ipcbench.transport.Address;

/** The other end of a measurement: an echo server or a stream sink, in another JVM or in a thread of this one. */
interface Peer extends Closeable {

    /** Where the client connects. */
    Address address();

    /** CPU time the peer has used so far, in nanoseconds: the process's, or its threads'. */
    long cpuNanos();

    @Override
    void close() throws IOException;
}
