package org.ipcbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;

/**
 * The Aeron IPC baseline's peer, in its own JVM: it hosts the embedded media driver and echoes every
 * message from stream {@value #PING_STREAM} to stream {@value #PONG_STREAM} on {@code aeron:ipc}.
 * {@code java ... AeronIpcPeer DIR [backoff]}: with {@code backoff} the echo loop parks when no message comes
 * ({@link RawPeerProcess#idle}). Prints {@code READY aeron:DIR}.
 *
 * <p>Driver settings: {@link ThreadingMode#SHARED} (one driver thread: a third spinning thread on two
 * cores makes everything worse), a {@link BackoffIdleStrategy} for it, IPC term buffers of
 * {@value #TERM_LENGTH} bytes, the directory deleted on start and on shutdown. Clients map the logs with
 * {@code preTouchMappedMemory(true)}, so no page fault lands in a measurement.
 */
public final class AeronIpcPeer {

    static final String CHANNEL = "aeron:ipc";
    static final int PING_STREAM = 1001;
    static final int PONG_STREAM = 1002;
    static final int TERM_LENGTH = 4 * 1024 * 1024;

    private AeronIpcPeer() {
    }

    static MediaDriver.Context driverContext(Path dir) {
        return new MediaDriver.Context().aeronDirectoryName(dir.toString()).threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy()).ipcTermBufferLength(TERM_LENGTH)
                .dirDeleteOnStart(true).dirDeleteOnShutdown(true);
    }

    static Aeron.Context clientContext(Path dir) {
        return new Aeron.Context().aeronDirectoryName(dir.toString()).preTouchMappedMemory(true);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        MediaDriver driver = MediaDriver.launchEmbedded(driverContext(dir));
        Aeron aeron = Aeron.connect(clientContext(dir));
        RawPeerProcess.prepare(() -> {
            aeron.close();
            driver.close();
            Files.deleteIfExists(dir);
        });
        Subscription ping = aeron.addSubscription(CHANNEL, PING_STREAM);
        Publication pong = aeron.addPublication(CHANNEL, PONG_STREAM);
        FragmentAssembler echo = new FragmentAssembler((buffer, offset, length, header) -> {
            while (pong.offer(buffer, offset, length) < 0 && !RawPeerProcess.stopping()) {
                Thread.onSpinWait();
            }
        });
        System.out.println("READY aeron:" + dir);
        System.out.flush();
        IdleStrategy idle = RawPeerProcess.idle(args, 1);
        while (!RawPeerProcess.stopping()) {
            idle.idle(ping.poll(echo, 1));
        }
        RawPeerProcess.loopEnded();
    }
}
