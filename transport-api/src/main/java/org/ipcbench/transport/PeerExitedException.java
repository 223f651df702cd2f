package org.ipcbench.transport;

import java.io.IOException;

/** The peer process is gone. Raised by transports that cannot see a dead peer the way a socket does. */
public final class PeerExitedException extends IOException {

    private final long pid;

    public PeerExitedException(long pid) {
        super("peer process " + pid + " exited");
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }
}
