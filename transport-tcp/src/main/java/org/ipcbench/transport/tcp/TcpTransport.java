package org.ipcbench.transport.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.ChannelConnection;
import org.ipcbench.transport.ChannelListener;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;

/**
 * TCP with JDK NIO: {@code tcp:HOST:PORT}, or {@code tcp:PORT} for 127.0.0.1. Port 0 binds an ephemeral
 * port. The default host is loopback, which, as the HOWTO notes, takes a shortcut around part of the
 * network stack, and keeps the server off the network unless a user names another address.
 *
 * <p>Every socket gets TCP_NODELAY, since a request/response exchange of small messages otherwise waits
 * on Nagle's algorithm, and SO_SNDBUF / SO_RCVBUF of the buffer size.
 */
public final class TcpTransport implements Transport {

    public static final String SCHEME = "tcp";
    private static final String LOOPBACK = "127.0.0.1";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Address defaultAddress() {
        return new Address(SCHEME, LOOPBACK + ":0");
    }

    @Override
    public Listener listen(Address address, TransportOptions options) throws IOException {
        InetSocketAddress where = resolve(address);
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            // Accepted sockets inherit the receive buffer from the listening socket; it must be set before bind.
            server.setOption(StandardSocketOptions.SO_RCVBUF, options.bufferSize());
            server.bind(where, 128);
            InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
            Address real = new Address(SCHEME, hostText(bound.getAddress()) + ':' + bound.getPort());
            return new ChannelListener(server, real, options, ch -> configure(ch, options), () -> { });
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public Connection connect(Address address, TransportOptions options) throws IOException {
        return ChannelConnection.connect(SocketChannel.open(), resolve(address), address, options,
                ch -> configure(ch, options));
    }

    private static void configure(SocketChannel ch, TransportOptions options) throws IOException {
        ChannelConnection.configureSocket(ch, options);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    /** {@code HOST:PORT}, {@code [v6]:PORT} or {@code PORT}. */
    static InetSocketAddress resolve(Address address) throws UnknownHostException {
        String loc = address.location();
        int colon = loc.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : loc.substring(0, colon);
        String portText = colon < 0 ? loc : loc.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535 || host.isEmpty()) {
            throw new IllegalArgumentException("bad tcp address '" + address
                    + "': expected tcp:HOST:PORT with a port from 0 to 65535, for example tcp:127.0.0.1:7000");
        }
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static String hostText(InetAddress a) {
        String h = a.getHostAddress();
        return h.indexOf(':') >= 0 ? '[' + h + ']' : h;
    }
}
