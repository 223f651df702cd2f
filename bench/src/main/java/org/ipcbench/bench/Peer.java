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

    /** The peer's process id, or -1 if it runs in this JVM. */
    long pid();

    @Override
    void close() throws IOException;
}
