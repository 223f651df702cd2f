package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.FramedConnection;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Server;
import org.ipcbench.transport.ServerErrors;

/**
 * The peer of a stream: it consumes messages and acknowledges every {@code ackEvery}-th one by writing
 * the count received so far, 8 bytes big-endian and unframed, back on the same connection. The sender
 * never has more than two batches unacknowledged, so a stream is bounded by the peer's pace, never by
 * memory. A thread per connection, named {@code ipcbench-sink}, like the echo server's.
 */
final class StreamSink implements Server {

    static final int ACK_BYTES = Long.BYTES;

    private final Listener listener;
    private final Framing framing;
    private final int bufferSize;
    private final int ackEvery;
    private final ServerErrors errors;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    StreamSink(Listener listener, Framing framing, int bufferSize, int ackEvery, ServerErrors errors) {
        if (framing.endsConnection()) {
            throw new IllegalArgumentException("a stream needs a framing that keeps the connection open, not "
                    + framing.name());
        }
        if (ackEvery < 1) {
            throw new IllegalArgumentException("--ack-every must be at least 1");
        }
        this.listener = listener;
        this.framing = framing;
        this.bufferSize = bufferSize;
        this.ackEvery = ackEvery;
        this.errors = errors;
        this.acceptor = new Thread(this::acceptLoop, "ipcbench-sink-accept " + listener.address());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public Address address() {
        return listener.address();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Connection c = listener.accept();
                open.add(c);
                Thread t = new Thread(() -> consume(c), "ipcbench-sink " + c);
                t.setDaemon(true);
                t.start();
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    errors.onConnectionError("accept on " + listener.address(), e);
                }
                return;
            }
        }
    }

    private void consume(Connection c) {
        ByteBuffer ack = ByteBuffer.allocateDirect(ACK_BYTES);
        long received = 0;
        try (FramedConnection fc = new FramedConnection(c, framing, bufferSize)) {
            while (fc.receive() != null) {
                received++;
                if (received % ackEvery == 0) {
                    ack.clear();
                    ack.putLong(0, received);
                    fc.writeFully(ack);
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

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            errors.onConnectionError("close of " + listener.address(), e);
        }
        for (Connection c : open) {
            try {
                c.close();
            } catch (IOException e) {
                errors.onConnectionError(c.toString(), e);
            }
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
