package org.ipcbench.transport.shm;

import java.io.IOException;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;

/**
 * Shared memory through Chronicle Queue: {@code shm:/path/to/dir}. The default address is a fresh
 * directory on tmpfs ({@code /dev/shm}). Each connection is a pair of queues, one per direction, in its
 * own directory; see {@link ListenerDirectory} for the handshake, {@link ConnectionDirectory} for a
 * connection's files and {@link QueueLanes} for the queues.
 *
 * <p>Readers poll with the {@code spin}, {@code yield} or {@code backoff} (default) wait; {@code block} is
 * refused, as there is nothing in the kernel to block on. A dead peer is found by its pid.
 *
 * <p>Loading this class turns off Chronicle's analytics and start-up banner and keeps JNA's scratch files
 * in the temp directory, unless the JVM was told otherwise: the flags in the launcher and the tests do the
 * same, and this covers any JVM that forgets them. It runs before any Chronicle class is initialised,
 * since only {@link QueueLanes}, reached through this class, touches Chronicle.
 */
public final class ShmTransport implements Transport {

    public static final String SCHEME = "shm";

    static {
        setIfAbsent("chronicle.analytics.disable", "true");
        setIfAbsent("chronicle.announcer.disable", "true");
        setIfAbsent("jna.tmpdir", System.getProperty("java.io.tmpdir"));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && value != null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Address defaultAddress() {
        return ListenerDirectory.defaultAddress(SCHEME);
    }

    @Override
    public Listener listen(Address address, TransportOptions options) throws IOException {
        return ShmListener.listen(address, options, QueueLanes.FACTORY);
    }

    @Override
    public Connection connect(Address address, TransportOptions options) throws IOException {
        return ShmConnector.connect(address, options, QueueLanes.FACTORY);
    }

    @Override
    public String toString() {
        return SCHEME;
    }
}
