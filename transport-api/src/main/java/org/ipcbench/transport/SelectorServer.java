package org.ipcbench.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * The HOWTO's second server model: one thread, non-blocking sockets, and a {@link Selector} that says
 * which are ready. Each connection keeps its own {@link FrameDecoder}, so a message split across many
 * reads is put together across many turns of the loop.
 *
 * <p>Back-pressure: while a connection has reply bytes the socket would not take, it is not read.
 */
final class SelectorServer implements Server {

    private final ChannelListener listener;
    private final Framing framing;
    private final MessageHandler handler;
    private final ServerErrors errors;
    private final Selector selector;
    private final Thread loop;
    private volatile boolean closed;

    SelectorServer(ChannelListener listener, Framing framing, MessageHandler handler, ServerErrors errors)
            throws IOException {
        this.listener = listener;
        this.framing = framing;
        this.handler = handler;
        this.errors = errors;
        this.selector = listener.channel().provider().openSelector();
        listener.channel().configureBlocking(false);
        listener.channel().register(selector, SelectionKey.OP_ACCEPT);
        this.loop = new Thread(this::run, "ipcbench-selector " + listener.address());
        this.loop.setDaemon(true);
        this.loop.start();
    }

    @Override
    public Address address() {
        return listener.address();
    }

    /** The state of one client. */
    private final class Peer {
        final SocketChannel channel;
        final String name;
        final FrameDecoder decoder = framing.newDecoder();
        final ByteBuffer in;
        ByteBuffer out;
        boolean endOfStream;

        Peer(SocketChannel channel, int bufferSize) {
            this.channel = channel;
            this.name = listener.address() + " <- " + ChannelListener.describeRemote(channel);
            this.in = ByteBuffer.allocateDirect(bufferSize);
            this.out = ByteBuffer.allocateDirect(bufferSize);
        }

        void queue(ByteBuffer reply) {
            framing.checkPayload(reply);
            int need = framing.frameLength(reply.remaining());
            if (out.remaining() < need) {
                ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(out.capacity() * 2, out.position() + need));
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            framing.encode(reply, out);
        }
    }

    private void run() {
        try {
            while (!closed) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else {
                        Peer peer = (Peer) key.attachment();
                        try {
                            if (key.isReadable()) {
                                read(key, peer);
                            }
                            if (key.isValid() && key.isWritable()) {
                                flush(key, peer);
                            }
                        } catch (IOException | RuntimeException e) {
                            errors.onConnectionError(peer.name, e);
                            drop(key);
                        }
                    }
                }
            }
        } catch (ClosedSelectorException e) {
            // closed under us by close(): nothing left to serve
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                errors.onConnectionError("selector loop of " + listener.address(), e);
            }
        } finally {
            closeAll();
        }
    }

    private void accept() {
        SocketChannel ch = null;
        try {
            ch = listener.channel().accept();
            if (ch == null) {
                return;
            }
            listener.configure(ch);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, new Peer(ch, listener.options().bufferSize()));
        } catch (IOException | RuntimeException e) {
            errors.onConnectionError("accept on " + listener.address(), e);
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already reported the cause
                }
            }
        }
    }

    private void read(SelectionKey key, Peer peer) throws IOException {
        int n = peer.channel.read(peer.in);
        peer.in.flip();
        while (peer.in.hasRemaining() && peer.decoder.decode(peer.in)) {
            peer.queue(handler.handle(peer.decoder.message()));
        }
        peer.in.clear();
        if (n < 0) {
            peer.endOfStream = true;
            if (peer.decoder.endOfStream()) {
                peer.queue(handler.handle(peer.decoder.message()));
            }
        }
        flush(key, peer);
    }

    /** Writes what the socket takes; reads again only when every reply is out. */
    private void flush(SelectionKey key, Peer peer) throws IOException {
        peer.out.flip();
        peer.channel.write(peer.out);
        boolean drained = !peer.out.hasRemaining();
        peer.out.compact();
        if (!drained) {
            key.interestOps(SelectionKey.OP_WRITE);
        } else if (peer.endOfStream) {
            drop(key); // the peer sent its last byte and has every reply
        } else {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void drop(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            errors.onConnectionError(((Peer) key.attachment()).name, e);
        }
    }

    private void closeAll() {
        try {
            for (SelectionKey key : selector.keys()) {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // shutting down: the listener close below reports what matters
                }
            }
            selector.close();
        } catch (ClosedSelectorException | IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            listener.close();
        } catch (IOException e) {
            errors.onConnectionError("close of " + listener.address(), e);
        }
    }
}
