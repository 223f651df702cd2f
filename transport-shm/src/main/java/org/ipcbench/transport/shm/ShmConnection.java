package org.ipcbench.transport.shm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import org.ipcbench.transport.Connection;
import org.ipcbench.transport.TransportOptions;

/**
 * A {@link Connection} over the two lanes of a shared-memory scheme. The lanes only poll and offer;
 * this class adds what makes them a stream like a socket:
 *
 * <ul>
 *   <li>waiting, with the named strategy and the read timeout ({@link WaitLoop});</li>
 *   <li>peer death: a wait looks at the peer's pid once a second and at its timeout, and throws
 *       {@link org.ipcbench.transport.PeerExitedException} if the process is gone;</li>
 *   <li>half-close: an end mark in the lane; close: the end mark, then a {@code closed-<side>} file, so
 *       that the peer sees the end even if the lane was too full for the mark;</li>
 *   <li>a close from another thread, made safe by {@link CloseGuard};</li>
 *   <li>cleanup: whoever closes second, or after the peer died, deletes the connection directory.</li>
 * </ul>
 */
final class ShmConnection implements Connection {

    private final Lanes lanes;
    private final ConnectionDirectory dir;
    private final ConnectionDirectory.Side side;
    private final PeerWatch peer;
    private final CloseGuard guard = new CloseGuard();
    private final WaitLoop readWait;
    private final WaitLoop writeWait;
    private final String description;
    private boolean endOfStream; // reader thread only
    private volatile boolean outputShut;

    ShmConnection(Lanes lanes, ConnectionDirectory dir, ConnectionDirectory.Side side, long peerPid,
                  TransportOptions options, String description) {
        this.lanes = lanes;
        this.dir = dir;
        this.side = side;
        this.peer = new PeerWatch(peerPid, dir, side.peer());
        this.readWait = new WaitLoop(options, peer, guard, false);
        this.writeWait = new WaitLoop(options, peer, guard, true);
        this.description = description;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        guard.enterRead();
        try {
            if (endOfStream) {
                return -1;
            }
            readWait.reset();
            while (true) {
                int n = lanes.poll(dst);
                if (n == 0 && readWait.pause()) {
                    // The peer closed: whatever it wrote before is visible now; poll once more, then it is the end.
                    n = lanes.poll(dst);
                    n = n == 0 ? -1 : n;
                }
                if (n > 0) {
                    return n;
                }
                if (n < 0) {
                    endOfStream = true;
                    return -1;
                }
            }
        } finally {
            guard.exitRead();
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!src.hasRemaining()) {
            return 0;
        }
        guard.enterWrite();
        try {
            if (outputShut) {
                throw new ClosedChannelException();
            }
            writeWait.reset();
            while (true) {
                int n = lanes.offer(src);
                if (n > 0) {
                    return n;
                }
                if (writeWait.pause()) {
                    throw new IOException("broken pipe: the peer closed " + description);
                }
            }
        } finally {
            guard.exitWrite();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        guard.enterWrite();
        try {
            if (outputShut) {
                return;
            }
            outputShut = true;
            writeWait.reset();
            while (!lanes.offerEnd()) {
                if (writeWait.pause()) {
                    return; // the peer is gone; there is nobody to tell
                }
            }
        } finally {
            guard.exitWrite();
        }
    }

    @Override
    public void close() throws IOException {
        if (!guard.markClosed()) {
            return;
        }
        try {
            if (guard.awaitIdle()) {
                try {
                    if (!outputShut) {
                        outputShut = true;
                        lanes.offerEnd(); // if the lane is full, the closed file below tells the peer instead
                    }
                } finally {
                    lanes.release();
                }
            }
        } finally {
            dir.markClosed(side);
            if (dir.isClosedBy(side.peer()) || !peer.isAlive()) {
                dir.delete();
                ListenerDirectory.sweepIfDefault(dir.path().getParent());
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
