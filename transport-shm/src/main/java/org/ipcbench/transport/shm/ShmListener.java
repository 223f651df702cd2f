package org.ipcbench.transport.shm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

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
 *
 * <p><b>When accept looks.</b> An accept that polled the directory every few milliseconds for as long as it
 * waits would wake hundreds of times a second, and on two cores with two spinning peers every wake-up
 * preempts a spinner: measured, it put a preemption in one round trip of thirteen, and a scheduler slice
 * (milliseconds) into the p99. So accept sleeps in the kernel until a directory appears in the listener's
 * directory (a {@link WatchService}: inotify on Linux), and polls, parking 50 µs to 2 ms, only while a live
 * client is preparing its lanes and its hello is due. A look every {@value #IDLE_LOOK_MILLIS} ms covers a
 * file system whose watch misses events.
 */
final class ShmListener implements Listener {

    // Connects are rare: no spinning, park from 50 µs up to 2 ms between looks at the directory.
    private static final long MIN_PARK_NANOS = 50_000;
    private static final long MAX_PARK_NANOS = 2_000_000;
    private static final long IDLE_LOOK_MILLIS = 500;

    private final ListenerDirectory dir;
    private final Address address;
    private final TransportOptions options;
    private final Lanes.Factory lanes;
    private final IdleStrategy idle = new BackoffIdleStrategy(0, 0, MIN_PARK_NANOS, MAX_PARK_NANOS);
    private final WatchService watch; // null if the file system has none: then accept polls
    private volatile boolean closed;

    private ShmListener(ListenerDirectory dir, Address address, TransportOptions options, Lanes.Factory lanes) {
        this.dir = dir;
        this.address = address;
        this.options = options;
        this.lanes = lanes;
        this.watch = watch(dir);
    }

    private static WatchService watch(ListenerDirectory dir) {
        WatchService w = null;
        try {
            w = dir.path().getFileSystem().newWatchService();
            dir.path().register(w, StandardWatchEventKinds.ENTRY_CREATE);
            return w;
        } catch (IOException | UnsupportedOperationException e) {
            // no watch (inotify limits reached, say): accept polls as it does while a hello is due
            if (w != null) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // it was never used
                }
            }
            return null;
        }
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
            if (watch == null || dir.helloPending()) {
                idle.idle();
            } else {
                idle.reset();
                awaitNewDirectory();
            }
        }
    }

    /** Sleeps until a directory is made in the listener's directory, the idle look is due, or close. */
    private void awaitNewDirectory() throws IOException {
        try {
            WatchKey key = watch.poll(IDLE_LOOK_MILLIS, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        } catch (ClosedWatchServiceException e) {
            // closed: the caller sees the flag
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted in accept on " + address);
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
        try {
            if (watch != null) {
                watch.close(); // wakes an accept that sleeps on it
            }
        } finally {
            dir.release();
        }
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
