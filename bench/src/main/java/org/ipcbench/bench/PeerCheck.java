package org.ipcbench.bench;

import java.io.IOException;

/**
 * A client's spin wait on a raw floor's peer, which looks at the peer process once every
 * {@value #SPINS_PER_LOOK} polls (a few milliseconds): a peer that died fails the wait instead of hanging it.
 */
final class PeerCheck {

    static final int SPINS_PER_LOOK = 1 << 16;

    private final Peer peer;
    private int spins;

    PeerCheck(Peer peer) {
        this.peer = peer;
    }

    /** Starts a new wait. */
    void reset() {
        spins = 0;
    }

    /** One idle step of a wait; throws if it is time to look and the peer is gone. */
    void pause() throws IOException {
        if ((++spins & (SPINS_PER_LOOK - 1)) == 0
                && !ProcessHandle.of(peer.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IOException("the echo peer (pid " + peer.pid() + ") is gone");
        }
        Thread.onSpinWait();
    }
}
