package org.ipcbench.transport.shm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The directory of one connection, {@code conn-<client pid>-<n>}, under the listener's directory. It holds
 * the two one-way lanes (whatever files a scheme puts there) and the small files of the handshake and of
 * the close:
 *
 * <pre>
 * conn-4242-0/            0700, made by the client
 * ├── c2s                 the lane the client writes and the server reads (a queue directory or a ring file)
 * ├── s2c                 the lane the server writes and the client reads
 * ├── hello               "4242": the client's pid; its appearance is the connect (the server accepts later)
 * ├── accepted            "4100": the server's pid, once its accept took the connection
 * ├── closed-client       the client has closed its end (empty)
 * └── closed-server       the server has closed its end (empty)
 * </pre>
 *
 * Files with content are written under a temporary name and renamed into place, so the other side never
 * reads half a pid. Whoever closes second, or closes after the peer died, deletes the directory.
 */
final class ConnectionDirectory {

    /** Which end of a connection a process holds. */
    enum Side {
        CLIENT("client", "c2s"), SERVER("server", "s2c");

        private final String name;
        private final String lane;

        Side(String name, String lane) {
            this.name = name;
            this.lane = lane;
        }

        Side peer() {
            return this == CLIENT ? SERVER : CLIENT;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String PREFIX = "conn-";
    private static final String HELLO = "hello";
    private static final String ACCEPTED = "accepted";
    private static final String CLOSED = "closed-";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path path;

    ConnectionDirectory(Path path) {
        this.path = path;
    }

    /** A new, empty, owner-only connection directory for a client of the listener at {@code listenerDir}. */
    static ConnectionDirectory create(Path listenerDir) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path p = listenerDir.resolve(PREFIX + pid + '-' + SEQUENCE.getAndIncrement());
            try {
                PrivateDirectory.create(p);
                return new ConnectionDirectory(p);
            } catch (FileAlreadyExistsException e) {
                // left by an earlier process with this pid; the next number is free
            }
        }
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.isDirectory(path);
    }

    /** The lane {@code writer} writes and its peer reads. */
    Path lane(Side writer) {
        return path.resolve(writer.lane);
    }

    /** The client asks to be accepted. */
    void sayHello() throws IOException {
        writePid(HELLO);
    }

    /** The client's pid, or 0 if it has not said hello yet. */
    long helloPid() {
        return readPid(HELLO);
    }

    /** The server takes the connection. */
    void accept() throws IOException {
        writePid(ACCEPTED);
    }

    /** The server's pid, or 0 if it has not accepted yet. */
    long acceptedPid() {
        return readPid(ACCEPTED);
    }

    void markClosed(Side side) throws IOException {
        try {
            Files.createFile(path.resolve(CLOSED + side));
        } catch (FileAlreadyExistsException | NoSuchFileException e) {
            // already marked, or the directory is already gone
        }
    }

    boolean isClosedBy(Side side) {
        return Files.exists(path.resolve(CLOSED + side));
    }

    /** The client pid in the directory's name, or 0 if the name is not one of ours. */
    long clientPidFromName() {
        String name = path.getFileName().toString();
        int dash = name.indexOf('-', PREFIX.length());
        if (!name.startsWith(PREFIX) || dash < 0) {
            return 0;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), dash));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Left behind: both ends closed, or neither process that could still use it runs. A live client whose
     * server died, or a live server whose client died, still owns it and deletes it on close.
     */
    boolean isAbandoned() {
        if (isClosedBy(Side.CLIENT) && isClosedBy(Side.SERVER)) {
            return true;
        }
        long server = acceptedPid();
        return !PeerWatch.isAlive(clientPidFromName()) && (server == 0 || !PeerWatch.isAlive(server));
    }

    void delete() throws IOException {
        PrivateDirectory.deleteTree(path);
    }

    private void writePid(String name) throws IOException {
        Path tmp = path.resolve(name + ".tmp");
        Files.write(tmp, Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII));
        Files.move(tmp, path.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private long readPid(String name) {
        try {
            return Long.parseLong(new String(Files.readAllBytes(path.resolve(name)), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
