package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.ipcbench.transport.Address;
import org.ipcbench.transport.FramedConnection;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;

/**
 * Open-loop latency, the way to avoid coordinated omission: a sender paces messages at a fixed rate and
 * never waits for echoes; a receiver thread reads the echoes. Each message carries its <em>intended</em>
 * send time ({@code start + i / rate}), and its latency is measured from that, so a stall delays the
 * messages queued behind it and every one of them counts, as it would for a real caller. A closed loop
 * (ping) would instead send less while stalled and hide the stall.
 */
final class OpenLoop {

    /** Park only when the next send is further off than this; spin the rest, as park overshoots. */
    private static final long PARK_THRESHOLD_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long PARK_SLACK_NANOS = TimeUnit.MICROSECONDS.toNanos(60);

    private final Transport transport;
    private final Address address;
    private final TransportOptions options;
    private final Framing framing;
    private final int messageSize;

    OpenLoop(Transport transport, Address address, TransportOptions options, Framing framing, int messageSize) {
        if (framing.endsConnection()) {
            throw new IllegalArgumentException("load needs a framing that keeps the connection open, not "
                    + framing.name());
        }
        this.transport = transport;
        this.address = address;
        this.options = options;
        this.framing = framing;
        this.messageSize = messageSize;
    }

    OpenLoopResult run(double rate, Duration duration) throws IOException, InterruptedException {
        long count = Math.max(1, (long) (rate * duration.toNanos() / 1e9));
        double interval = 1e9 / rate;
        Histogram latency = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (FramedConnection connection = new FramedConnection(transport.connect(address, options), framing,
                options.bufferSize())) {
            Thread receiver = new Thread(() -> {
                Payload check = new Payload(messageSize);
                try {
                    for (long i = 0; i < count; i++) {
                        ByteBuffer echo = connection.receive();
                        if (echo == null) {
                            throw new IOException("the peer closed the connection after " + i + " echoes");
                        }
                        long intended = check.timestampOf(echo);
                        latency.recordValue(Math.max(0, System.nanoTime() - intended));
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "ipcbench-load-receiver");
            receiver.setDaemon(true);
            receiver.start();
            Payload payload = new Payload(messageSize);
            long start = System.nanoTime();
            long lastSend = start;
            long sent = 0;
            for (long i = 0; i < count && failure.get() == null; i++) {
                long intended = start + (long) (i * interval);
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    if (wait > PARK_THRESHOLD_NANOS) {
                        LockSupport.parkNanos(wait - PARK_SLACK_NANOS);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                connection.send(payload.stamp(intended));
                lastSend = System.nanoTime();
                sent++;
            }
            long elapsed = lastSend - start + (long) interval;
            receiver.join(TimeUnit.SECONDS.toMillis(30));
            if (receiver.isAlive()) {
                throw new IOException("echoes stopped arriving: " + latency.getTotalCount() + " of " + sent);
            }
            Throwable f = failure.get();
            if (f != null) {
                throw f instanceof IOException ? (IOException) f : new IOException(f.getMessage(), f);
            }
            return new OpenLoopResult(rate, sent, elapsed, latency);
        }
    }
}
