package org.ipcbench.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The framings on their own, with every split of the stream, and their exact wire formats. */
class FramingTest {

    private static final int MAX = Framing.DEFAULT_MAX_FRAME_SIZE;

    private static byte[] wire(Framing f, byte[]... payloads) {
        int total = 0;
        for (byte[] p : payloads) {
            total += f.frameLength(p.length);
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (byte[] p : payloads) {
            f.checkPayload(ByteBuffer.wrap(p));
            f.encode(ByteBuffer.wrap(p), out);
        }
        return out.array();
    }

    /** Feeds the stream to a decoder in chunks of {@code chunk} bytes and collects the messages. */
    private static List<byte[]> decode(Framing f, byte[] stream, int chunk) throws Exception {
        FrameDecoder d = f.newDecoder();
        List<byte[]> got = new ArrayList<>();
        for (int at = 0; at < stream.length; at += chunk) {
            ByteBuffer in = ByteBuffer.wrap(stream, at, Math.min(chunk, stream.length - at));
            while (in.hasRemaining() && d.decode(in)) {
                got.add(copy(d.message()));
            }
        }
        if (d.endOfStream()) {
            got.add(copy(d.message()));
        }
        return got;
    }

    private static byte[] copy(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Test
    void wireFormatsAreExactlyAsDocumented() {
        byte[] abc = {'a', 'b', 'c'};
        HexFormat hex = HexFormat.of();
        assertEquals("616263", hex.formatHex(wire(Framing.of("fixed", 3, MAX), abc)));
        assertEquals("6162630a", hex.formatHex(wire(Framing.of("delimited", 0, MAX), abc)));
        assertEquals("00000003616263", hex.formatHex(wire(Framing.of("length", 0, MAX), abc)));
        assertEquals("616263", hex.formatHex(wire(Framing.of("close", 0, MAX), abc)));
        ByteBuffer big = ByteBuffer.allocate(4 + 300);
        Framing.of("length", 0, MAX).encode(ByteBuffer.allocate(300), big);
        assertEquals("0000012c", hex.formatHex(big.array(), 0, 4), "network byte order");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 64, 4096, 1 << 20})
    void everySplitOfTheStreamGivesTheSameMessages(int chunk) throws Exception {
        Random r = new Random(chunk);
        for (String name : List.of("fixed", "delimited", "length")) {
            int fixed = 37;
            Framing f = Framing.of(name, fixed, MAX);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int size = name.equals("fixed") ? fixed : (i % 5 == 0 ? 0 : r.nextInt(10_000));
                byte[] p = new byte[size];
                r.nextBytes(p);
                for (int k = 0; k < size && name.equals("delimited"); k++) {
                    p[k] = p[k] == '\n' ? (byte) 'x' : p[k];
                }
                sent.add(p);
            }
            List<byte[]> got = decode(f, wire(f, sent.toArray(new byte[0][])), chunk);
            assertEquals(sent.size(), got.size(), name + " message count, chunk " + chunk);
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), got.get(i), name + " message " + i + ", chunk " + chunk);
            }
        }
    }

    @Test
    void closeFramingEndsItsOneMessageAtEndOfStream() throws Exception {
        byte[] p = new byte[10_000];
        new Random(1).nextBytes(p);
        Framing f = Framing.of("close", 0, MAX);
        List<byte[]> got = decode(f, p, 333);
        assertEquals(1, got.size());
        assertArrayEquals(p, got.get(0));
        assertEquals(1, decode(f, new byte[0], 1).size(), "an empty message is still one message");
        assertTrue(f.endsConnection());
    }

    @Test
    void aHugeLengthPrefixIsRefusedBeforeAnyAllocation() {
        FrameDecoder d = Framing.of("length", 0, MAX).newDecoder();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> d.decode(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals("length prefix announces 4294967295 bytes, above the maximum frame size of 16777216 bytes",
                e.getMessage());
        assertEquals(MAX, e.limit());
        assertTrue(allocated < 64 * 1024, "allocated " + allocated);
    }

    @Test
    void aLengthExactlyAtTheMaximumIsAccepted() throws Exception {
        Framing f = Framing.of("length", 0, 100);
        assertEquals(1, decode(f, wire(f, new byte[100]), 7).size());
        assertThrows(FrameTooLargeException.class, () -> decode(f, ByteBuffer.allocate(4).putInt(101).array(), 4));
    }

    @Test
    void aDelimitedFrameWithNoDelimiterWithinTheMaximumIsRefused() {
        Framing f = Framing.of("delimited", 0, 100);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, () -> decode(f, new byte[101], 10));
        assertTrue(e.getMessage().contains("maximum frame size of 100 bytes"), e.getMessage());
        byte[] exactly = new byte[101];
        exactly[100] = '\n';
        assertDoesNotThrow(() -> decode(f, exactly, 10));
    }

    private static void assertDoesNotThrow(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(e);
    }

    @Test
    void endOfStreamInsideAMessageSaysHowFarItGot() {
        FrameDecoder fixed = Framing.of("fixed", 64, MAX).newDecoder();
        assertFalse(assertDoesNotThrowAndGet(() -> fixed.decode(ByteBuffer.allocate(37))));
        assertEquals("connection closed after 37 of 64 bytes",
                assertThrows(ConnectionClosedException.class, fixed::endOfStream).getMessage());

        FrameDecoder length = Framing.of("length", 0, MAX).newDecoder();
        assertFalse(assertDoesNotThrowAndGet(() -> length.decode(ByteBuffer.allocate(3))));
        assertEquals("connection closed after 3 of 4 bytes of the length prefix",
                assertThrows(ConnectionClosedException.class, length::endOfStream).getMessage());

        FrameDecoder clean = Framing.of("length", 0, MAX).newDecoder();
        assertFalse(assertDoesNotThrowAndGet(clean::endOfStream), "an end between messages is clean");
    }

    private static <T> T assertDoesNotThrowAndGet(org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
    }

    @Test
    void aSteadyExchangeReusesItsMessageBuffer() throws Exception {
        Framing f = Framing.of("length", 0, MAX);
        FrameDecoder d = f.newDecoder();
        byte[] stream = wire(f, new byte[100], new byte[100], new byte[100]);
        ByteBuffer in = ByteBuffer.wrap(stream);
        assertTrue(d.decode(in));
        ByteBuffer first = d.message();
        assertTrue(d.decode(in));
        assertTrue(first == d.message(), "same buffer, no allocation per message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "delimited", "length"})
    void aMessageWholeInOneChunkIsHandedOutInPlaceWhateverTheChunksByteOrder(String name) throws Exception {
        Framing f = Framing.of(name, 5, MAX);
        byte[] hello = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer in = ByteBuffer.wrap(wire(f, hello)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        FrameDecoder d = f.newDecoder();
        assertTrue(d.decode(in));
        ByteBuffer m = d.message();
        assertArrayEquals(hello, copy(m), "a length prefix is big-endian whatever order the chunk reads in");
        assertFalse(in.hasRemaining());
        in.put(m.position(), (byte) 'j');
        assertEquals('j', m.get(m.position()), "a view of the chunk, not a copy");
    }

    @Test
    void framingsRefuseWhatTheyCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> Framing.of("fixed", 0, MAX));
        assertThrows(IllegalArgumentException.class, () -> Framing.of("fixed", MAX + 1, MAX));
        assertThrows(IllegalArgumentException.class, () -> Framing.of("length", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Framing.of("smoke-signals", 0, MAX));
        Framing delimited = Framing.of("delimited", 0, MAX);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> delimited.checkPayload(ByteBuffer.wrap(new byte[] {1, 2, '\n'})));
        assertTrue(e.getMessage().contains("0x0A at offset 2"), e.getMessage());
    }

    @Test
    void bufferSizesArePowersOfTwoFrom512To1MiB() {
        for (int ok : new int[] {512, 4096, 8192, 1 << 20}) {
            assertEquals(ok, TransportOptions.checkBufferSize(ok));
        }
        for (int bad : new int[] {0, 256, 1000, 4097, 2 << 20, -4096}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TransportOptions.checkBufferSize(bad));
            assertTrue(e.getMessage().contains("power of two from 512 to 1048576"), e.getMessage());
        }
    }

    @Test
    void addressesAreSchemeColonLocation() {
        assertEquals(new Address("tcp", "127.0.0.1:7000"), Address.parse("tcp:127.0.0.1:7000"));
        assertEquals(new Address("unix", "/tmp/x.sock"), Address.parse("UNIX:/tmp/x.sock"));
        assertEquals("shm-ring:/dev/shm/x", Address.parse("shm-ring:/dev/shm/x").toString());
        assertThrows(IllegalArgumentException.class, () -> Address.parse("no-scheme"));
        assertThrows(IllegalArgumentException.class, () -> Address.parse(":7000"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transports.forScheme("carrier-pigeon"));
        assertTrue(e.getMessage().contains("unknown transport 'carrier-pigeon'"), e.getMessage());
    }
}
