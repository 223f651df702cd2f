package org.ipcbench.transport.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.ChannelConnection;
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
        return SocketFile.listen(ServerSocketChannel.open(StandardProtocolFamily.UNIX), address, MAX_PATH_BYTES,
                UnixJdkTransport::dial, UnixDomainSocketAddress::of, options);
    }

    @Override
    public Connection connect(Address address, TransportOptions options) throws IOException {
        UnixDomainSocketAddress where = UnixDomainSocketAddress.of(SocketFile.forConnecting(address, MAX_PATH_BYTES));
        return ChannelConnection.connect(SocketChannel.open(StandardProtocolFamily.UNIX), where, address, options,
                ch -> ChannelConnection.configureSocket(ch, options));
    }

    private static SocketChannel dial(Path socket) throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }
}
