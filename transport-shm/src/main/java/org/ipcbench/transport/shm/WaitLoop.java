package org.ipcbench.transport.shm;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.ipcbench.transport.ReadTimeoutException;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.WaitStrategy;

/**
 * How a shared-memory reader (or a writer facing a full ring) waits: the named {@link WaitStrategy} as
 * an Agrona {@link IdleStrategy}, the read timeout, and a look at the peer process once a second, so
 * that a dead peer never hangs a wait that has no timeout.
 *
 * <p>One per direction, since the idle strategies keep state. A caller polls, and calls {@link #pause}
 * each time the poll found nothing; {@link #reset} starts a new wait. The clock is read only once a wait
 * has idled {@value #POLLS_BEFORE_CLOCK} times, never on a poll that finds data.
 */
final class WaitLoop {

    /** The default: spinning keeps latency low while data flows, parking keeps an idle connection cheap. */
    static final WaitStrategy DEFAULT = WaitStrategy.BACKOFF;
    static final long PEER_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * Idle steps of a wait before the clock is first read. While messages flow a wait ends within a few dozen
     * polls, so the poll loop then reads no clock, and notices data sooner; a busy-spinning wait reaches this
     * in microseconds, so timeouts and the peer check start that much later.
     */
    static final int POLLS_BEFORE_CLOCK = 256;

    // Backoff: about 1000 busy polls (tens of microseconds), then 100 yields, then parks of 1 µs up to 1 ms.
    private static final long BACKOFF_SPINS = 1_000;
    private static final long BACKOFF_YIELDS = 100;
    private static final long BACKOFF_MIN_PARK_NANOS = 1_000;
    private static final long BACKOFF_MAX_PARK_NANOS = 1_000_000;

    private final IdleStrategy idle;
    private final Duration timeout;
    private final long timeoutNanos;
    private final boolean forWrite;
    private final PeerWatch peer;
    private final CloseGuard guard;
    private int polls; // idle steps of this wait so far, up to POLLS_BEFORE_CLOCK
    private boolean waiting;
    private long startNanos;
    private long nextCheckNanos;

    WaitLoop(TransportOptions options, PeerWatch peer, CloseGuard guard, boolean forWrite) {
        this.idle = idleStrategy(strategy(options));
        this.timeout = options.readTimeout();
        this.timeoutNanos = options.hasReadTimeout() ? options.readTimeout().toNanos() : Long.MAX_VALUE;
        this.forWrite = forWrite;
        this.peer = peer;
        this.guard = guard;
    }

    /**
     * The wait strategy a shared-memory transport runs with: {@code backoff} unless told otherwise. There is
     * no kernel object to block on, so {@code block} is refused.
     */
    static WaitStrategy strategy(TransportOptions options) {
        WaitStrategy w = options.waitStrategy().orElse(DEFAULT);
        if (w == WaitStrategy.BLOCK) {
            throw new IllegalArgumentException("shared-memory transports cannot block: there is no kernel object "
                    + "to sleep on; wait with spin, yield or backoff (the default)");
        }
        return w;
    }

    /** A fresh idle strategy for {@code w}: Agrona's busy-spin, yielding or backoff idler. */
    static IdleStrategy idleStrategy(WaitStrategy w) {
        switch (w) {
            case SPIN:
                return new BusySpinIdleStrategy();
            case YIELD:
                return new YieldingIdleStrategy();
            case BACKOFF:
                return new BackoffIdleStrategy(BACKOFF_SPINS, BACKOFF_YIELDS, BACKOFF_MIN_PARK_NANOS,
                        BACKOFF_MAX_PARK_NANOS);
            default:
                throw new IllegalArgumentException("no idle strategy for " + w.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Starts a new wait. */
    void reset() {
        waiting = false;
        polls = 0;
    }

    /**
     * Called after a poll that found nothing: throws if the wait is over, else idles one step.
     *
     * @return true if the peer has closed its end (the caller polls once more, and then knows nothing
     *         more will come); false otherwise
     * @throws AsynchronousCloseException if this connection was closed by another thread
     * @throws org.ipcbench.transport.PeerExitedException if the peer process is gone
     * @throws ReadTimeoutException if the timeout passed and the peer is alive
     */
    boolean pause() throws IOException {
        if (guard.isClosed()) {
            throw new AsynchronousCloseException();
        }
        if (polls < POLLS_BEFORE_CLOCK) {
            if (polls++ == 0) {
                idle.reset();
            }
            idle.idle();
            return false;
        }
        long now = System.nanoTime();
        if (!waiting) {
            waiting = true;
            startNanos = now;
            nextCheckNanos = now + PEER_CHECK_NANOS;
        } else {
            boolean timedOut = now - startNanos >= timeoutNanos;
            if (timedOut || now - nextCheckNanos >= 0) {
                nextCheckNanos = now + PEER_CHECK_NANOS;
                if (peer.hasClosed()) {
                    return true;
                }
                peer.checkAlive();
                if (timedOut) {
                    throw forWrite ? ReadTimeoutException.onWrite(timeout) : new ReadTimeoutException(timeout);
                }
            }
        }
        idle.idle();
        return false;
    }
}
