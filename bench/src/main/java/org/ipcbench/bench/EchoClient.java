package org.ipcbench.bench;

import java.io.Closeable;
import java.io.IOException;

/**
 * The client half of a round trip against an echo peer in its own JVM: stamp the message, send it, wait for its
 * echo, check it ({@link Payload}). The floors' JMH benchmarks and {@code ipcbench interleave} share these, so a
 * floor is the same code wherever it is measured. Spinning, allocation-free, single-threaded.
 */
interface EchoClient extends Closeable {

    /** A name for tables and file names: a transport's scheme, or a floor's benchmark id. */
    String name();

    /** The echo peer. */
    Peer peer();

    /**
     * One round trip of the message stamped with {@code timestamp}.
     *
     * @throws java.io.IOException if the echo is not that message intact, or the peer process is gone
     */
    void roundTrip(long timestamp) throws IOException;

    /** Closes what a failed start opened, keeping the failure as the exception that counts. */
    static void closeAfter(AutoCloseable opened, Exception failure) {
        try {
            opened.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
