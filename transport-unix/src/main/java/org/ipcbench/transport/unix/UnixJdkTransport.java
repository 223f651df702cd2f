package org.ipcbench.transport.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.ChannelConnection;
import org.ipcbench.transport.ChannelListener;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;

/**
 * Unix-domain sockets with the JDK's own channels (JDK 16+, no native code of ours): {@code unix-jdk:/path/to/sock},
 * or {@code unix-jdk:} for a socket in a fresh private directory. See {@link SocketFile} for the file's rules.
 *
 * <p>Every socket gets SO_SNDBUF / SO_RCVBUF of the buffer size.
 */
public final class UnixJdkTransport implements Transport {

    public static final String SCHEME = "unix-jdk";
    /** The JDK refuses a path of {@code sun_path}'s size less one, so it binds one byte fewer than the kernel allows. */
    static final int MAX_PATH_BYTES = SocketFile.SUN_PATH_BYTES - 2;
    private static final int BACKLOG = 128;

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
        ChannelConnection.socketWait(options);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        SocketFile file = null;
        try {
            file = SocketFile.forListening(address, MAX_PATH_BYTES, UnixJdkTransport::dial);
            // Accepted sockets inherit the receive buffer from the listening socket.
            server.setOption(StandardSocketOptions.SO_RCVBUF, options.bufferSize());
            server.bind(UnixDomainSocketAddress.of(file.path()), BACKLOG);
            file.bound();
            return new ChannelListener(server, new Address(SCHEME, file.path().toString()), options,
                    ch -> configure(ch, options), file::release);
        } catch (IOException | RuntimeException e) {
            server.close();
            if (file != null) {
                file.release();
            }
            throw e;
        }
    }

    @Override
    public Connection connect(Address address, TransportOptions options) throws IOException {
        UnixDomainSocketAddress where = UnixDomainSocketAddress.of(SocketFile.forConnecting(address, MAX_PATH_BYTES));
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            configure(ch, options);
            ch.connect(where);
            return new ChannelConnection(ch, options, address.toString());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("cannot connect to " + address + ": " + e.getMessage(), e);
        }
    }

    private static SocketChannel dial(Path socket) throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    private static void configure(SocketChannel ch, TransportOptions options) throws IOException {
        ChannelConnection.socketWait(options);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, options.bufferSize());
        ch.setOption(StandardSocketOptions.SO_RCVBUF, options.bufferSize());
    }
}
