package org.ipcbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.MessageHandler;

/**
 * The raw ring floor's client: two Agrona one-to-one rings in one file in /dev/shm ({@link SharedRings}), the
 * echo peer a {@link RawRingPeer} in its own JVM. A write, a spinning read, a copy out, and the check.
 */
final class RawRingClient extends FloorClient {

    private static final int MESSAGE_TYPE = 1;

    private final SharedRings rings;
    private final MessageHandler copyOut;

    private RawRingClient(SharedRings rings, ServePeer peer, int messageSize) {
        super(Suite.RAW_RING.id, peer, messageSize);
        this.rings = rings;
        this.copyOut = (type, buffer, index, length) -> {
            echo.clear().limit(length);
            buffer.getBytes(index, echo, 0, length);
        };
    }

    /**
     * Maps the rings and starts the peer. With {@code peerBacksOff} the peer parks when no message comes
     * ({@link RawPeerProcess#BACKOFF}), as {@code ipcbench interleave} needs; otherwise it spins.
     */
    static RawRingClient start(int messageSize, boolean peerBacksOff) throws IOException {
        int capacity = SharedRings.capacityFor(messageSize);
        Path file = Files.createTempFile(Path.of(Metadata.SHM_DIR), "ipcbench-ring-", ".map");
        SharedRings rings = null;
        ServePeer peer = null;
        try {
            rings = SharedRings.map(file, capacity);
            List<String> args = new ArrayList<>(List.of(file.toString(), Integer.toString(capacity)));
            if (peerBacksOff) {
                args.add(RawPeerProcess.BACKOFF);
            }
            peer = ServePeer.startMain(RawRingPeer.class.getName(), args);
            return new RawRingClient(rings, peer, messageSize);
        } catch (IOException | RuntimeException e) {
            if (peer != null) {
                EchoClient.closeAfter(peer, e);
            }
            if (rings != null) {
                rings.close();
            }
            throw e;
        } finally {
            Files.deleteIfExists(file); // both sides have mapped it by now, so no failure can leave it behind
        }
    }

    @Override
    protected boolean offer() {
        return rings.ping.write(MESSAGE_TYPE, out, 0, messageSize);
    }

    @Override
    protected boolean poll() {
        return rings.pong.read(copyOut, 1) > 0;
    }

    @Override
    public void close() throws IOException {
        try (ServePeer p = peer()) {
            rings.close();
        }
    }
}
