package org.ipcbench.transport.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.ChannelConnection;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The socket file's rules, for both unix transports. */
class SocketFileTest {

    @TempDir
    Path dir;

    static Stream<Named<Transport>> transports() {
        return Stream.of(Named.of("unix", new UnixTransport()), Named.of("unix-jdk", new UnixJdkTransport()));
    }

    private static Address at(Transport t, Path socket) {
        return new Address(t.scheme(), socket.toString());
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** A socket file with no server behind it, as a killed server leaves one. */
    private static void leaveStaleSocket(Path socket) throws IOException {
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(socket));
        }
    }

    private static void assertAnswers(Transport t, Listener listener) throws IOException {
        try (Connection c = t.connect(listener.address(), TransportOptions.defaults()); Connection s = listener.accept()) {
            assertTrue(((ChannelConnection) s).channel().isConnected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aNamedSocketIsOwnerOnlyAndGoneAfterClose(Transport t) throws IOException {
        Path socket = dir.resolve("s.sock");
        Listener listener = t.listen(at(t, socket), TransportOptions.defaults());
        assertEquals(at(t, socket), listener.address());
        assertEquals("rw-------", permissions(socket));
        assertAnswers(t, listener);
        listener.close();
        assertFalse(exists(socket), "the socket file is removed on close");
        listener.close(); // idempotent, as a shutdown hook after a normal close needs
        assertTrue(exists(dir), "a directory the user named is left alone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void theDefaultAddressIsAPrivateDirectoryGoneAfterClose(Transport t) throws IOException {
        Listener listener = t.listen(t.defaultAddress(), TransportOptions.defaults());
        Path socket = Path.of(listener.address().location());
        assertTrue(socket.isAbsolute(), socket.toString());
        assertEquals("rwx------", permissions(socket.getParent()));
        assertEquals("rw-------", permissions(socket));
        assertAnswers(t, listener);
        listener.close();
        assertFalse(exists(socket));
        assertFalse(exists(socket.getParent()), "the private directory is removed on close");
        listener.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void eachDefaultListenerGetsItsOwnDirectory(Transport t) throws IOException {
        try (Listener a = t.listen(t.defaultAddress(), TransportOptions.defaults());
             Listener b = t.listen(t.defaultAddress(), TransportOptions.defaults())) {
            assertFalse(a.address().equals(b.address()), a.address() + " vs " + b.address());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aStaleSocketFileIsReplaced(Transport t) throws IOException {
        Path socket = dir.resolve("stale.sock");
        leaveStaleSocket(socket);
        assertTrue(exists(socket));
        try (Listener listener = t.listen(at(t, socket), TransportOptions.defaults())) {
            assertAnswers(t, listener);
            assertEquals("rw-------", permissions(socket));
        }
        assertFalse(exists(socket));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aPathHeldByALiveServerIsRefused(Transport t) throws IOException {
        Path socket = dir.resolve("live.sock");
        try (Listener first = t.listen(at(t, socket), TransportOptions.defaults())) {
            // The probe's connection waits in the first server's backlog; take it so it is not mistaken for a client.
            BindException e = assertThrows(BindException.class,
                    () -> t.listen(at(t, socket), TransportOptions.defaults()));
            assertTrue(e.getMessage().contains(socket + " is in use by a live server"), e.getMessage());
            first.accept().close();
            assertAnswers(t, first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aFileThatIsNotASocketIsNeverReplaced(Transport t) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "keep me");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> t.listen(at(t, file), TransportOptions.defaults()));
        assertTrue(e.getMessage().contains("not a socket"), e.getMessage());
        assertEquals("keep me", Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aMissingDirectoryIsNamedAndNotCreated(Transport t) {
        Path missing = dir.resolve("missing");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> t.listen(at(t, missing.resolve("s.sock")), TransportOptions.defaults()));
        assertTrue(e.getMessage().startsWith(missing + ": no such directory"), e.getMessage());
        assertFalse(exists(missing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aTooLongPathIsRefusedBeforeAnythingIsCreated(Transport t) throws IOException {
        int max = t instanceof UnixTransport ? UnixTransport.MAX_PATH_BYTES : UnixJdkTransport.MAX_PATH_BYTES;
        String prefix = dir.resolve("d").toString() + "/";
        Path longest = Path.of(prefix + "x".repeat(max - prefix.length()));
        Path tooLong = Path.of(prefix + "x".repeat(max + 1 - prefix.length()));
        Files.createDirectory(longest.getParent());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.listen(at(t, tooLong), TransportOptions.defaults()));
        assertTrue(e.getMessage().contains("is " + (max + 1) + " bytes") && e.getMessage().contains("at most " + max)
                && e.getMessage().contains("sun_path holds " + SocketFile.SUN_PATH_BYTES), e.getMessage());
        try (Stream<Path> left = Files.list(longest.getParent())) {
            assertEquals(0, left.count(), "nothing was created");
        }
        assertThrows(IllegalArgumentException.class, () -> t.connect(at(t, tooLong), TransportOptions.defaults()));

        // The longest path the limit allows really binds.
        try (Listener listener = t.listen(at(t, longest), TransportOptions.defaults())) {
            assertAnswers(t, listener);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void closeLeavesALaterServersSocketAlone(Transport t) throws IOException {
        Path socket = dir.resolve("shared.sock");
        Listener first = t.listen(at(t, socket), TransportOptions.defaults());
        Files.delete(socket); // someone removed it by hand, and a second server took the path
        try (Listener second = t.listen(at(t, socket), TransportOptions.defaults())) {
            first.close();
            assertTrue(exists(socket), "the first server's close removed the second server's socket");
            assertAnswers(t, second);
        }
        assertFalse(exists(socket));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aClientNeedsAPath(Transport t) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.connect(t.defaultAddress(), TransportOptions.defaults()));
        assertTrue(e.getMessage().contains("needs the server's socket path"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void theBufferSizeSetsBothSocketBuffersOnBothEnds(Transport t) throws IOException {
        // Far below Linux's default of about 208 KiB, so that the sizes seen can only come from the option.
        int size = 8192;
        TransportOptions options = TransportOptions.defaults().withBufferSize(size);
        try (Listener listener = t.listen(t.defaultAddress(), options);
             Connection client = t.connect(listener.address(), options);
             Connection server = listener.accept()) {
            for (Connection c : new Connection[] {client, server}) {
                SocketChannel ch = ((ChannelConnection) c).channel();
                // Linux reports what it set aside: the size asked for, or twice that.
                for (int got : new int[] {ch.getOption(StandardSocketOptions.SO_SNDBUF),
                                          ch.getOption(StandardSocketOptions.SO_RCVBUF)}) {
                    assertTrue(got == size || got == 2 * size, c + ": " + got);
                }
            }
        }
    }
}
