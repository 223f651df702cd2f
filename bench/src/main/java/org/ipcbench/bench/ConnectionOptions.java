package org.ipcbench.bench;

import java.io.IOException;
import java.time.Duration;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.Transports;
import org.ipcbench.transport.WaitStrategy;

import picocli.CommandLine.Option;

/** The options {@code serve} and {@code ping} share: where, how messages are framed, and how to wait. */
final class ConnectionOptions {

    @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = "tcp:127.0.0.1:0",
            description = "tcp:HOST:PORT, unix:PATH, unix-jdk:PATH, shm:DIR or shm-ring:DIR. "
                    + "A scheme with nothing after the colon (unix:) picks a fresh private path. Default: ${DEFAULT-VALUE}.")
    String address;

    @Option(names = "--framing", paramLabel = "FRAMING", defaultValue = "length",
            description = "fixed, delimited, length or close. Default: ${DEFAULT-VALUE}.")
    String framing;

    @Option(names = "--message-size", paramLabel = "BYTES", defaultValue = "64",
            description = "Payload bytes per message (the exact size for fixed framing). Default: ${DEFAULT-VALUE}.")
    int messageSize;

    @Option(names = "--buffer-size", paramLabel = "BYTES", defaultValue = "4096",
            description = "Read chunk and socket buffer size: a power of two from 512 to 1048576. Default: ${DEFAULT-VALUE}.")
    int bufferSize;

    @Option(names = "--max-frame-size", paramLabel = "BYTES", defaultValue = "16777216",
            description = "Largest frame accepted; bigger ones close the connection. Default: ${DEFAULT-VALUE} (16 MiB).")
    int maxFrameSize;

    @Option(names = "--wait", paramLabel = "STRATEGY",
            description = "How a reader waits: block or spin for sockets; spin, yield or backoff for shared memory. "
                    + "Default: block for sockets, backoff for shared memory.")
    WaitStrategy wait;

    Framing framing() {
        return Framing.of(framing, messageSize, maxFrameSize);
    }

    TransportOptions transportOptions(Duration readTimeout) {
        TransportOptions o = TransportOptions.defaults().withBufferSize(bufferSize).withReadTimeout(readTimeout);
        return wait == null ? o : o.withWait(wait);
    }

    Transport transport() {
        return Transports.forScheme(Address.parse(address).scheme());
    }

    /** The address to use; an empty location asks the transport for a fresh default. */
    Address resolvedAddress() throws IOException {
        Address a = Address.parse(address);
        return a.location().isEmpty() ? transport().defaultAddress() : a;
    }

    void validate() {
        if (messageSize < 0) {
            throw new IllegalArgumentException("--message-size must not be negative: " + messageSize);
        }
        TransportOptions.checkBufferSize(bufferSize);
        framing();
        transport();
    }
}
