package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * What the floors' clients share: a peer process, the stamped message, and a round trip that spins on the
 * floor's own offer and poll, and fails instead of hanging if the peer dies ({@link PeerCheck}).
 */
abstract class FloorClient implements EchoClient {

    private final String name;
    private final ServePeer peer;
    private final Payload payload;
    private final PeerCheck check;
    /** The message to send, over the payload's buffer: stamped before each offer. */
    protected final UnsafeBuffer out;
    /** Where {@link #poll} copies the echo. */
    protected final ByteBuffer echo;
    protected final int messageSize;

    FloorClient(String name, ServePeer peer, int messageSize) {
        this.name = name;
        this.peer = peer;
        this.messageSize = messageSize;
        this.payload = new Payload(messageSize);
        this.out = new UnsafeBuffer(payload.stamp(0));
        this.echo = ByteBuffer.allocateDirect(messageSize);
        this.check = new PeerCheck(peer);
    }

    /** Offers the message in {@link #out}; false if the floor has no room for it yet. */
    protected abstract boolean offer();

    /** Copies the echo, once it is whole, into {@link #echo}; false if it has not come yet. */
    protected abstract boolean poll();

    @Override
    public final void roundTrip(long timestamp) throws IOException {
        payload.stamp(timestamp);
        check.reset();
        while (!offer()) {
            check.pause();
        }
        while (!poll()) {
            check.pause();
        }
        payload.verify(echo, timestamp);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ServePeer peer() {
        return peer;
    }
}
