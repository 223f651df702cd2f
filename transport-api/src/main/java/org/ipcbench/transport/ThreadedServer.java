package org.ipcbench.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The HOWTO's first server model: an acceptor thread, and one thread per connection running blocking
 * {@link FramedConnection} calls. Simple, and it works over any transport.
 */
final class ThreadedServer implements Server {

    private final Listener listener;
    private final int bufferSize;
    private final Framing framing;
    private final MessageHandler handler;
    private final ServerErrors errors;
    private final UnaryOperator<Connection> decorate;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    ThreadedServer(Listener listener, int bufferSize, Framing framing, MessageHandler handler, ServerErrors errors,
                   UnaryOperator<Connection> decorate) {
        this.listener = listener;
        this.bufferSize = bufferSize;
        this.framing = framing;
        this.handler = handler;
        this.errors = errors;
        this.decorate = decorate;
        this.acceptor = new Thread(this::acceptLoop, "ipcbench-accept " + listener.address());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    @Override
    public Address address() {
        return listener.address();
    }

    private void acceptLoop() {
        while (!closed) {
            Connection c;
            try {
                c = decorate.apply(listener.accept());
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    errors.onConnectionError("accept on " + listener.address(), e);
                    pause(); // a failing accept (out of file descriptors, say) must not spin a core
                }
                continue;
            }
            open.add(c);
            if (closed) {
                closeQuietly(c);
                break;
            }
            Thread t = new Thread(() -> serve(c), "ipcbench-conn " + c);
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Connection c) {
        try (FramedConnection fc = new FramedConnection(c, framing, bufferSize)) {
            ByteBuffer message;
            while ((message = fc.receive()) != null) {
                fc.send(handler.handle(message));
                if (framing.endsConnection()) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                errors.onConnectionError(c.toString(), e);
            }
        } finally {
            open.remove(c);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (IOException e) {
            errors.onConnectionError(c.toString(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            errors.onConnectionError("close of " + listener.address(), e);
        }
        for (Connection c : open) {
            closeQuietly(c);
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
