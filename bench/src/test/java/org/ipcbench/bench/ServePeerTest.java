package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code ipcbench serve} as a real second process: READY with a real port, and SIGTERM is a clean exit 0. */
class ServePeerTest {

    @Test
    void servesInAnotherProcessAndStopsCleanlyOnSigterm() throws Exception {
        ServePeer peer = ServePeer.start(List.of("--address", "tcp:127.0.0.1:0", "--framing", "length"));
        long pid = peer.pid();
        assertFalse(peer.address().location().endsWith(":0"), "READY names the real port: " + peer.address());
        int code = Main.run("ping", "--address", peer.address().toString(), "--count", "20", "--warmup", "0");
        assertEquals(0, code);
        peer.close(); // throws unless the peer exits 0 on SIGTERM
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
