package org.ipcbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.ipcbench.transport.Address;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.IoModel;
import org.ipcbench.transport.Transports;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A first look: an echo server in a second JVM, and round trips over each framing and server model,
 * printed as a small table. The benchmark suite proper is JMH; this is the two-minute version.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts 'ipcbench serve' in a second JVM and pings it over every framing and both server "
                + "models, then prints a table. A quick look, not a benchmark: no forks, one run."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = "tcp:127.0.0.1:0",
            description = "Where the server listens. Default: ${DEFAULT-VALUE}.")
    String address;

    @Option(names = "--message-size", paramLabel = "BYTES", defaultValue = "64",
            description = "Payload bytes per message. Default: ${DEFAULT-VALUE}.")
    int messageSize;

    @Option(names = "--count", paramLabel = "N", defaultValue = "5000",
            description = "Measured round trips per row. Default: ${DEFAULT-VALUE}.")
    int count;

    @Override
    public Integer call() throws Exception {
        Address where = Address.parse(address);
        Transports.forScheme(where.scheme());
        if (count < 1 || messageSize < 1) {
            throw new IllegalArgumentException("--count and --message-size must be at least 1");
        }
        System.out.printf("ipcbench demo: %s, %d B messages, %d round trips per row, the server in a second JVM%n",
                where.scheme(), messageSize, count);
        System.out.printf("%-10s %-9s %10s %10s %10s %10s %12s%n", "framing", "server", "p50 us", "p99 us",
                "p99.9 us", "max us", "msgs/s");
        for (IoModel io : IoModel.values()) {
            for (String framingName : Framing.NAMES) {
                List<String> args = new ArrayList<>(List.of("--address", address, "--framing", framingName,
                        "--message-size", Integer.toString(messageSize), "--io", io.name().toLowerCase()));
                try (ServePeer peer = ServePeer.start(args)) {
                    Framing framing = Framing.of(framingName, messageSize, Framing.DEFAULT_MAX_FRAME_SIZE);
                    PingCommand.Pinger pinger = new PingCommand.Pinger(Transports.forScheme(where.scheme()),
                            peer.address(), org.ipcbench.transport.TransportOptions.defaults()
                                    .withReadTimeout(java.time.Duration.ofSeconds(5)), framing, messageSize);
                    Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
                    try {
                        pinger.run(Math.max(500, count / 5), null);
                        long start = System.nanoTime();
                        pinger.run(count, h);
                        double rate = count * 1e9 / (System.nanoTime() - start);
                        System.out.printf("%-10s %-9s %10.1f %10.1f %10.1f %10.1f %12.0f%n", framingName,
                                io.name().toLowerCase(), PingCommand.micros(h.getValueAtPercentile(50)),
                                PingCommand.micros(h.getValueAtPercentile(99)),
                                PingCommand.micros(h.getValueAtPercentile(99.9)), PingCommand.micros(h.getMaxValue()),
                                rate);
                    } finally {
                        pinger.close();
                    }
                }
            }
        }
        System.out.println("One run on a shared machine: for numbers you can compare, use the benchmark suite.");
        return 0;
    }
}
