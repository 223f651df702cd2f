package org.ipcbench.transport;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A {@link Listener} over an NIO {@link ServerSocketChannel}, shared by the socket transports. It is
 * also what the {@link SelectorServer} needs: a channel it can register with a selector.
 */
public final class ChannelListener implements Listener {

    /** What a transport does to each accepted channel: socket options such as TCP_NODELAY and buffer sizes. */
    @FunctionalInterface
    public interface Setup {
        void configure(SocketChannel accepted) throws IOException;
    }

    private final ServerSocketChannel server;
    private final Address address;
    private final TransportOptions options;
    private final Setup setup;
    private final Cleanup onClose;

    /** Releases what the transport owns besides the channel, such as a socket file. */
    @FunctionalInterface
    public interface Cleanup {
        void run() throws IOException;
    }

    public ChannelListener(ServerSocketChannel server, Address address, TransportOptions options, Setup setup,
                           Cleanup onClose) {
        this.server = server;
        this.address = address;
        this.options = options;
        this.setup = setup;
        this.onClose = onClose;
    }

    @Override
    public Address address() {
        return address;
    }

    public ServerSocketChannel channel() {
        return server;
    }

    public TransportOptions options() {
        return options;
    }

    /** Applies the transport's socket options to a channel accepted by a selector loop. */
    public void configure(SocketChannel accepted) throws IOException {
        setup.configure(accepted);
    }

    @Override
    public Connection accept() throws IOException {
        SocketChannel ch = server.accept();
        try {
            setup.configure(ch);
            return new ChannelConnection(ch, options, address + " <- " + describeRemote(ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    static String describeRemote(SocketChannel ch) {
        try {
            Object remote = ch.getRemoteAddress();
            return remote == null || remote.toString().isEmpty() ? "peer" : remote.toString();
        } catch (IOException e) {
            return "peer";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
