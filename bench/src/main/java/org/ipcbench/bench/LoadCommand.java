package org.ipcbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.WaitStrategy;

import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Open-loop latency against a running {@code ipcbench serve}: see {@link OpenLoop}.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Open-loop latency against 'ipcbench serve': sends at a fixed rate whatever the echoes do, "
                + "and measures each message from its intended send time (no coordinated omission).",
                "Says whether the target rate was achieved, and flags the result when it was not.",
                "Saves hgrm/load_<transport>_<framing>_<bufferSize>_<messageSize>_process_<wait>_rate<R>.hgrm, "
                        + "load.json and metadata.json in --out."})
final class LoadCommand implements Callable<Integer> {

    static final String LOAD_JSON = "load.json";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--address", required = true, paramLabel = "ADDRESS", description = "Where 'serve' listens.")
    String address;

    @Option(names = "--framing", paramLabel = "FRAMING", defaultValue = "length",
            description = "fixed, delimited or length (close has no stream). Default: ${DEFAULT-VALUE}.")
    String framing;

    @Option(names = "--message-size", paramLabel = "BYTES", defaultValue = "64",
            description = "Payload bytes, at least " + Payload.MIN_SIZE + ". Default: ${DEFAULT-VALUE}.")
    int messageSize;

    @Option(names = "--buffer-size", paramLabel = "BYTES", defaultValue = "4096",
            description = "Read chunk and socket buffer size. Default: ${DEFAULT-VALUE}.")
    int bufferSize;

    @Option(names = "--wait", paramLabel = "STRATEGY", description = "How the receiver waits (transport default if unset).")
    WaitStrategy wait;

    @Option(names = "--rate", required = true, paramLabel = "MSGS_PER_S", description = "Target messages per second.")
    double rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s",
            description = "How long to send, like 10s. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to save results. Default: results/local/<timestamp>-load/.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!(rate > 0) || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--rate and --duration must be above zero");
        }
        Address where = Address.parse(address);
        String waitName = wait == null ? TransportCell.DEFAULT_WAIT : wait.name().toLowerCase(java.util.Locale.ROOT);
        TransportCell cell = new TransportCell(where.scheme(), framing, bufferSize, messageSize,
                TransportCell.PROCESS, waitName);
        Framing f = cell.framingImpl();
        new Payload(messageSize);
        OpenLoop loop = new OpenLoop(cell.transportImpl(), where, cell.options(), f, messageSize);
        Path dir = out != null ? out : ResultFiles.localRun("-load");
        OpenLoopResult r = loop.run(rate, duration);
        save(dir, cell, r, RunMetadata.command(spec), "load");
        print(r);
        return 0;
    }

    static void print(OpenLoopResult r) {
        System.out.printf("open loop: target %.0f msgs/s, achieved %.0f msgs/s%s%n", r.targetRate(), r.achievedRate(),
                r.rateAchieved() ? "" : "  RATE NOT ACHIEVED: latencies are not those of the target rate");
        System.out.printf("latency from intended send (us): p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (%d messages)%n",
                r.p50Micros(), r.p99Micros(), r.latencyNanos().getValueAtPercentile(99.9) / 1000.0,
                r.latencyNanos().getMaxValue() / 1000.0, r.latencyNanos().getTotalCount());
    }

    /** Writes the .hgrm, appends to load.json, and writes metadata.json if the directory has none. */
    static void save(Path dir, TransportCell cell, OpenLoopResult r, String command, String profile)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("transport", cell.transport());
        params.put("framing", cell.framing());
        params.put("bufferSize", Integer.toString(cell.bufferSize()));
        params.put("messageSize", Integer.toString(cell.messageSize()));
        params.put("peer", cell.peer());
        params.put("wait", cell.waitStrategy());
        params.put("rate", Long.toString(Math.round(r.targetRate())));
        ResultFiles.writeHgrm(dir.resolve(ResultFiles.HGRM_DIR)
                .resolve(ResultFiles.cellName(Suite.LOAD.benchmarkName(), params) + "_rate" + params.get("rate")
                        + ".hgrm"), r.latencyNanos());
        Path loadJson = dir.resolve(LOAD_JSON);
        ArrayNode all = Files.exists(loadJson)
                ? (ArrayNode) ResultFiles.JSON.readTree(loadJson.toFile())
                : ResultFiles.JSON.createArrayNode();
        all.add(ResultFiles.JSON.valueToTree(r.toJson(params)));
        ResultFiles.write(loadJson, all);
        if (!Files.exists(dir.resolve(Metadata.FILE))) {
            Metadata.write(dir, Metadata.collect(command, profile, false));
        }
    }
}
