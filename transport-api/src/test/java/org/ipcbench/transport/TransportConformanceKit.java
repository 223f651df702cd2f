package org.ipcbench.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every transport must show. A transport module runs it by extending this class and
 * naming its transport; one subclass per server model or wait strategy it supports.
 *
 * <p>The kit checks behaviour only, never speed: speed lives in the benchmarks.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class TransportConformanceKit {

    /** The read timeout of the kit's clients: long enough for a loaded CI machine, short enough to fail fast. */
    protected static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    private static final int ONE_MIB = 1 << 20;

    private final Deque<Closeable> toClose = new ArrayDeque<>();
    private final List<Exception> serverErrors = new CopyOnWriteArrayList<>();

    /** The transport under test. */
    protected abstract Transport transport();

    /** The options its servers run with: the server model, the wait strategy. No read timeout by default. */
    protected TransportOptions serverOptions() {
        return TransportOptions.defaults();
    }

    /** The options its clients run with. */
    protected TransportOptions clientOptions() {
        return serverOptions().withIo(IoModel.BLOCKING).withReadTimeout(CLIENT_TIMEOUT);
    }

    /** Where a fresh server listens. */
    protected Address listenAddress() throws IOException {
        return transport().defaultAddress();
    }

    /**
     * How many small messages (up to 28 bytes framed) the kit sends before it reads any echo: all of them, and their
     * echoes, must fit in the socket buffers. 100 fit in TCP's; a transport whose buffers charge each write's kernel
     * overhead, as Unix-domain sockets do, says fewer.
     */
    protected int messagesInFlight() {
        return 100;
    }

    /** The read timeout within which the kit expects a killed peer to be noticed. */
    protected Duration peerDeathTimeout() {
        return Duration.ofSeconds(2);
    }

    @AfterEach
    final void closeEverything() throws IOException {
        IOException first = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ---------------------------------------------------------------- echo, byte-exact

    static Stream<Arguments> framingsAndSizes() {
        int b = TransportOptions.DEFAULT_BUFFER_SIZE;
        List<Arguments> cases = new ArrayList<>();
        for (String framing : Framing.NAMES) {
            for (int size : new int[] {0, 1, b - 1, b, b + 1, ONE_MIB}) {
                cases.add(Arguments.of(framing, size));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} framing, {1} bytes")
    @MethodSource("framingsAndSizes")
    void echoesEveryFramingByteExact(String framingName, int size) throws Exception {
        if (framingName.equals("fixed") && size == 0) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Framing.of("fixed", 0, Framing.DEFAULT_MAX_FRAME_SIZE));
            assertTrue(e.getMessage().contains("message size"), e.getMessage());
            return;
        }
        Framing framing = Framing.of(framingName, size, Framing.DEFAULT_MAX_FRAME_SIZE);
        Server server = startEchoServer(framing);
        Random random = new Random(size * 31L + framingName.hashCode());
        int messages = framing.endsConnection() ? 1 : 3;
        FramedConnection client = connect(server, framing);
        for (int i = 0; i < messages; i++) {
            byte[] payload = payload(random, size, framing);
            client.send(ByteBuffer.wrap(payload));
            assertEcho(payload, client.receive());
        }
        if (framing.endsConnection()) {
            assertNull(client.receive(), "close framing: the server ends the stream after its reply");
        }
        client.close();
        assertNoServerErrors(server);
    }

    @ParameterizedTest(name = "{0} framing")
    @ValueSource(strings = {"fixed", "delimited", "length", "close"})
    void refusesPayloadsTheFramingCannotCarry(String framingName) throws Exception {
        Framing framing = Framing.of(framingName, 64, 1024);
        Server server = startEchoServer(framing);
        FramedConnection client = connect(server, framing);
        if (framingName.equals("fixed")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> client.send(ByteBuffer.allocate(63)));
            assertTrue(e.getMessage().contains("exactly 64 bytes"), e.getMessage());
        }
        if (framingName.equals("delimited")) {
            byte[] withDelimiter = new byte[64];
            withDelimiter[17] = '\n';
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> client.send(ByteBuffer.wrap(withDelimiter)));
            assertTrue(e.getMessage().contains("0x0A at offset 17"), e.getMessage());
        }
        if (!framingName.equals("fixed")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> client.send(ByteBuffer.allocate(1025)));
            assertTrue(e.getMessage().contains("maximum frame size of 1024"), e.getMessage());
        }
        // A refused payload sends nothing: the connection still carries a good message intact.
        byte[] good = payload(new Random(7), 64, framing);
        client.send(ByteBuffer.wrap(good));
        assertEcho(good, client.receive());
        assertNoServerErrors(server);
    }

    // ---------------------------------------------------------------- partial reads and writes

    @ParameterizedTest(name = "{0} framing")
    @ValueSource(strings = {"fixed", "delimited", "length", "close"})
    void survivesPartialReadsAndWrites(String framingName) throws Exception {
        int fixedSize = 100;
        Framing framing = Framing.of(framingName, fixedSize, Framing.DEFAULT_MAX_FRAME_SIZE);
        int buffer = serverOptions().bufferSize();
        Server server = startEchoServer(framing, c -> new TricklingConnection(c, 11, 7));
        Random random = new Random(3);
        int[] sizes = framingName.equals("fixed") ? new int[] {fixedSize, fixedSize, fixedSize}
                : new int[] {0, 1, 3, 4, 5, 100, buffer + 3, 3 * buffer + 7};
        if (framing.endsConnection()) {
            for (int size : sizes) {
                TricklingConnection raw = new TricklingConnection(rawConnect(server), size, 5);
                FramedConnection client = track(new FramedConnection(raw, framing, clientOptions().bufferSize()));
                byte[] payload = payload(random, size, framing);
                client.send(ByteBuffer.wrap(payload));
                assertEcho(payload, client.receive());
                assertNull(client.receive());
                assertTrue(raw.calls() >= size / 5, "the wrapper really split the I/O");
            }
        } else {
            TricklingConnection raw = new TricklingConnection(rawConnect(server), 5, 5);
            FramedConnection client = track(new FramedConnection(raw, framing, clientOptions().bufferSize()));
            for (int size : sizes) {
                byte[] payload = payload(random, size, framing);
                client.send(ByteBuffer.wrap(payload));
                assertEcho(payload, client.receive());
            }
            assertTrue(raw.calls() > sizes.length * 2L, "the wrapper really split the I/O");
        }
        assertNoServerErrors(server);
    }

    // ---------------------------------------------------------------- many in flight

    @ParameterizedTest(name = "{0} framing")
    @ValueSource(strings = {"fixed", "delimited", "length"})
    void keepsOrderWithManyMessagesInFlight(String framingName) throws Exception {
        Framing framing = Framing.of(framingName, 24, Framing.DEFAULT_MAX_FRAME_SIZE);
        Server server = startEchoServer(framing);
        FramedConnection client = connect(server, framing);
        Random random = new Random(5);
        // All of them are sent before one is read.
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < messagesInFlight(); i++) {
            byte[] payload = payload(random, framingName.equals("fixed") ? 24 : random.nextInt(25), framing);
            sent.add(payload);
            client.send(ByteBuffer.wrap(payload));
        }
        for (byte[] payload : sent) {
            assertEcho(payload, client.receive());
        }
        assertNoServerErrors(server);
    }

    @ParameterizedTest(name = "{0} framing")
    @ValueSource(strings = {"delimited", "length"})
    void streamsManyMessagesWhileReading(String framingName) throws Exception {
        Framing framing = Framing.of(framingName, 0, Framing.DEFAULT_MAX_FRAME_SIZE);
        Server server = startEchoServer(framing);
        FramedConnection client = connect(server, framing);
        int count = 2000;
        int most = 3 * serverOptions().bufferSize();
        List<byte[]> sent = new ArrayList<>();
        Random random = new Random(9);
        for (int i = 0; i < count; i++) {
            sent.add(payload(random, random.nextInt(most), framing));
        }
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = writer.submit(() -> {
                for (byte[] payload : sent) {
                    client.send(ByteBuffer.wrap(payload));
                }
                return null;
            });
            for (byte[] payload : sent) {
                assertEcho(payload, client.receive());
            }
            writing.get(30, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        assertNoServerErrors(server);
    }

    // ---------------------------------------------------------------- a peer that closes

    @ParameterizedTest(name = "{0} framing")
    @ValueSource(strings = {"fixed", "delimited", "length", "close"})
    void peerClosingAtAMessageBoundaryIsACleanEnd(String framingName) throws Exception {
        Framing framing = Framing.of(framingName, 64, Framing.DEFAULT_MAX_FRAME_SIZE);
        Listener listener = listen();
        byte[] first = payload(new Random(1), 64, framing);
        byte[] second = payload(new Random(2), 64, framing);
        boolean two = !framing.endsConnection();
        runClient(listener, c -> {
            FramedConnection fc = new FramedConnection(c, framing, clientOptions().bufferSize());
            fc.send(ByteBuffer.wrap(first));
            if (two) {
                fc.send(ByteBuffer.wrap(second));
            }
            fc.close();
        });
        FramedConnection server = track(new FramedConnection(listener.accept(), framing, serverOptions().bufferSize()));
        assertEcho(first, server.receive());
        if (two) {
            assertEcho(second, server.receive());
        }
        assertNull(server.receive(), "end of stream between messages is not an error");
        assertNull(server.receive(), "and it stays ended");
    }

    static Stream<Arguments> cutsMidMessage() {
        byte[] fixed37 = new byte[37];
        ByteBuffer length37 = ByteBuffer.allocate(4 + 37).putInt(64);
        byte[] header2 = {0, 0};
        byte[] delimited37 = new byte[37];
        return Stream.of(
                Arguments.of("fixed", fixed37, "connection closed after 37 of 64 bytes"),
                Arguments.of("length", length37.array(), "connection closed after 37 of 64 bytes"),
                Arguments.of("length", header2, "connection closed after 2 of 4 bytes of the length prefix"),
                Arguments.of("delimited", delimited37, "connection closed after 37 bytes"));
    }

    @ParameterizedTest(name = "{0} framing: {2}")
    @MethodSource("cutsMidMessage")
    void peerClosingMidMessageIsAnErrorThatSaysHowFarItGot(String framingName, byte[] partial, String expected)
            throws Exception {
        Framing framing = Framing.of(framingName, 64, Framing.DEFAULT_MAX_FRAME_SIZE);
        Listener listener = listen();
        runClient(listener, c -> {
            ByteBuffer b = ByteBuffer.wrap(partial);
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.close();
        });
        FramedConnection server = track(new FramedConnection(listener.accept(), framing, serverOptions().bufferSize()));
        ConnectionClosedException e = assertThrows(ConnectionClosedException.class, server::receive);
        assertEquals(expected, e.getMessage().substring(0, Math.min(expected.length(), e.getMessage().length())),
                e.getMessage());
    }

    // ---------------------------------------------------------------- a peer that dies

    @Test
    void clientProcessKilledMidMessageIsDetected() throws Exception {
        Listener listener = listen(serverOptions().withReadTimeout(peerDeathTimeout()));
        PeerProcess.Started peer = PeerProcess.start("client", listener.address(), Duration.ofSeconds(60));
        track(() -> peer.process().destroyForcibly());
        Connection accepted = listener.accept();
        FramedConnection server = track(new FramedConnection(accepted,
                Framing.of("length", 0, Framing.DEFAULT_MAX_FRAME_SIZE), serverOptions().bufferSize()));
        assertEquals("SENT", peer.firstLine());
        peer.kill();
        IOException e = assertThrows(IOException.class, () -> assertTimeoutPreemptively(
                peerDeathTimeout().multipliedBy(2).plusSeconds(10), server::receive));
        assertDeathReported(e);
    }

    @Test
    void serverProcessKilledIsDetected() throws Exception {
        PeerProcess.Started peer = PeerProcess.start("server", listenAddress(), Duration.ofSeconds(60));
        track(() -> peer.process().destroyForcibly());
        assertTrue(peer.firstLine().startsWith("READY "), peer.firstLine());
        Address address = Address.parse(peer.firstLine().substring("READY ".length()));
        Framing framing = Framing.of("length", 0, Framing.DEFAULT_MAX_FRAME_SIZE);
        FramedConnection client = track(new FramedConnection(
                transport().connect(address, clientOptions().withReadTimeout(peerDeathTimeout())), framing,
                clientOptions().bufferSize()));
        byte[] payload = payload(new Random(4), 100, framing);
        client.send(ByteBuffer.wrap(payload));
        assertEcho(payload, client.receive());
        peer.kill();
        // The server died between messages: the client may see that as an end of stream, or as an error
        // (reset, or a dead peer process). Either way it knows, within a bound, and gets no reply.
        assertTimeoutPreemptively(peerDeathTimeout().multipliedBy(2).plusSeconds(10), () -> {
            try {
                client.send(ByteBuffer.wrap(payload));
                assertNull(client.receive(), "a dead server answered");
            } catch (IOException e) {
                assertDeathReported(e);
            }
        });
    }

    private static void assertDeathReported(IOException e) {
        // A socket sees the end of stream or a reset; shared memory sees the process gone. A timeout also
        // bounds the wait, but says less, so it is accepted only as the fallback it is.
        assertNotNull(e.getMessage(), "the error says what happened");
    }

    // ---------------------------------------------------------------- bad frames

    @Test
    void refusesAHugeLengthPrefixWithoutAllocatingIt() throws Exception {
        Framing framing = Framing.of("length", 0, Framing.DEFAULT_MAX_FRAME_SIZE);
        Listener listener = listen();
        runClient(listener, c -> {
            ByteBuffer b = ByteBuffer.allocate(4).putInt(0xFFFFFFFF).flip();
            while (b.hasRemaining()) {
                c.write(b);
            }
        });
        FramedConnection server = track(new FramedConnection(listener.accept(), framing, serverOptions().bufferSize()));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, server::receive);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(Framing.DEFAULT_MAX_FRAME_SIZE, e.limit());
        assertTrue(e.getMessage().contains("4294967295") && e.getMessage().contains("16777216"), e.getMessage());
        assertTrue(allocated < ONE_MIB, "refusing the frame allocated " + allocated + " bytes");
    }

    static Stream<Arguments> badFrames() {
        byte[] noDelimiter = new byte[3000];
        java.util.Arrays.fill(noDelimiter, (byte) 'a');
        return Stream.of(
                Arguments.of("length", ByteBuffer.allocate(4).putInt(0xFFFFFFFF).array(), "maximum frame size of 1024"),
                Arguments.of("length", ByteBuffer.allocate(4).putInt(1025).array(), "maximum frame size of 1024"),
                Arguments.of("delimited", noDelimiter, "no delimiter within the maximum frame size of 1024"),
                Arguments.of("close", noDelimiter, "maximum frame size of 1024"));
    }

    @ParameterizedTest(name = "{0} framing: {2}")
    @MethodSource("badFrames")
    void aBadFrameClosesOnlyItsConnection(String framingName, byte[] bad, String expected) throws Exception {
        Framing framing = Framing.of(framingName, 0, 1024);
        Server server = startEchoServer(framing);
        FramedConnection bystander = framing.endsConnection() ? null : connect(server, framing);
        byte[] payload = payload(new Random(6), 100, framing);
        if (bystander != null) {
            bystander.send(ByteBuffer.wrap(payload));
            assertEcho(payload, bystander.receive());
        }

        Connection offender = rawConnect(server);
        ByteBuffer b = ByteBuffer.wrap(bad);
        while (b.hasRemaining()) {
            offender.write(b);
        }
        if (framing.endsConnection()) {
            offender.shutdownOutput();
        }
        assertClosedByPeer(offender);
        assertEquals(1, awaitServerErrors(1).size(), "one line for the one bad connection");
        Exception error = serverErrors.get(0);
        assertTrue(error instanceof FrameTooLargeException, "got " + error);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        serverErrors.clear();

        // Everyone else is still served: the old connection, and new ones.
        if (bystander != null) {
            bystander.send(ByteBuffer.wrap(payload));
            assertEcho(payload, bystander.receive());
        }
        FramedConnection newcomer = connect(server, framing);
        newcomer.send(ByteBuffer.wrap(payload));
        assertEcho(payload, newcomer.receive());
        assertNoServerErrors(server);
    }

    /** The server closed the connection: a read ends the stream or is reset, and never times out. */
    private static void assertClosedByPeer(Connection c) {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        try {
            while (true) {
                sink.clear();
                if (c.read(sink) < 0) {
                    return;
                }
            }
        } catch (ReadTimeoutException e) {
            fail("the server left the bad connection open: " + e.getMessage());
        } catch (IOException e) {
            // reset by the peer: closed all the same
        }
    }

    // ---------------------------------------------------------------- timeouts and crowds

    @Test
    void aReadWaitsNoLongerThanItsTimeout() throws Exception {
        Listener listener = listen();
        Duration timeout = Duration.ofMillis(300);
        Connection client = track(transport().connect(listener.address(), clientOptions().withReadTimeout(timeout)));
        track(listener.accept()); // accepted, and silent
        ReadTimeoutException e = assertThrows(ReadTimeoutException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> client.read(ByteBuffer.allocate(16))));
        assertEquals(timeout, e.timeout());
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
    }

    @Test
    void servesFiftyClientsAtOnce() throws Exception {
        Framing framing = Framing.of("length", 0, Framing.DEFAULT_MAX_FRAME_SIZE);
        Server server = startEchoServer(framing);
        int clients = 50;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                long seed = i;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    try (FramedConnection c = new FramedConnection(
                            transport().connect(server.address(), clientOptions()), framing, clientOptions().bufferSize())) {
                        go.await();
                        for (int m = 0; m < 20; m++) {
                            byte[] payload = payload(random, random.nextInt(2 * serverOptions().bufferSize()), framing);
                            c.send(ByteBuffer.wrap(payload));
                            assertEcho(payload, c.receive());
                        }
                    }
                    return 20;
                }));
            }
            go.countDown();
            int echoed = 0;
            for (Future<Integer> f : done) {
                echoed += f.get(90, TimeUnit.SECONDS);
            }
            assertEquals(clients * 20, echoed);
        } finally {
            pool.shutdownNow();
        }
        assertNoServerErrors(server);
    }

    // ---------------------------------------------------------------- helpers

    protected final <T extends Closeable> T track(T c) {
        toClose.push(c);
        return c;
    }

    private Listener listen() throws IOException {
        return listen(serverOptions());
    }

    private Listener listen(TransportOptions options) throws IOException {
        return track(transport().listen(listenAddress(), options));
    }

    private Server startEchoServer(Framing framing) throws IOException {
        return startEchoServer(framing, UnaryOperator.identity());
    }

    private Server startEchoServer(Framing framing, UnaryOperator<Connection> decorate) throws IOException {
        Listener listener = transport().listen(listenAddress(), serverOptions());
        try {
            return track(Servers.start(listener, serverOptions(), framing, MessageHandler.echo(),
                    (conn, e) -> serverErrors.add(e), decorate));
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    private Connection rawConnect(Server server) throws IOException {
        return track(transport().connect(server.address(), clientOptions()));
    }

    private FramedConnection connect(Server server, Framing framing) throws IOException {
        return track(new FramedConnection(rawConnect(server), framing, clientOptions().bufferSize()));
    }

    @FunctionalInterface
    private interface ClientBody {
        void run(Connection c) throws Exception;
    }

    /** Runs a client in its own thread, as a server test needs one to talk to. */
    private void runClient(Listener listener, ClientBody body) {
        ExecutorService e = Executors.newSingleThreadExecutor();
        Future<?> f = e.submit((Callable<Void>) () -> {
            body.run(track(transport().connect(listener.address(), clientOptions())));
            return null;
        });
        track(() -> {
            e.shutdown();
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (Exception ex) {
                throw new IOException("the test's client failed", ex);
            }
        });
    }

    private List<Exception> awaitServerErrors(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (serverErrors.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return serverErrors;
    }

    private void assertNoServerErrors(Server server) {
        server.close();
        assertTrue(serverErrors.isEmpty(), "the server reported errors: " + serverErrors);
    }

    static byte[] payload(Random random, int size, Framing framing) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        if (framing instanceof DelimitedFraming) {
            for (int i = 0; i < size; i++) {
                if (b[i] == DelimitedFraming.DELIMITER) {
                    b[i] = 0x0B;
                }
            }
        }
        return b;
    }

    static void assertEcho(byte[] expected, ByteBuffer got) {
        assertNotNull(got, "end of stream instead of the echo of " + expected.length + " bytes");
        byte[] actual = new byte[got.remaining()];
        got.duplicate().get(actual);
        assertEquals(expected.length, actual.length, "echo length");
        assertArrayEquals(expected, actual, "echo content");
    }
}
