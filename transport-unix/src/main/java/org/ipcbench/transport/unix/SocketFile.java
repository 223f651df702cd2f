package org.ipcbench.transport.unix;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import org.ipcbench.transport.ChannelConnection;
import org.ipcbench.transport.ChannelListener;
import org.ipcbench.transport.TransportOptions;
import java.net.BindException;
import java.net.ConnectException;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ipcbench.transport.Address;

/**
 * The file a Unix-domain server socket lives at, for both unix transports: the checks before bind, owner-only
 * permissions after it, and removal on close.
 *
 * <p>An empty location ({@code unix:}) asks for a fresh private directory (0700) holding the socket, as
 * {@code tcp:127.0.0.1:0} asks for a fresh port; the listener's address names the real path, and closing the
 * listener removes the directory too. A named path is made absolute, so the address a listener reports works
 * from any working directory. Its file is made 0600 right after bind; until then it has the umask's mode, which
 * under the usual umask of 022 already denies others the write permission that connecting needs.
 */
final class SocketFile {

    /** Size of {@code sun_path} in {@code struct sockaddr_un}: 108 bytes on Linux, 104 on macOS and the BSDs. */
    static final int SUN_PATH_BYTES =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") ? 108 : 104;

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    // The kernel counts the bytes the JVM passes, in the platform's file-name encoding.
    private static final Charset PATH_ENCODING =
            Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));

    private static final int BACKLOG = 128;

    /** How a transport opens a client channel to a socket file; it throws {@link ConnectException} if nobody listens. */
    @FunctionalInterface
    interface Dialer {
        SocketChannel dial(Path socket) throws IOException;
    }

    /** How a transport names a socket file as an address its channels bind to. */
    @FunctionalInterface
    interface Naming {
        SocketAddress of(Path socket) throws IOException;
    }

    private final Path path;
    private final Path privateDir;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile Object boundKey;

    private SocketFile(Path path, Path privateDir) {
        this.path = path;
        this.privateDir = privateDir;
    }

    /**
     * Gets the path of {@code address} ready to bind: refused if too long (before anything is created) or held by a
     * live server, cleared if a dead server left its socket file there.
     *
     * @param maxPathBytes the longest path the transport's library binds
     * @param dialer       how to probe a socket file that is already there
     */
    static SocketFile forListening(Address address, int maxPathBytes, Dialer dialer) throws IOException {
        if (address.location().isEmpty()) {
            Path dir = Files.createTempDirectory("ipcbench-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path socket = dir.resolve("socket");
            try {
                checkLength(address.scheme(), socket, maxPathBytes,
                        "Set java.io.tmpdir to a shorter directory, or name a socket path.");
            } catch (RuntimeException e) {
                Files.delete(dir);
                throw e;
            }
            return new SocketFile(socket, dir);
        }
        Path socket = resolve(address, maxPathBytes);
        if (!Files.isDirectory(socket.getParent())) {
            // bind would say only "No such file or directory"
            throw new NoSuchFileException(socket.getParent().toString(), null,
                    "no such directory to hold the socket " + socket);
        }
        clearStale(socket, dialer);
        return new SocketFile(socket, null);
    }

    /**
     * Binds {@code server} at the socket file for {@code address} and returns its listener; on failure the
     * channel is closed and the file released. Both Unix transports listen through here and differ only in
     * their channels.
     */
    static ChannelListener listen(ServerSocketChannel server, Address address, int maxPathBytes, Dialer dialer,
                                  Naming socketAddress, TransportOptions options)
            throws IOException {
        SocketFile file = null;
        try {
            ChannelConnection.socketWait(options);
            file = forListening(address, maxPathBytes, dialer);
            // Accepted sockets inherit the receive buffer from the listening socket.
            server.setOption(StandardSocketOptions.SO_RCVBUF, options.bufferSize());
            server.bind(socketAddress.of(file.path()), BACKLOG);
            file.bound();
            return new ChannelListener(server, new Address(address.scheme(), file.path().toString()), options,
                    ch -> ChannelConnection.configureSocket(ch, options), file::release);
        } catch (IOException | RuntimeException e) {
            server.close();
            if (file != null) {
                file.release();
            }
            throw e;
        }
    }

    /** The absolute socket path to connect to; refused if empty or too long. */
    static Path forConnecting(Address address, int maxPathBytes) {
        if (address.location().isEmpty()) {
            throw new IllegalArgumentException("bad " + address.scheme() + " address '" + address
                    + "': a client needs the server's socket path, for example " + address.scheme()
                    + ":/tmp/ipcbench.sock");
        }
        return resolve(address, maxPathBytes);
    }

    private static Path resolve(Address address, int maxPathBytes) {
        Path socket = Path.of(address.location()).toAbsolutePath();
        checkLength(address.scheme(), socket, maxPathBytes, "Choose a shorter path.");
        return socket;
    }

    private static void checkLength(String scheme, Path socket, int maxPathBytes, String advice) {
        int bytes = socket.toString().getBytes(PATH_ENCODING).length;
        if (bytes > maxPathBytes) {
            throw new IllegalArgumentException("socket path " + socket + " is " + bytes + " bytes; " + scheme
                    + " takes at most " + maxPathBytes + " (the platform's sun_path holds " + SUN_PATH_BYTES
                    + " bytes, including a terminating NUL). " + advice);
        }
    }

    private static void clearStale(Path socket, Dialer dialer) throws IOException {
        if (!Files.exists(socket, NO_FOLLOW)) {
            return;
        }
        if (!isSocket(socket)) {
            throw new FileAlreadyExistsException(socket.toString(), null,
                    "exists and is not a socket; refusing to replace it");
        }
        try {
            dialer.dial(socket).close();
        } catch (ConnectException refused) {
            // Nobody accepts there: a server died without removing its file.
            Files.deleteIfExists(socket);
            return;
        }
        throw new BindException(socket + " is in use by a live server; stop it, or choose another path");
    }

    private static boolean isSocket(Path p) throws IOException {
        try {
            return ((Integer) Files.getAttribute(p, "unix:mode", NO_FOLLOW) & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return Files.readAttributes(p, BasicFileAttributes.class, NO_FOLLOW).isOther();
        }
    }

    Path path() {
        return path;
    }

    /**
     * Call right after bind: makes the file owner-only (a private directory already is) and remembers which file
     * is ours, so that {@link #release()} never removes a later server's socket at the same path.
     */
    void bound() throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        boundKey = Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW).fileKey();
    }

    /** Removes the socket file if it is still ours, and the private directory. Idempotent; safe in a shutdown hook. */
    void release() throws IOException {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        try {
            if (privateDir != null || isStillOurs()) {
                Files.deleteIfExists(path);
            }
        } finally {
            if (privateDir != null) {
                Files.deleteIfExists(privateDir);
            }
        }
    }

    private boolean isStillOurs() throws IOException {
        Object key = boundKey;
        try {
            return key != null && key.equals(Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW).fileKey());
        } catch (NoSuchFileException gone) {
            return false;
        }
    }
}
