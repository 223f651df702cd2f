package org.ipcbench.transport.unix;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.ChannelConnection;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.ConnectionRefusedSocketException;

/**
 * Unix-domain sockets with junixsocket: {@code unix:/path/to/sock}, or {@code unix:} for a socket in a fresh
 * private directory. See {@link SocketFile} for the file's rules.
 *
 * <p>junixsocket's channels are NIO channels with their own selector provider, so the selector server model works
 * over them as over the JDK's. Its native library is unpacked from its jar at first use; where that fails, the
 * error says what to set (see README-native.md). Every socket gets SO_SNDBUF / SO_RCVBUF of the buffer size.
 */
public final class UnixTransport implements Transport {

    public static final String SCHEME = "unix";
    /** The path and its terminating NUL fill {@code sun_path}. */
    static final int MAX_PATH_BYTES = SocketFile.SUN_PATH_BYTES - 1;
    /** junixsocket's system property for the directory it unpacks its native library into. */
    static final String LIBRARY_TMPDIR_PROPERTY = "org.newsclub.net.unix.library.tmpdir";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Address defaultAddress() {
        return new Address(SCHEME, "");
    }

    @Override
    public Listener listen(Address address, TransportOptions options) throws IOException {
        requireNativeLibrary();
        AFUNIXServerSocketChannel server = AFUNIXServerSocketChannel.open();
        // junixsocket would remove whatever is at the path on close, even a later server's socket; SocketFile
        // removes only the file this server bound.
        server.setDeleteOnClose(false);
        return SocketFile.listen(server, address, MAX_PATH_BYTES, UnixTransport::dial, AFUNIXSocketAddress::of, options);
    }

    @Override
    public Connection connect(Address address, TransportOptions options) throws IOException {
        Path socket = SocketFile.forConnecting(address, MAX_PATH_BYTES);
        requireNativeLibrary();
        return ChannelConnection.connect(AFUNIXSocketChannel.open(), AFUNIXSocketAddress.of(socket), address, options,
                ch -> ChannelConnection.configureSocket(ch, options));
    }

    /** A client channel to {@code socket}; a refusal is the JDK's {@link ConnectException}, as {@link SocketFile} expects. */
    private static SocketChannel dial(Path socket) throws IOException {
        AFUNIXSocketChannel ch = AFUNIXSocketChannel.open();
        try {
            ch.connect(AFUNIXSocketAddress.of(socket));
            return ch;
        } catch (ConnectionRefusedSocketException e) {
            ch.close();
            throw (ConnectException) new ConnectException(e.getMessage()).initCause(e);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** junixsocket prints why its library did not load (once, on stderr); this says what to do about it. */
    private static void requireNativeLibrary() throws IOException {
        if (!AFUNIXSocket.isSupported()) {
            throw new IOException("junixsocket could not load its native library for " + System.getProperty("os.arch")
                    + " " + System.getProperty("os.name") + "; its own error is on stderr. It unpacks the library"
                    + " from its jar into " + System.getProperty(LIBRARY_TMPDIR_PROPERTY,
                            System.getProperty("java.io.tmpdir"))
                    + ": if that directory is not writable or is mounted noexec, start Java with -D"
                    + LIBRARY_TMPDIR_PROPERTY + "=DIR naming one that is writable and allows executables."
                    + " Or use the unix-jdk transport, which needs no native library.");
        }
    }
}
