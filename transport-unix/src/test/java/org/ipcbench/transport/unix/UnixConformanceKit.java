package org.ipcbench.transport.unix;

import org.ipcbench.transport.TransportConformanceKit;

/** The kit as both unix transports run it. */
abstract class UnixConformanceKit extends TransportConformanceKit {

    /**
     * Linux charges each write on a Unix-domain socket its kernel overhead (a few hundred bytes) against SO_SNDBUF:
     * with the default 4 KiB buffer only about 11 writes of 28 bytes wait in each direction, and a client that
     * sends 100 before reading deadlocks with the echo server. 8 fit with room to spare.
     */
    @Override
    protected int messagesInFlight() {
        return 8;
    }
}
