package org.ipcbench.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The raw socket baseline's echo peer, a main class of its own so it runs in its own JVM with no
 * ipcbench transport code: a plain JDK {@link ServerSocketChannel} over TCP loopback or a Unix-domain
 * socket, one connection, length-prefixed echo.
 *
 * <pre>java ... org.ipcbench.bench.RawSocketPeer tcp|unix BUFFER_SIZE block|spin MAX_MESSAGE</pre>
 *
 * Prints {@code READY tcp:127.0.0.1:PORT} or {@code READY unix:PATH}; stops when its client leaves, when
 * it gets SIGTERM, or when the JVM that started it is gone, and deletes its socket file.
 */
public final class RawSocketPeer {

    private RawSocketPeer() {
    }

    public static void main(String[] args) throws Exception {
        String scheme = args[0];
        int bufferSize = Integer.parseInt(args[1]);
        boolean spin = "spin".equals(args[2]);
        int maxMessage = Integer.parseInt(args[3]);
        Path socketFile = null;
        ServerSocketChannel server;
        String ready;
        if ("unix".equals(scheme)) {
            Path dir = Files.createTempDirectory("ipcbench-raw");
            socketFile = dir.resolve("s");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socketFile));
            ready = "unix:" + socketFile;
        } else {
            server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_RCVBUF, bufferSize);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ready = "tcp:127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
        }
        Path cleanup = socketFile;
        RawPeerProcess.prepare(() -> {
            if (cleanup != null) {
                Files.deleteIfExists(cleanup);
                Files.deleteIfExists(cleanup.getParent());
            }
        });
        System.out.println("READY " + ready);
        System.out.flush();
        try (server; SocketChannel ch = server.accept();
             RawLengthChannel c = new RawLengthChannel(ch, bufferSize, spin, maxMessage)) {
            while (!RawPeerProcess.stopping()) {
                ByteBuffer m;
                try {
                    m = c.receive();
                } catch (java.io.EOFException e) {
                    break;
                }
                c.send(m);
            }
        }
        RawPeerProcess.loopEnded();
        System.exit(0);
    }

    static SocketAddress socketAddress(String address) throws IOException {
        int colon = address.indexOf(':');
        String scheme = address.substring(0, colon);
        String location = address.substring(colon + 1);
        if ("unix".equals(scheme)) {
            return UnixDomainSocketAddress.of(location);
        }
        int port = Integer.parseInt(location.substring(location.lastIndexOf(':') + 1));
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
