package org.ipcbench.transport;

import java.io.IOException;
import java.time.Duration;

/** A read (or a write) waited longer than the connection's timeout. */
public final class ReadTimeoutException extends IOException {

    private final Duration timeout;

    public ReadTimeoutException(Duration timeout) {
        this("no data within the read timeout of " + timeout.toMillis() + " ms", timeout);
    }

    public ReadTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /** A write that found no room for longer than the timeout: the peer has stopped reading. */
    public static ReadTimeoutException onWrite(Duration timeout) {
        return new ReadTimeoutException("the peer took no data for longer than the timeout of "
                + timeout.toMillis() + " ms", timeout);
    }

    public Duration timeout() {
        return timeout;
    }
}
