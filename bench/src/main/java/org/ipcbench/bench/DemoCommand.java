package org.ipcbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.ipcbench.transport.Address;
import org.ipcbench.transport.ChannelListener;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.IoModel;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.Transport;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.Transports;
import org.ipcbench.transport.WaitStrategy;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A first look: an echo server in a second JVM ({@code ipcbench serve}), and {@code ping} round trips over
 * each address, framing and server model, printed as a table. With {@code --out} it keeps the raw data
 * (one JSON line and one .hgrm per row, and metadata.json) and a table generated from it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts 'ipcbench serve' in a second JVM and pings it, row by row, over each address, "
                + "framing and server model, then prints a table.",
                "A quick look, not the benchmark suite: each row is one run of one peer; --repeat runs each row "
                        + "again with a fresh peer so the spread shows."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--address", paramLabel = "ADDRESS", split = ",", defaultValue = "tcp:127.0.0.1:0",
            description = "Where the servers listen, comma-separated, e.g. tcp:127.0.0.1:0,unix:,shm:,shm-ring:. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> addresses;

    @Option(names = "--framing", paramLabel = "FRAMING", split = ",", defaultValue = "fixed,delimited,length,close",
            description = "Framings, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<String> framings;

    @Option(names = "--io", paramLabel = "MODEL", split = ",", defaultValue = "blocking,selector",
            description = "Server models, comma-separated; transports without a selector model run blocking only. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<IoModel> ioModels;

    @Option(names = "--wait", paramLabel = "STRATEGY",
            description = "How both sides wait: block or spin for sockets; spin, yield or backoff for shared memory. "
                    + "Default: each transport's own.")
    WaitStrategy wait;

    @Option(names = "--message-size", paramLabel = "BYTES", defaultValue = "64",
            description = "Payload bytes per message. Default: ${DEFAULT-VALUE}.")
    int messageSize;

    @Option(names = "--count", paramLabel = "N", defaultValue = "5000",
            description = "Measured round trips per row. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Runs of each row, each with a fresh server process. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Keep the raw data here: demo.jsonl, hgrm/*.hgrm, metadata.json, and table.md made from them.")
    Path out;

    @Option(names = "--retable", paramLabel = "DIR",
            description = "Only regenerate DIR/table.md from DIR/demo.jsonl, and exit.")
    Path retable;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (retable != null) {
            if (!Files.isRegularFile(retable.resolve(DemoTable.DATA))) {
                throw new IllegalArgumentException("no " + DemoTable.DATA + " in " + retable);
            }
            DemoTable.write(retable);
            return 0;
        }
        if (count < 1 || messageSize < 1 || repeat < 1) {
            throw new IllegalArgumentException("--count, --message-size and --repeat must be at least 1");
        }
        List<Address> where = new ArrayList<>();
        for (String a : addresses) {
            where.add(Address.parse(a));
            Transports.forScheme(where.get(where.size() - 1).scheme());
        }
        for (String f : framings) {
            Framing.of(f, messageSize, Framing.DEFAULT_MAX_FRAME_SIZE);
        }
        if (out != null) {
            Files.createDirectories(out);
            Files.deleteIfExists(out.resolve(DemoTable.DATA));
            Metadata.write(out, RunMetadata.collect(RunMetadata.command(spec), Map.of("kind", "demo")));
        }
        System.out.printf("ipcbench demo: %d B messages, %d round trips per row, the server in a second JVM%n",
                messageSize, count);
        System.out.printf("%-9s %-10s %-9s %-8s %10s %10s %10s %10s %12s%n", "transport", "framing", "server", "wait",
                "p50 us", "p99 us", "p99.9 us", "max us", "msgs/s");
        for (Address address : where) {
            Transport transport = Transports.forScheme(address.scheme());
            for (IoModel io : ioModels) {
                if (io == IoModel.SELECTOR && !hasSelectorModel(transport)) {
                    continue;
                }
                for (String framingName : framings) {
                    for (int run = 1; run <= repeat; run++) {
                        row(transport, address, io, framingName, run);
                    }
                }
            }
        }
        if (out != null) {
            DemoTable.write(out);
            System.out.println("Raw data, metadata and table.md are in " + out);
        }
        System.out.println("One run per row on a shared machine: for numbers you can compare, use the benchmark suite.");
        return 0;
    }

    private void row(Transport transport, Address address, IoModel io, String framingName, int run) throws IOException {
        String waitName = wait == null ? "default" : wait.name().toLowerCase(Locale.ROOT);
        List<String> args = new ArrayList<>(List.of("--address", address.toString(), "--framing", framingName,
                "--message-size", Integer.toString(messageSize), "--io", io.name().toLowerCase(Locale.ROOT)));
        if (wait != null) {
            args.addAll(List.of("--wait", waitName));
        }
        Framing framing = Framing.of(framingName, messageSize, Framing.DEFAULT_MAX_FRAME_SIZE);
        TransportOptions options = TransportOptions.defaults().withReadTimeout(Duration.ofSeconds(5));
        if (wait != null) {
            options = options.withWait(wait);
        }
        Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        double rate;
        try (ServePeer peer = ServePeer.start(args)) {
            PingCommand.Pinger pinger = new PingCommand.Pinger(transport, peer.address(), options, framing, messageSize);
            try {
                pinger.run(Math.max(500, count / 5), null);
                long start = System.nanoTime();
                pinger.run(count, h);
                rate = count * 1e9 / (System.nanoTime() - start);
            } finally {
                pinger.close();
            }
        }
        String ioName = io.name().toLowerCase(Locale.ROOT);
        System.out.printf("%-9s %-10s %-9s %-8s %10.1f %10.1f %10.1f %10.1f %12.0f%n", transport.scheme(), framingName,
                ioName, waitName, PingCommand.micros(h.getValueAtPercentile(50)),
                PingCommand.micros(h.getValueAtPercentile(99)), PingCommand.micros(h.getValueAtPercentile(99.9)),
                PingCommand.micros(h.getMaxValue()), rate);
        if (out != null) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("transport", transport.scheme());
            line.put("framing", framingName);
            line.put("io", ioName);
            line.put("wait", waitName);
            line.put("message_size", messageSize);
            line.put("buffer_size", options.bufferSize());
            line.put("run", run);
            line.putAll(PingCommand.summary(h, rate));
            Files.writeString(out.resolve(DemoTable.DATA), JSON.writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            String name = String.join("_", transport.scheme(), framingName, ioName, waitName, "run" + run) + ".hgrm";
            ResultFiles.writeHgrm(out.resolve(ResultFiles.HGRM_DIR).resolve(name), h);
        }
    }

    /** Whether the transport's listeners are NIO channels, which the selector server model needs. */
    private static boolean hasSelectorModel(Transport transport) throws IOException {
        try (Listener probe = transport.listen(transport.defaultAddress(), TransportOptions.defaults())) {
            return probe instanceof ChannelListener;
        }
    }
}
