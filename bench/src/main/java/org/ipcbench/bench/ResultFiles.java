package org.ipcbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a benchmark fork leaves what JMH itself does not record: a full-resolution {@code .hgrm} per cell
 * and fork, and one {@code cpu.json} record per cell and fork. The directory is the system property
 * {@value #OUT_PROPERTY}, which {@code ipcbench run} passes to every fork; a fork started by
 * {@code java -jar benchmarks.jar} writes to {@value #DIRECT_DEFAULT} unless given
 * {@code -jvmArgsPrepend -Dipcbench.out=DIR}.
 *
 * <p>Forks of a cell run one after another, so a fork's number is one more than the records its cell
 * already has in {@code cpu.json}.
 */
final class ResultFiles {

    static final String OUT_PROPERTY = "ipcbench.out";
    static final String DIRECT_DEFAULT = "results/local/jmh";
    static final String CPU_JSON = "cpu.json";
    static final String HGRM_DIR = "hgrm";
    /** The file-name fields of a cell, in order; a parameter a benchmark does not have is written {@value #NONE}. */
    static final List<String> NAME_PARAMS =
            List.of("transport", "framing", "bufferSize", "messageSize", "peer", "wait");
    static final String NONE = "na";
    /**
     * Parameters added after the file-name contract, with their defaults: each is appended as
     * {@code _<name>-<value>} only when it is not its default, so a default cell keeps the name it always had.
     */
    static final Map<String, String> OPTIONAL_NAME_PARAMS = orderedDefaults("io", TransportCell.BLOCKING, "clients", "1");

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;

    ResultFiles(Path dir) {
        this.dir = dir;
    }

    /** A run's default directory: {@code results/local/} (git-ignored), the UTC time now, then {@code suffix}. */
    static Path localRun(String suffix) {
        return Path.of("results", "local", STAMP.format(Instant.now()) + suffix);
    }

    static ResultFiles fromSystemProperty() {
        return new ResultFiles(Path.of(System.getProperty(OUT_PROPERTY, DIRECT_DEFAULT)));
    }

    Path dir() {
        return dir;
    }

    Path cpuJson() {
        return dir.resolve(CPU_JSON);
    }

    /**
     * {@code <benchmark>_<transport>_<framing>_<bufferSize>_<messageSize>_<peer>_<wait>}, then e.g.
     * {@code _io-selector_clients-10} for the {@link #OPTIONAL_NAME_PARAMS} that are not their default.
     */
    static String cellName(String benchmark, Map<String, String> params) {
        StringBuilder b = new StringBuilder(benchmark);
        for (String p : NAME_PARAMS) {
            b.append('_').append(params.getOrDefault(p, NONE));
        }
        OPTIONAL_NAME_PARAMS.forEach((p, standard) -> {
            String v = params.get(p);
            if (v != null && !v.equals(standard)) {
                b.append('_').append(p).append('-').append(v);
            }
        });
        return b.toString();
    }

    private static Map<String, String> orderedDefaults(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The next fork number of this cell: one more than its records so far. */
    int nextFork(String benchmark, Map<String, String> params) throws IOException {
        int n = 0;
        for (JsonNode r : readCpu()) {
            if (benchmark.equals(r.path("benchmark").asText()) && paramsOf(r).equals(params)) {
                n++;
            }
        }
        return n + 1;
    }

    /** Saves the histogram (nanoseconds) as HdrHistogram's percentile distribution, in microseconds. */
    Path saveHistogram(String benchmark, Map<String, String> params, int fork, Histogram nanos) throws IOException {
        return writeHgrm(dir.resolve(HGRM_DIR).resolve(cellName(benchmark, params) + "_fork" + fork + ".hgrm"), nanos);
    }

    /** Writes a histogram of nanoseconds as HdrHistogram's percentile distribution in microseconds: an .hgrm file. */
    static Path writeHgrm(Path file, Histogram nanos) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            nanos.outputPercentileDistribution(out, 1000.0);
        }
        return file;
    }

    /** Appends one record to cpu.json (a JSON array), replacing the file atomically. */
    void appendCpu(CpuRecord record) throws IOException {
        ArrayNode all = readCpu();
        ObjectNode o = all.addObject();
        o.put("benchmark", record.benchmark());
        o.set("params", JSON.valueToTree(record.params()));
        o.put("fork", record.fork());
        o.put("ops", record.ops());
        o.put("client_cpu_ns_per_op", record.clientCpuNanosPerOp());
        o.put("peer_cpu_ns_per_op", record.peerCpuNanosPerOp());
        o.put("minor_faults_per_op", record.minorFaultsPerOp());
        o.put("involuntary_switches_per_op", record.involuntarySwitchesPerOp());
        write(cpuJson(), all);
    }

    ArrayNode readCpu() throws IOException {
        Path f = cpuJson();
        if (!Files.exists(f)) {
            return JSON.createArrayNode();
        }
        JsonNode n = JSON.readTree(f.toFile());
        return n instanceof ArrayNode ? (ArrayNode) n : JSON.createArrayNode();
    }

    /** Makes sure cpu.json exists, as an empty array if no fork wrote to it. */
    void ensureCpuJson() throws IOException {
        if (!Files.exists(cpuJson())) {
            write(cpuJson(), JSON.createArrayNode());
        }
    }

    static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> paramsOf(JsonNode record) {
        Map<String, String> m = new LinkedHashMap<>();
        record.path("params").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** One cell and fork's CPU cost per operation, for both processes. */
    record CpuRecord(String benchmark, Map<String, String> params, int fork, long ops, double clientCpuNanosPerOp,
                     double peerCpuNanosPerOp, double minorFaultsPerOp, double involuntarySwitchesPerOp) {
    }
}
