package org.ipcbench.bench;

import java.io.IOException;

import org.ipcbench.transport.FramedConnection;
import org.ipcbench.transport.WaitStrategy;

/**
 * An ipcbench transport's client against {@code ipcbench serve} in its own JVM: one held connection, a
 * {@link FramedConnection} over it, as {@link RoundTripBenchmark} with one client and a message-keeping framing.
 */
final class TransportEchoClient implements EchoClient {

    private final String name;
    private final Peer peer;
    private final FramedConnection connection;
    private final Payload payload;

    private TransportEchoClient(String name, Peer peer, FramedConnection connection, int messageSize) {
        this.name = name;
        this.peer = peer;
        this.connection = connection;
        this.payload = new Payload(messageSize);
    }

    /**
     * Starts the echo peer of {@code cell} and connects to it. The client waits with {@code clientWait}, which
     * may differ from the peer's (the cell's): an interleaved client is never idle, while its peer must be.
     */
    static TransportEchoClient start(TransportCell cell, WaitStrategy clientWait) throws IOException {
        if (cell.framingImpl().endsConnection()) {
            throw new IllegalArgumentException("an echo client holds its connection; close framing has none to hold");
        }
        Peer peer = cell.startPeer(0);
        try {
            FramedConnection c = new FramedConnection(cell.transportImpl().connect(peer.address(),
                    cell.options().withWait(clientWait)), cell.framingImpl(), cell.bufferSize());
            return new TransportEchoClient(cell.transport(), peer, c, cell.messageSize());
        } catch (IOException | RuntimeException e) {
            EchoClient.closeAfter(peer, e);
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Peer peer() {
        return peer;
    }

    @Override
    public void roundTrip(long timestamp) throws IOException {
        connection.send(payload.stamp(timestamp));
        payload.verify(connection.receive(), timestamp);
    }

    @Override
    public void close() throws IOException {
        try (Peer p = peer) {
            connection.close();
        }
    }
}
