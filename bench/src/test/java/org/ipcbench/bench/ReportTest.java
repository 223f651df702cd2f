package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ReportTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A copy of a fixture run directory under {@code target}. Fixtures are test inputs: never copy them to results/. */
    static Path fixture(String name, Path target) throws IOException {
        Path source;
        try {
            source = Path.of(ReportTest.class.getResource("runs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.collect(Collectors.toList())) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    /** Every generated file, by path relative to the run directory, with its bytes. */
    static Map<String, byte[]> generated(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (String f : List.of(RunReport.README, RunReport.FINDINGS, RunReport.DECISIONS)) {
            out.put(f, Files.readAllBytes(dir.resolve(f)));
        }
        try (Stream<Path> charts = Files.list(dir.resolve(RunReport.CHARTS))) {
            for (Path p : charts.sorted().collect(Collectors.toList())) {
                out.put("charts/" + p.getFileName(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void theSameRawDataGivesByteIdenticalFiles(@TempDir Path tmp) throws IOException {
        Path a = fixture("full", tmp.resolve("a"));
        Path b = fixture("full", tmp.resolve("b"));
        assertEquals(0, run("report", a.toString()).code());
        Map<String, byte[]> first = generated(a);
        assertEquals(0, run("report", a.toString()).code());
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);   // 1.234,5 must not leak into any file
            assertEquals(0, run("report", b.toString()).code());
        } finally {
            java.util.Locale.setDefault(before);
        }
        Map<String, byte[]> again = generated(a);
        Map<String, byte[]> other = generated(b);
        assertEquals(first.keySet(), again.keySet());
        assertEquals(first.keySet(), other.keySet());
        assertTrue(first.keySet().containsAll(List.of("charts/latency-p50.png", "charts/latency-p50.svg",
                "charts/latency-p99.png", "charts/throughput.png", "charts/spectrum-64B.png",
                "charts/buffer-size-latency.png", "charts/cpu.png", "charts/cpu.svg")), first.keySet().toString());
        for (String f : first.keySet()) {
            assertArrayEquals(first.get(f), again.get(f), f + " changed when generated again");
            assertArrayEquals(first.get(f), other.get(f), f + " differs in another directory and locale");
        }
        byte[] png = first.get("charts/latency-p50.png");
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void theReportHasTablesFloorsAndNoiseMarks(@TempDir Path tmp) throws IOException {
        Path dir = fixture("full", tmp.resolve("run"));
        assertEquals(0, run("report", dir.toString()).code());
        String readme = Files.readString(dir.resolve(RunReport.README), StandardCharsets.UTF_8);
        assertTrue(readme.contains("| CPU | Test CPU @ 2.0GHz, 2 cores |"), readme);
        assertTrue(readme.contains("### RoundTripBenchmark.roundTrip, 64 B"), readme);
        assertTrue(readme.contains("1.11× raw-tcp"), readme);
        assertTrue(readme.contains("**noisy**"), readme);
        assertTrue(readme.contains("### Raw baselines (the floors), 64 B"), readme);
        String findings = Files.readString(dir.resolve(RunReport.FINDINGS), StandardCharsets.UTF_8);
        String decisions = Files.readString(dir.resolve(RunReport.DECISIONS), StandardCharsets.UTF_8);
        assertTrue(findings.contains("## Decision table\n\n" + decisions), "decisions.md is the findings' table");
        assertTrue(findings.contains("## Decision table"), findings);
        assertTrue(findings.contains("no clear winner"), findings);
        assertTrue(findings.contains("clear winner: margin"), findings);
        assertTrue(findings.contains("Close framing (a connection per message) cost"), findings);
        assertTrue(findings.contains("shortWrites"), findings);
        assertTrue(findings.contains("8192 against 4096: better in 1, within noise in 2."), findings);
        assertTrue(findings.contains("Shared memory was better beyond noise in 8 of 10 comparisons"), findings);
        assertTrue(findings.contains("| 100 | p50 | blocking: 392 µs; selector: 196 µs | blocking: 3.92 µs; "
                + "selector: 1.96 µs | selector better (0.50× the cost) |"), findings);
        assertTrue(findings.contains("| StreamBenchmark.stream, 64 KiB, tcp, fixed, buffer 4096 | shortWrites | 0.125 /s | "),
                findings);
        assertTrue(findings.contains("| 1 KiB | lowest round-trip p50 | RoundTripBenchmark.roundTrip | shm-ring, fixed, "
                + "buffer 4096 | 20.8 µs | unix, fixed, buffer 4096 | 22.8 µs | 9.5% | no clear winner: margin 9.5% ≤ "
                + "noise 30.0% |"), findings);
        assertTrue(findings.contains("- JVM flags: `-Xss1m`"), findings);
    }

    @Test
    void faultsAndPreemptionsGetAColumnWhenTheRunRecordedThem(@TempDir Path tmp) throws IOException {
        Path dir = fixture("full", tmp.resolve("run"));
        assertEquals(0, run("report", dir.toString()).code());
        assertFalse(Files.readString(dir.resolve(RunReport.README)).contains("faults, preemptions"),
                "a run without the counters keeps its old tables");
        Path cpu = dir.resolve(ResultFiles.CPU_JSON);
        ObjectMapper json = new ObjectMapper();
        ArrayNode records =
                (ArrayNode) json.readTree(cpu.toFile());
        records.forEach(r -> ((ObjectNode) r)
                .put("minor_faults_per_op", 0.0125).put("involuntary_switches_per_op", 0.5));
        json.writeValue(cpu.toFile(), records);
        assertEquals(0, run("report", dir.toString()).code());
        String readme = Files.readString(dir.resolve(RunReport.README), StandardCharsets.UTF_8);
        assertTrue(readme.contains("faults, preemptions /1k msgs |"), readme);
        assertTrue(readme.contains("| 12.5, 500 |"), "per 1,000 messages: " + readme);
    }

    @Test
    void missingFilesAndParamsAreNotedNotFatal(@TempDir Path tmp) throws IOException {
        Path dir = fixture("partial", tmp.resolve("run"));
        Result r = run("report", dir.toString());
        assertEquals(0, r.code(), r.err());
        String readme = Files.readString(dir.resolve(RunReport.README), StandardCharsets.UTF_8);
        assertTrue(readme.contains("CPU per message: not measured in this run (no cpu.json)."), readme);
        assertTrue(readme.contains("Machine and run: not recorded (no metadata.json)."), readme);
        assertTrue(readme.contains("Percentile spectra: not measured in this run"), readme);
        assertTrue(readme.contains("1 fork"), readme);
        String findings = Files.readString(dir.resolve(RunReport.FINDINGS), StandardCharsets.UTF_8);
        assertTrue(findings.contains("noise not measured (one fork)"), findings);
        assertTrue(findings.contains("### \"A select-multiplexed server vs a thread per connection, as clients grow\""
                + "\n\nNot measured in this run"), findings);
        assertTrue(findings.contains("no benchmark counted short writes"), findings);
        assertFalse(Files.exists(dir.resolve("charts/cpu.png")));
        assertTrue(Files.exists(dir.resolve("charts/latency-p50.png")));
    }

    @Test
    void theIndexListsPublishedRunsButNotLocalOnes(@TempDir Path tmp) throws IOException {
        Path results = Files.createDirectories(tmp.resolve("results"));
        Result empty = run("report", "--index", results.toString());
        assertEquals(0, empty.code(), empty.err());
        assertTrue(Files.readString(results.resolve("README.md")).contains("No published runs yet."));
        fixture("full", results.resolve("2026-11-20-test"));
        fixture("partial", results.resolve("local").resolve("mine"));
        assertEquals(0, run("report", "--index", results.toString()).code());
        String index = Files.readString(results.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(index.contains("[2026-11-20-test](2026-11-20-test/README.md)"), index);
        assertTrue(index.contains("Test CPU @ 2.0GHz, 2 cores"), index);
        assertTrue(index.contains("`0123456789ab`"), index);
        assertTrue(index.contains("64 B: shm-ring, fixed, buffer 4096, 0.490 µs"), index);
        assertFalse(index.contains("mine"), index);
    }
}
