package org.ipcbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.ipcbench.transport.Address;
import org.ipcbench.transport.DelimitedFraming;
import org.ipcbench.transport.FramedConnection;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The client: sends messages one at a time, waits for each echo, checks it byte for byte, and records
 * the round trip in an HdrHistogram. With {@code close} framing every message opens its own
 * connection, and the round trip includes connect and close, since that is what the framing costs.
 */
@Command(name = "ping", mixinStandardHelpOptions = true,
        description = {"Client: measures round trips against 'ipcbench serve', verifying every echo byte for byte.",
                "Prints p50, p90, p99, p99.9 and max round trip (microseconds) and messages/s."})
final class PingCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10000",
            description = "Measured round trips. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
            description = "Round trips before measuring, for the JIT and the caches. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "Fail if an echo takes longer than this. Default: ${DEFAULT-VALUE}.")
    Duration readTimeout;

    @Option(names = "--json", description = "Print the result as one JSON object on one line.")
    boolean json;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        connection.validate();
        if (count < 1 || warmup < 0) {
            throw new IllegalArgumentException("--count must be at least 1 and --warmup at least 0");
        }
        if (readTimeout.isZero()) {
            throw new IllegalArgumentException("--read-timeout must be above zero: ping never waits forever");
        }
        Address address = Address.parse(connection.address);
        Framing framing = connection.framing();
        Pinger pinger = new Pinger(connection.transport(), address, connection.transportOptions(readTimeout), framing,
                connection.messageSize);
        try {
            pinger.run(warmup, null);
            Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            long start = System.nanoTime();
            pinger.run(count, histogram);
            long elapsed = System.nanoTime() - start;
            print(address, framing, histogram, count * 1e9 / elapsed);
        } finally {
            pinger.close();
        }
        return 0;
    }

    private void print(Address address, Framing framing, Histogram h, double msgsPerSecond) throws IOException {
        if (json) {
            Map<String, Object> out = summary(h, msgsPerSecond);
            out.put("address", address.toString());
            out.put("framing", framing.name());
            out.put("message_size", connection.messageSize);
            out.put("buffer_size", connection.bufferSize);
            System.out.println(JSON.writeValueAsString(out));
            return;
        }
        System.out.printf("%s  framing=%s  message=%d B  buffer=%d B  count=%d (warmup %d)%n", address,
                framing.name(), connection.messageSize, connection.bufferSize, h.getTotalCount(), warmup);
        System.out.printf("round trip (us): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
                micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()));
        System.out.printf("throughput: %.0f msgs/s%n", msgsPerSecond);
    }

    /** The figures ping reports, under the JSON keys it promises. */
    static Map<String, Object> summary(Histogram h, double msgsPerSecond) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", h.getTotalCount());
        out.put("p50_us", micros(h.getValueAtPercentile(50)));
        out.put("p90_us", micros(h.getValueAtPercentile(90)));
        out.put("p99_us", micros(h.getValueAtPercentile(99)));
        out.put("p999_us", micros(h.getValueAtPercentile(99.9)));
        out.put("max_us", micros(h.getMaxValue()));
        out.put("msgs_per_s", Math.round(msgsPerSecond));
        return out;
    }

    static double micros(long nanos) {
        return Math.round(nanos / 10.0) / 100.0;
    }

    /** Round trips over one connection, or one connection per message for close framing. */
    static final class Pinger {
        private final Transport transport;
        private final Address address;
        private final TransportOptions options;
        private final Framing framing;
        private final ByteBuffer payload;
        private final byte[] expected;
        private final SplittableRandom random = new SplittableRandom(42);
        private FramedConnection connection;
        private long sent;

        Pinger(Transport transport, Address address, TransportOptions options, Framing framing, int size) {
            this.transport = transport;
            this.address = address;
            this.options = options;
            this.framing = framing;
            this.expected = new byte[size];
            this.payload = ByteBuffer.wrap(expected);
        }

        void run(int n, Histogram histogram) throws IOException {
            for (int i = 0; i < n; i++) {
                fill();
                long t0 = System.nanoTime();
                roundTrip();
                if (histogram != null) {
                    histogram.recordValue(System.nanoTime() - t0);
                }
            }
        }

        /** New random bytes each message, so that a stale or misrouted echo cannot pass. */
        private void fill() {
            for (int i = 0; i < expected.length; i++) {
                byte b = (byte) random.nextInt(256);
                expected[i] = b == DelimitedFraming.DELIMITER ? 0x0B : b;
            }
        }

        private void roundTrip() throws IOException {
            if (connection == null) {
                connection = new FramedConnection(transport.connect(address, options), framing, options.bufferSize());
            }
            connection.send(payload);
            ByteBuffer echo = connection.receive();
            sent++;
            verify(echo);
            if (framing.endsConnection()) {
                if (connection.receive() != null) {
                    throw new IOException("close framing: the server sent more after its reply");
                }
                connection.close();
                connection = null;
            }
        }

        private void verify(ByteBuffer echo) throws IOException {
            if (echo == null) {
                throw new IOException("the server closed the connection instead of answering message " + sent);
            }
            if (echo.remaining() != expected.length) {
                throw new IOException("echo mismatch at message " + sent + ": sent " + expected.length
                        + " bytes, got " + echo.remaining());
            }
            int mismatch = echo.mismatch(payload);
            if (mismatch >= 0) {
                throw new IOException("echo mismatch at message " + sent + ", byte " + mismatch);
            }
        }

        void close() throws IOException {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }
}
