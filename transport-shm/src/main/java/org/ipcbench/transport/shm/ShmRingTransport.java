package org.ipcbench.transport.shm;

import java.io.IOException;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;

/**
 * Shared memory through Agrona ring buffers: {@code shm-ring:/path/to/dir}. The default address is a fresh
 * directory on tmpfs ({@code /dev/shm}). Each connection is a pair of ring files, one per direction, in its
 * own directory; see {@link ListenerDirectory} for the handshake, {@link ConnectionDirectory} for a
 * connection's files and {@link RingLanes} for the rings.
 *
 * <p>Readers poll with the {@code spin}, {@code yield} or {@code backoff} (default) wait; {@code block} is
 * refused, as there is nothing in the kernel to block on. A dead peer is found by its pid.
 */
public final class ShmRingTransport implements Transport {

    public static final String SCHEME = "shm-ring";

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
        return ShmListener.listen(address, options, RingLanes.FACTORY);
    }

    @Override
    public Connection connect(Address address, TransportOptions options) throws IOException {
        return ShmConnector.connect(address, options, RingLanes.FACTORY);
    }

    @Override
    public String toString() {
        return SCHEME;
    }
}
