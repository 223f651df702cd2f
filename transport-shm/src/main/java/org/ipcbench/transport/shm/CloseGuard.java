package org.ipcbench.transport.shm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets one thread close a connection while others read or write it, without unmapping memory under them.
 *
 * <p>A socket can be closed from any thread: the kernel wakes the blocked reader. Shared memory has no
 * kernel in the way, and unmapping a file (or closing a Chronicle queue) while another thread reads it
 * crashes the JVM. So the reader and the writer each announce that they are inside with a volatile
 * store; {@link #markClosed()} marks the connection closed, and {@link #awaitIdle()} waits until neither
 * is inside before the caller releases anything. A waiting reader or writer sees the mark within one idle step and
 * leaves with {@link AsynchronousCloseException}. Both sides use volatile accesses, so the check is
 * sound under the Java memory model. The hot path pays a volatile store and load on entry and a release
 * store on exit (a few nanoseconds, uncontended: each flag has one writer), and takes no lock.
 *
 * <p>One reader and one writer at a time, as with a socket channel.
 */
final class CloseGuard {

    private static final VarHandle READING;
    private static final VarHandle WRITING;
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READING = lookup.findVarHandle(CloseGuard.class, "reading", boolean.class);
            WRITING = lookup.findVarHandle(CloseGuard.class, "writing", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile boolean closed;
    private volatile boolean reading;
    private volatile boolean writing;

    void enterRead() throws ClosedChannelException {
        reading = true;
        if (closed) {
            reading = false;
            throw new ClosedChannelException();
        }
    }

    void exitRead() {
        READING.setRelease(this, false);
    }

    void enterWrite() throws ClosedChannelException {
        writing = true;
        if (closed) {
            writing = false;
            throw new ClosedChannelException();
        }
    }

    void exitWrite() {
        WRITING.setRelease(this, false);
    }

    boolean isClosed() {
        return closed;
    }

    /** Marks the connection closed; true for the first call only. */
    boolean markClosed() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            return true;
        }
    }

    /**
     * After {@link #markClosed()}: waits until no read or write is inside.
     *
     * @return whether the caller now owns the connection's memory and may release it; false if a reader or
     *         writer did not leave within ten seconds (the memory is then left to the garbage collector
     *         rather than unmapped under a running thread)
     */
    boolean awaitIdle() {
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        while (reading || writing) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(50_000);
        }
        return true;
    }
}
