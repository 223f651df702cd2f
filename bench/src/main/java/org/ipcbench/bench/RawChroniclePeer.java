package org.ipcbench.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The raw Chronicle baseline's echo peer, in its own JVM: tails {@code ping}, appends each excerpt to
 * {@code pong}, spinning. {@code java ... RawChroniclePeer DIR MESSAGE_SIZE}. Prints {@code READY chronicle:DIR}.
 */
public final class RawChroniclePeer {

    private RawChroniclePeer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int messageSize = Integer.parseInt(args[1]);
        ChronicleQueues queues = new ChronicleQueues(dir, false, messageSize);
        RawPeerProcess.prepare(queues::close);
        ByteBuffer message = ByteBuffer.allocateDirect(messageSize);
        System.out.println("READY chronicle:" + dir);
        System.out.flush();
        while (!RawPeerProcess.stopping()) {
            if (queues.poll(message)) {
                queues.send(message);
            } else {
                Thread.onSpinWait();
            }
        }
        RawPeerProcess.loopEnded();
    }
}
