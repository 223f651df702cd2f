package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ipcbench.transport.Address;
import org.ipcbench.transport.Framing;
import org.ipcbench.transport.Listener;
import org.ipcbench.transport.MessageHandler;
import org.ipcbench.transport.Server;
import org.ipcbench.transport.Servers;
import org.ipcbench.transport.TransportOptions;
import org.ipcbench.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real runs, as small as they go: the files a run promises, and nothing left behind. */
class RunEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneCellMakesEveryFileAndLeavesNoProcess(@TempDir Path out) throws Exception {
        int code = Main.run("run", "--profile", "smoke", "--transports", "tcp", "--framings", "length",
                "--buffer-sizes", "4096", "--benchmarks", "round-trip", "--out", out.toString());
        assertEquals(0, code);

        JsonNode jmh = JSON.readTree(out.resolve(RunCommand.JMH_JSON).toFile());
        assertEquals(1, jmh.size());
        assertEquals("org.ipcbench.bench.RoundTripBenchmark.roundTrip", jmh.get(0).get("benchmark").asText());
        assertTrue(jmh.get(0).path("primaryMetric").path("score").isNumber());
        assertEquals("tcp", jmh.get(0).path("params").path("transport").asText());

        Path hgrm = out.resolve("hgrm").resolve("RoundTripBenchmark.roundTrip_tcp_length_4096_64_process_block_fork1.hgrm");
        assertTrue(Files.readString(hgrm).contains("Percentile"), "an HdrHistogram percentile distribution");

        JsonNode cpu = JSON.readTree(out.resolve(ResultFiles.CPU_JSON).toFile());
        assertTrue(cpu.isArray());
        assertEquals(1, cpu.size());
        for (String key : List.of("benchmark", "params", "fork", "ops", "client_cpu_ns_per_op", "peer_cpu_ns_per_op",
                "minor_faults_per_op", "involuntary_switches_per_op")) {
            assertTrue(cpu.get(0).has(key), "cpu.json record has " + key);
        }
        assertTrue(cpu.get(0).get("ops").asLong() > 0);

        JsonNode meta = JSON.readTree(out.resolve(Metadata.FILE).toFile());
        Set<String> keys = new java.util.HashSet<>();
        meta.fieldNames().forEachRemaining(keys::add);
        assertTrue(keys.containsAll(Metadata.KEYS), "missing " + Metadata.KEYS.stream()
                .filter(k -> !keys.contains(k)).collect(Collectors.toList()));
        assertFalse(meta.get("interrupted").asBoolean());
        assertTrue(meta.get("command").asText().startsWith("ipcbench run --profile smoke"));
        assertTrue(meta.get("library_versions").has("jmh"));
        assertTrue(Files.exists(out.resolve("summary.txt")));

        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).collect(Collectors.toList()),
                "no fork or peer outlives the run");
    }

    @Test
    void sigtermKeepsPartialResultsMarksTheRunAndKillsPeers(@TempDir Path out) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JvmFlags.get());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--profile", "smoke", "--transports", "tcp", "--buffer-sizes", "4096", "--benchmarks", "round-trip",
                "--out", out.toString()));
        Process run = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.startsWith("cell 2 of")) {
            // wait until one cell finished and the second started
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<ProcessHandle> started = List.of();
        while (started.size() < 2 && System.nanoTime() < deadline) { // a JMH fork and its peer
            started = run.descendants().collect(Collectors.toList());
            Thread.sleep(20);
        }
        run.destroy(); // SIGTERM
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        for (ProcessHandle p : started) {
            p.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(p.isAlive(), "process " + p.pid() + " outlived the interrupted run");
        }
        assertTrue(Files.exists(out.resolve(RunCommand.INTERRUPTED_NOTE)));
        assertTrue(JSON.readTree(out.resolve(Metadata.FILE).toFile()).get("interrupted").asBoolean());
        assertTrue(JSON.readTree(out.resolve(RunCommand.JMH_JSON).toFile()).size() >= 1, "the first cell is kept");
        assertTrue(JSON.readTree(out.resolve(ResultFiles.CPU_JSON).toFile()).isArray());
    }

    @Test
    void loadMeasuresFromIntendedSendTimesAndSavesItsFiles(@TempDir Path out) throws Exception {
        TransportOptions options = TransportOptions.defaults();
        Listener listener = Transports.listen(Address.parse("tcp:127.0.0.1:0"), options);
        try (Server server = Servers.start(listener, options, Framing.of("length", 64, 1 << 20),
                MessageHandler.echo(), (c, e) -> { })) {
            int code = Main.run("load", "--address", server.address().toString(), "--rate", "2000", "--duration",
                    "500ms", "--out", out.toString());
            assertEquals(0, code);
        }
        JsonNode load = JSON.readTree(out.resolve(LoadCommand.LOAD_JSON).toFile());
        assertEquals(1, load.size());
        assertEquals(1000, load.get(0).get("sent").asLong());
        assertEquals(1000, load.get(0).get("received").asLong());
        assertTrue(load.get(0).has("rate_achieved"));
        try (Stream<Path> files = Files.list(out.resolve("hgrm"))) {
            assertEquals(List.of("load_tcp_length_4096_64_process_default_rate2000.hgrm"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        }
        assertTrue(Files.exists(out.resolve(Metadata.FILE)));
    }

    @Test
    void metadataNamesEveryKeyTheReportReads() {
        var m = Metadata.collect("ipcbench run --profile quick", "quick", false);
        assertTrue(m.keySet().containsAll(Metadata.KEYS), m.keySet().toString());
        assertTrue(m.get("date").toString().endsWith("Z"), "ISO-8601 UTC");
        assertTrue(((Integer) m.get("cores")) >= 1);
    }
}
