package org.ipcbench.transport.unix;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.TransportConformanceKit;
import org.junit.jupiter.api.io.TempDir;

/** The kit as both unix transports run it. */
abstract class UnixConformanceKit extends TransportConformanceKit {

    // The kit SIGKILLs a peer server, which can remove nothing; JUnit removes what it leaves here.
    // (SocketFileTest and PythonClientTest cover the default address.)
    @TempDir
    Path dir;
    private final AtomicInteger sockets = new AtomicInteger();

    @Override
    protected Address listenAddress() {
        return new Address(transport().scheme(), dir.resolve("s" + sockets.incrementAndGet() + ".sock").toString());
    }

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
