package org.ipcbench.transport;

/** The two server designs of the socket HOWTO. */
public enum IoModel {
    /** One blocking thread per connection. Works over every transport. */
    BLOCKING,
    /** One thread multiplexing every connection with a {@link java.nio.channels.Selector}; channel-based transports only. */
    SELECTOR
}
