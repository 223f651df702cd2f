package org.ipcbench.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ipcbench.transport.Framing;
import org.ipcbench.transport.IoModel;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.Transports;
import org.ipcbench.transport.WaitStrategy;

/**
 * The parameters of one benchmark cell over an ipcbench transport, and how to start its peer: a
 * {@code serve} JVM ({@code peer=process}) or the same server in a thread ({@code peer=thread}).
 * Both sides get the same framing, buffer size and wait strategy; {@code io} is the echo peer's server model.
 */
record TransportCell(String transport, String framing, int bufferSize, int messageSize, String peer, String waitStrategy,
                     String io) {

    static final String PROCESS = "process";
    static final String THREAD = "thread";
    /** The transport's own default wait strategy: block for sockets, backoff for shared memory. */
    static final String DEFAULT_WAIT = "default";
    /** A thread per connection, the peer's server model unless a cell says otherwise. */
    static final String BLOCKING = "blocking";
    static final String SELECTOR = "selector";

    TransportCell {
        if (!PROCESS.equals(peer) && !THREAD.equals(peer)) {
            throw new IllegalArgumentException("peer must be process or thread, not " + peer);
        }
        if (!BLOCKING.equals(io) && !SELECTOR.equals(io)) {
            throw new IllegalArgumentException("io must be blocking or selector, not " + io);
        }
        // Refused here rather than by the peer, so that a thread peer and a process peer fail alike.
        if (SELECTOR.equals(io) && !TransportKinds.SOCKET.equals(TransportKinds.of(transport))) {
            throw new IllegalArgumentException("the selector model needs a socket transport, not " + transport);
        }
    }

    /** A cell whose peer serves a thread per connection. */
    TransportCell(String transport, String framing, int bufferSize, int messageSize, String peer, String waitStrategy) {
        this(transport, framing, bufferSize, messageSize, peer, waitStrategy, BLOCKING);
    }

    Transport transportImpl() {
        return Transports.forScheme(transport);
    }

    Framing framingImpl() {
        return Framing.of(framing, messageSize, Framing.DEFAULT_MAX_FRAME_SIZE);
    }

    /** No read timeout: a timeout would turn a plain blocking read into a select, and change what is measured. */
    TransportOptions options() {
        TransportOptions o = TransportOptions.defaults().withBufferSize(bufferSize)
                .withIo(IoModel.valueOf(io.toUpperCase(Locale.ROOT)));
        return DEFAULT_WAIT.equals(waitStrategy) ? o : o.withWait(WaitStrategy.valueOf(waitStrategy.toUpperCase(Locale.ROOT)));
    }

    /** An echo peer; {@code ackEvery > 0} makes it a stream sink instead. */
    Peer startPeer(int ackEvery) throws IOException {
        if (THREAD.equals(peer)) {
            return ackEvery > 0 ? ThreadPeer.sink(transportImpl(), options(), framingImpl(), ackEvery)
                    : ThreadPeer.echo(transportImpl(), options(), framingImpl());
        }
        List<String> args = new ArrayList<>(List.of("--address", transport + ":", "--framing", framing,
                "--message-size", Integer.toString(messageSize), "--buffer-size", Integer.toString(bufferSize),
                "--ack-every", Integer.toString(ackEvery)));
        if (!BLOCKING.equals(io)) {
            args.add("--io");
            args.add(io);
        }
        if (!DEFAULT_WAIT.equals(waitStrategy)) {
            args.add("--wait");
            args.add(waitStrategy);
        }
        return ServePeer.start(args);
    }
}
