package org.ipcbench.transport.shm;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.ipcbench.transport.TransportOptions;

/**
 * One end's view of the two one-way lanes of a connection: it writes one and reads the other. This is
 * all a shared-memory scheme supplies; waiting, timeouts, peer death, the close and the cleanup are the
 * same for every scheme and live in {@link ShmConnection}.
 *
 * <p>Calls never wait. One reader thread and one writer thread may use an instance at once.
 */
interface Lanes {

    /** Copies what has arrived into {@code dst}: the number of bytes, 0 if nothing has, -1 if the peer ended its stream. */
    int poll(ByteBuffer dst);

    /** Writes some of {@code src} if there is room: the number of bytes (at least 1), or 0 if the lane is full. */
    int offer(ByteBuffer src);

    /** Marks the end of this end's stream; false if the lane is full (the peer then learns of the close from the directory). */
    boolean offerEnd();

    /** Releases memory maps and handles (the files stay). Called once, when no read or write is inside. */
    void release();

    /** How one scheme lays its lanes into a connection directory. */
    interface Factory {

        /** The address scheme, such as {@code shm}. */
        String scheme();

        /** On the client, before its hello: creates the files the server will open. */
        void prepare(ConnectionDirectory dir, TransportOptions options) throws IOException;

        /** Opens the lanes of {@code side}: it writes {@code dir.lane(side)} and reads the other. */
        Lanes open(ConnectionDirectory dir, ConnectionDirectory.Side side, TransportOptions options) throws IOException;
    }
}
