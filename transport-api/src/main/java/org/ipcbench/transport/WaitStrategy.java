package org.ipcbench.transport;

/**
 * How a reader waits for bytes that have not arrived yet. It decides latency and CPU cost together,
 * often more than the transport does.
 */
public enum WaitStrategy {
    /** Sleep in the kernel until data arrives (a blocking read). Sockets only. */
    BLOCK,
    /** Poll in a loop without giving up the core: lowest latency, and it burns that core. */
    SPIN,
    /** Poll, yielding the core between polls. */
    YIELD,
    /** Spin, then yield, then park for growing intervals. */
    BACKOFF
}
