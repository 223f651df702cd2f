package org.ipcbench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;

/**
 * The Aeron IPC floor's client: it offers on {@code aeron:ipc} stream {@value AeronIpcPeer#PING_STREAM} and polls
 * stream {@value AeronIpcPeer#PONG_STREAM}, spinning; the peer, with the media driver, is an {@link AeronIpcPeer}
 * in its own JVM.
 */
final class AeronIpcClient extends FloorClient {

    private static final long CONNECT_SECONDS = 30;

    private final Aeron aeron;
    private final Publication ping;
    private final Subscription pong;
    private final FragmentAssembler copyOut;
    private boolean received;

    private AeronIpcClient(ServePeer peer, Aeron aeron, int messageSize) {
        super(Suite.AERON_IPC.id, peer, messageSize);
        this.aeron = aeron;
        this.ping = aeron.addPublication(AeronIpcPeer.CHANNEL, AeronIpcPeer.PING_STREAM);
        this.pong = aeron.addSubscription(AeronIpcPeer.CHANNEL, AeronIpcPeer.PONG_STREAM);
        this.copyOut = new FragmentAssembler((buffer, offset, length, header) -> {
            echo.clear().limit(length);
            buffer.getBytes(offset, echo, 0, length);
            received = true;
        });
    }

    /** Starts the peer and connects; with {@code peerBacksOff} the peer parks when no message comes. */
    static AeronIpcClient start(int messageSize, boolean peerBacksOff) throws IOException {
        Path dir = Path.of(Metadata.SHM_DIR, "ipcbench-aeron-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        List<String> args = new ArrayList<>(List.of(dir.toString()));
        if (peerBacksOff) {
            args.add(RawPeerProcess.BACKOFF);
        }
        ServePeer peer = ServePeer.startMain(AeronIpcPeer.class.getName(), args);
        Aeron aeron = null;
        try {
            aeron = Aeron.connect(AeronIpcPeer.clientContext(dir));
            AeronIpcClient c = new AeronIpcClient(peer, aeron, messageSize);
            c.awaitConnected();
            return c;
        } catch (IOException | RuntimeException e) {
            if (aeron != null) {
                EchoClient.closeAfter(aeron, e);
            }
            EchoClient.closeAfter(peer, e);
            throw e;
        }
    }

    private void awaitConnected() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_SECONDS);
        while (!ping.isConnected() || !pong.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("Aeron IPC: the peer did not connect within " + CONNECT_SECONDS + " s");
            }
            Thread.onSpinWait();
        }
    }

    @Override
    protected boolean offer() {
        return ping.offer(out, 0, messageSize) >= 0;
    }

    /** Takes fragments while they come, so that a message of several fragments pauses only when none is there. */
    @Override
    protected boolean poll() {
        received = false;
        while (pong.poll(copyOut, 1) > 0) {
            if (received) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try (ServePeer p = peer()) {
            aeron.close();
        }
    }
}
