package org.ipcbench.transport.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.WaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What both schemes leave on disk: owner-only directories, nothing after a close, nothing of the dead. */
class ShmDirectoriesTest {

    static Stream<Transport> transports() {
        return Stream.of(new ShmTransport(), new ShmRingTransport());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void directoriesAreOwnerOnlyAndOnTmpfs(Transport transport) throws Exception {
        Address address = transport.defaultAddress();
        assertTrue(address.location().startsWith(ListenerDirectory.tmpfsRoot().toString()), address.toString());
        try (Listener listener = transport.listen(address, TransportOptions.defaults());
             Connection client = transport.connect(listener.address(), TransportOptions.defaults());
             Connection server = listener.accept()) {
            Path dir = Path.of(listener.address().location());
            assertEquals(PrivateDirectory.OWNER_ONLY, Files.getPosixFilePermissions(dir));
            List<Path> dirs = tree(dir).stream().filter(Files::isDirectory).collect(Collectors.toList());
            assertTrue(dirs.size() >= 2, "the listener's and the connection's directories: " + dirs);
            for (Path d : dirs) {
                assertEquals(PrivateDirectory.OWNER_ONLY, Files.getPosixFilePermissions(d), d.toString());
            }
            echoOnce(client, server);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void closingRemovesTheFiles(Transport transport) throws Exception {
        Listener listener = transport.listen(transport.defaultAddress(), TransportOptions.defaults());
        Path dir = Path.of(listener.address().location());
        Connection client = transport.connect(listener.address(), TransportOptions.defaults());
        Connection server = listener.accept();
        echoOnce(client, server);
        Path conn = connectionDirectories(dir).get(0);
        client.close();
        assertTrue(Files.isDirectory(conn), "the server has not closed yet, and may still read");
        server.close();
        assertFalse(Files.exists(conn), "closed at both ends: the connection's files are gone");
        assertEquals(List.of(dir.resolve("listener")), tree(dir).subList(1, tree(dir).size()));
        listener.close();
        assertFalse(Files.exists(dir), "the default directory goes with the listener");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void closingTheListenerFirstStillRemovesEverything(Transport transport) throws Exception {
        Listener listener = transport.listen(transport.defaultAddress(), TransportOptions.defaults());
        Path dir = Path.of(listener.address().location());
        Connection client = transport.connect(listener.address(), TransportOptions.defaults());
        Connection server = listener.accept();
        listener.close();
        echoOnce(client, server);
        server.close();
        client.close();
        assertFalse(Files.exists(dir), "the last connection out removes the default directory");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aListenerRemovesWhatDeadProcessesLeft(Transport transport, @TempDir Path tmp) throws Exception {
        long dead = deadPid();
        long self = ProcessHandle.current().pid();
        Path dir = tmp.resolve("address");
        Files.createDirectory(dir);
        Path deadClient = Files.createDirectories(dir.resolve("conn-" + dead + "-0").resolve("c2s"));
        Files.writeString(deadClient.getParent().resolve("accepted"), Long.toString(dead));
        Path liveClient = Files.createDirectories(dir.resolve("conn-" + self + "-999"));
        Files.writeString(dir.resolve("listener"), Long.toString(dead));

        try (Listener listener = transport.listen(new Address(transport.scheme(), dir.toString()),
                TransportOptions.defaults())) {
            assertFalse(Files.exists(deadClient.getParent()), "a connection of dead processes is removed");
            assertTrue(Files.exists(liveClient), "a connection whose client runs is kept");
            assertEquals(Long.toString(self), Files.readString(dir.resolve("listener")).trim());
            IOException inUse = assertThrows(IOException.class,
                    () -> transport.listen(listener.address(), TransportOptions.defaults()));
            assertTrue(inUse.getMessage().contains("in use by process " + self), inUse.getMessage());
        }
        assertTrue(Files.isDirectory(dir), "a directory the user named is not ours to delete");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aDefaultAddressRemovesDefaultDirectoriesOfDeadProcesses(Transport transport) throws Exception {
        Path stale = ListenerDirectory.tmpfsRoot().resolve("ipcbench-" + transport.scheme() + '-' + deadPid() + "-0");
        Path conn = Files.createDirectories(stale.resolve("conn-" + deadPid() + "-3"));
        Files.write(conn.resolve("c2s"), new byte[4096]);
        try {
            transport.defaultAddress();
            assertFalse(Files.exists(stale), "left by a dead process: removed");
        } finally {
            PrivateDirectory.deleteTree(stale);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void blockIsRefusedWithAReason(Transport transport) throws Exception {
        TransportOptions block = TransportOptions.defaults().withWait(WaitStrategy.BLOCK);
        IllegalArgumentException onListen = assertThrows(IllegalArgumentException.class,
                () -> transport.listen(transport.defaultAddress(), block));
        assertTrue(onListen.getMessage().contains("cannot block"), onListen.getMessage());
        try (Listener listener = transport.listen(transport.defaultAddress(), TransportOptions.defaults())) {
            IllegalArgumentException onConnect = assertThrows(IllegalArgumentException.class,
                    () -> transport.connect(listener.address(), block));
            assertTrue(onConnect.getMessage().contains("spin, yield or backoff"), onConnect.getMessage());
        }
    }

    @Test
    void aConnectWithNobodyListeningIsRefused(@TempDir Path tmp) {
        IOException e = assertThrows(IOException.class, () -> new ShmRingTransport().connect(
                new Address("shm-ring", tmp.toString()), TransportOptions.defaults()));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    static void echoOnce(Connection client, Connection server) throws IOException {
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        assertEquals(hello.length, client.write(ByteBuffer.wrap(hello)));
        ByteBuffer got = ByteBuffer.allocate(16);
        while (got.position() < hello.length) {
            server.read(got);
        }
        got.flip();
        while (got.hasRemaining()) {
            server.write(got);
        }
        ByteBuffer back = ByteBuffer.allocate(16);
        while (back.position() < hello.length) {
            client.read(back);
        }
        assertEquals("hello", new String(back.array(), 0, back.position(), StandardCharsets.US_ASCII));
    }

    static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static List<Path> connectionDirectories(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("conn-")).collect(Collectors.toList());
        }
    }

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().collect(Collectors.toList());
        }
    }
}
