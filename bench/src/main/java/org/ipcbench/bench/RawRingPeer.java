package org.ipcbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * The raw ring baseline's echo peer, in its own JVM: reads the {@code ping} ring, writes each message to
 * the {@code pong} ring, spinning on both. {@code java ... RawRingPeer FILE CAPACITY [backoff]}: with
 * {@code backoff} it parks when no message comes ({@link RawPeerProcess#idle}). Prints {@code READY ring:FILE}.
 */
public final class RawRingPeer {

    private RawRingPeer() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int capacity = Integer.parseInt(args[1]);
        SharedRings rings = SharedRings.map(file, capacity);
        RawPeerProcess.prepare(() -> Files.deleteIfExists(file));
        System.out.println("READY ring:" + file);
        System.out.flush();
        IdleStrategy idle = RawPeerProcess.idle(args, 2);
        OneToOneRingBuffer pong = rings.pong;
        while (!RawPeerProcess.stopping()) {
            int n = rings.ping.read((type, buffer, index, length) -> {
                while (!pong.write(type, buffer, index, length)) {
                    Thread.onSpinWait();
                }
            }, 1);
            idle.idle(n);
        }
        RawPeerProcess.loopEnded();
    }
}
