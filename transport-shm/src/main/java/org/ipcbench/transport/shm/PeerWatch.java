package org.ipcbench.transport.shm;

import java.util.Optional;

import org.ipcbench.transport.PeerExitedException;

/**
 * Watches the process at the other end. A socket learns of a dead peer from the kernel; shared memory
 * does not, so a waiting reader asks the operating system whether the peer's pid still runs, and
 * whether the peer has marked the connection closed in its directory.
 */
final class PeerWatch {

    private final long pid;
    private final Optional<ProcessHandle> process;
    private final ConnectionDirectory directory;
    private final ConnectionDirectory.Side peerSide;

    PeerWatch(long pid, ConnectionDirectory directory, ConnectionDirectory.Side peerSide) {
        this.pid = pid;
        this.process = ProcessHandle.of(pid);
        this.directory = directory;
        this.peerSide = peerSide;
    }

    /** Whether a process with this pid runs now. Pids are reused, but not within one benchmark's time. */
    static boolean isAlive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    long pid() {
        return pid;
    }

    boolean isAlive() {
        return process.map(ProcessHandle::isAlive).orElse(false);
    }

    void checkAlive() throws PeerExitedException {
        if (!isAlive()) {
            throw new PeerExitedException(pid);
        }
    }

    /** The peer closed its end, or its directory is gone: nothing more will come from it. */
    boolean hasClosed() {
        return directory.isClosedBy(peerSide) || !directory.exists();
    }
}
