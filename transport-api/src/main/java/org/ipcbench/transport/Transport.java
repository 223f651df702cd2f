package org.ipcbench.transport;

import java.io.IOException;

/**
 * One way for two processes to exchange bytes. Implementations are found by {@link #scheme()}
 * through {@link java.util.ServiceLoader}; see {@link Transports}.
 *
 * <p>A transport moves bytes only. Message boundaries are the business of a {@link Framing},
 * layered over any {@link Connection}.
 */
public interface Transport {

    /** The address scheme this transport answers to, such as {@code tcp}. */
    String scheme();

    /** An address to listen on when the user gives none: loopback, an ephemeral port, a private temp path. */
    Address defaultAddress() throws IOException;

    /** Opens a server endpoint. Its {@link Listener#address()} is the real address, with any port or path filled in. */
    Listener listen(Address address, TransportOptions options) throws IOException;

    /** Connects to a listening server. */
    Connection connect(Address address, TransportOptions options) throws IOException;
}
