package org.ipcbench.transport.shm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.ipcbench.transport.Connection;
import org.ipcbench.transport.FramedConnection;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.MessageHandler;
import org.ipcbench.transport.PeerExitedException;
import org.ipcbench.transport.PeerProcess;
import org.ipcbench.transport.Server;
import org.ipcbench.transport.Servers;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.WaitStrategy;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wait strategies the kit does not run (it runs {@code backoff}), on one connection each: two spinning
 * peers fill both cores of a small machine, so fifty of them are not a test. And peer death with no read
 * timeout at all, which the kit does not try.
 */
@Timeout(120)
class ShmWaitAndPeerTest {

    static Stream<Arguments> schemesAndWaits() {
        List<Arguments> cases = new ArrayList<>();
        for (Transport t : List.of(new ShmTransport(), new ShmRingTransport())) {
            for (WaitStrategy w : List.of(WaitStrategy.SPIN, WaitStrategy.YIELD)) {
                cases.add(Arguments.of(t, w));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schemesAndWaits")
    void echoesWithEveryWaitStrategy(Transport transport, WaitStrategy wait) throws Exception {
        TransportOptions options = TransportOptions.defaults().withWait(wait);
        Framing framing = Framing.of("length", 0, Framing.DEFAULT_MAX_FRAME_SIZE);
        Listener listener = transport.listen(transport.defaultAddress(), options);
        List<Exception> errors = new ArrayList<>();
        Random random = new Random(wait.ordinal());
        try (Server server = Servers.start(listener, options, framing, MessageHandler.echo(), (c, e) -> errors.add(e));
             FramedConnection client = new FramedConnection(
                     transport.connect(server.address(), options.withReadTimeout(Duration.ofSeconds(15))), framing,
                     options.bufferSize())) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int size : new int[] {0, 1, 64, 4095, 4096, 4097, 100_000, 1 << 20}) {
                    for (int i = 0; i < 20; i++) {
                        byte[] payload = new byte[size];
                        random.nextBytes(payload);
                        client.send(ByteBuffer.wrap(payload));
                        ByteBuffer got = client.receive();
                        assertNotNull(got);
                        byte[] back = new byte[got.remaining()];
                        got.get(back);
                        assertArrayEquals(payload, back);
                    }
                }
            });
        }
        assertTrue(errors.isEmpty(), errors.toString());
    }

    static Stream<Transport> transports() {
        return Stream.of(new ShmTransport(), new ShmRingTransport());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aDeadPeerEndsAReadThatHasNoTimeout(Transport transport) throws Exception {
        TransportOptions forever = TransportOptions.defaults(); // no read timeout
        try (Listener listener = transport.listen(transport.defaultAddress(), forever)) {
            PeerProcess.Started peer = PeerProcess.start("client", listener.address(), Duration.ofSeconds(60));
            try (Connection server = listener.accept()) {
                assertEquals("SENT", peer.firstLine());
                ByteBuffer sink = ByteBuffer.allocate(64);
                while (sink.position() < 4 + 10) { // the peer's length prefix and ten bytes
                    server.read(sink);
                }
                peer.kill();
                PeerExitedException e = assertThrows(PeerExitedException.class,
                        () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> server.read(sink)));
                assertEquals(peer.process().pid(), e.pid());
            } finally {
                peer.process().destroyForcibly();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aCloseFromAnotherThreadEndsAWaitingRead(Transport transport) throws Exception {
        try (Listener listener = transport.listen(transport.defaultAddress(), TransportOptions.defaults())) {
            Connection client = transport.connect(listener.address(), TransportOptions.defaults());
            try (Connection server = listener.accept()) {
                Thread closer = new Thread(() -> {
                    try {
                        Thread.sleep(200);
                        client.close();
                    } catch (InterruptedException | IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                closer.start();
                IOException e = assertThrows(IOException.class,
                        () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> client.read(ByteBuffer.allocate(8))));
                assertTrue(e instanceof java.nio.channels.ClosedChannelException, e.toString());
                closer.join();
                assertEquals(-1, server.read(ByteBuffer.allocate(8)), "the peer sees the end of the stream");
            }
        }
    }
}
