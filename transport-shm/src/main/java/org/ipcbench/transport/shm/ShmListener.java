package org.ipcbench.transport.shm;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.ipcbench.transport.Address;
import org.ipcbench.transport.Connection;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.TransportOptions;

/**
 * The server end of both shared-memory schemes: it polls its {@link ListenerDirectory} for clients that
 * said hello, opens their lanes, and answers {@code accepted}. One listener serves any number of clients,
 * each with its own connection directory. Served in the blocking (thread per connection) model.
 */
final class ShmListener implements Listener {

    // Connects are rare: no spinning, park from 50 µs up to 2 ms between looks at the directory.
    private static final long MIN_PARK_NANOS = 50_000;
    private static final long MAX_PARK_NANOS = 2_000_000;

    private final ListenerDirectory dir;
    private final Address address;
    private final TransportOptions options;
    private final Lanes.Factory lanes;
    private final IdleStrategy idle = new BackoffIdleStrategy(0, 0, MIN_PARK_NANOS, MAX_PARK_NANOS);
    private volatile boolean closed;

    private ShmListener(ListenerDirectory dir, Address address, TransportOptions options, Lanes.Factory lanes) {
        this.dir = dir;
        this.address = address;
        this.options = options;
        this.lanes = lanes;
    }

    /** Listens at {@code address}: see {@link ListenerDirectory#claim}. */
    static ShmListener listen(Address address, TransportOptions options, Lanes.Factory lanes) throws IOException {
        WaitLoop.strategy(options); // refuse a wait strategy we cannot do before claiming anything
        ListenerDirectory dir = ListenerDirectory.claim(ListenerDirectory.pathOf(address));
        return new ShmListener(dir, new Address(lanes.scheme(), dir.path().toString()), options, lanes);
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public synchronized Connection accept() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        idle.reset();
        while (true) {
            ConnectionDirectory request = dir.nextRequest();
            if (request != null) {
                Connection c = accept(request);
                if (c != null) {
                    return c;
                }
                continue;
            }
            if (closed) {
                throw new AsynchronousCloseException();
            }
            idle.idle();
        }
    }

    /** Opens the server's end of a requested connection; null if the client gave up meanwhile. */
    private Connection accept(ConnectionDirectory request) throws IOException {
        long clientPid = request.helloPid();
        Lanes opened = null;
        try {
            opened = lanes.open(request, ConnectionDirectory.Side.SERVER, options);
            request.accept();
            return new ShmConnection(opened, request, ConnectionDirectory.Side.SERVER, clientPid, options,
                    address + " <- pid " + clientPid + ' ' + request.path().getFileName());
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.release();
            }
            if (!request.exists() || !PeerWatch.isAlive(clientPid)) {
                return null; // the client timed out or died before we answered
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        dir.release();
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
