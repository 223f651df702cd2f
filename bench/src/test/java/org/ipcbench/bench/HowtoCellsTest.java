package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The cells behind the socket HOWTO's claims, run for real and as short as JMH goes: a burst over held
 * connections against either server model, and a stream whose chunk is far below its message, which must
 * report its short writes. Each run is one fork and one 200 ms iteration: a check, not a measurement.
 */
class HowtoCellsTest {

    private static Collection<RunResult> run(Suite suite, Path out, Map<String, String> params) throws Exception {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(suite.includePattern())
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .jvmArgs(JvmFlags.get().toArray(new String[0]))
                .jvmArgsAppend("-D" + ResultFiles.OUT_PROPERTY + "=" + out.toAbsolutePath())
                .shouldFailOnError(true)
                .output(out.resolve("jmh.log").toString());
        params.forEach(b::param);
        Files.createDirectories(out);
        return new Runner(b.build()).run();
    }

    private static Map<String, String> roundTrip(String transport, String peer, String io, String clients) {
        return Map.of("transport", transport, "framing", "length", "bufferSize", "4096", "messageSize", "64",
                "peer", peer, "wait", "default", "io", io, "clients", clients);
    }

    @Test
    void burstsOverHeldConnectionsRunAgainstEitherServerModel(@TempDir Path out) throws Exception {
        List<RunResult> results = new java.util.ArrayList<>(
                run(Suite.ROUND_TRIP, out, roundTrip("tcp", "process", "selector", "100")));
        results.addAll(run(Suite.ROUND_TRIP, out, roundTrip("unix", "thread", "blocking", "10")));
        results.addAll(run(Suite.ROUND_TRIP, out, roundTrip("tcp", "process", "selector", "1")));
        assertEquals(3, results.size());
        for (RunResult r : results) {
            assertTrue(r.getPrimaryResult().getSampleCount() > 0, r.getParams().toString());
        }
        try (Stream<Path> files = Files.list(out.resolve("hgrm"))) {
            assertEquals(List.of(
                    "RoundTripBenchmark.roundTrip_tcp_length_4096_64_process_default_io-selector_clients-100_fork1.hgrm",
                    "RoundTripBenchmark.roundTrip_tcp_length_4096_64_process_default_io-selector_fork1.hgrm",
                    "RoundTripBenchmark.roundTrip_unix_length_4096_64_thread_default_clients-10_fork1.hgrm"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).collect(Collectors.toList()),
                "no fork or peer outlives the run");
    }

    @Test
    void aStreamInSmallChunksReportsItsShortWrites(@TempDir Path out) throws Exception {
        Collection<RunResult> results = run(Suite.STREAM, out, Map.of("transport", "tcp", "framing", "length",
                "bufferSize", "1024", "messageSize", "65536", "peer", "process", "wait", "default"));
        RunResult r = results.iterator().next();
        Map<String, Result> secondary = r.getSecondaryResults();
        assertTrue(secondary.containsKey("shortWrites"), secondary.keySet().toString());
        assertTrue(secondary.get("shortWrites").getScore() >= 0);
    }

    @Test
    void combinationsWithoutMeaningAreRefusedBeforeAnyPeerStarts() {
        RoundTripBenchmark closeBurst = roundTripBenchmark("close", 10, 64);
        assertThrows(IllegalArgumentException.class, () -> closeBurst.startPeer(null));
        RoundTripBenchmark bigBurst = roundTripBenchmark("length", 10, 65536);
        assertThrows(IllegalArgumentException.class, () -> bigBurst.startPeer(null));
        RoundTripBenchmark noClients = roundTripBenchmark("length", 0, 64);
        assertThrows(IllegalArgumentException.class, () -> noClients.startPeer(null));
        assertThrows(IllegalArgumentException.class,
                () -> new TransportCell("shm-ring", "length", 4096, 64, "process", "default", "selector"));
        assertThrows(IllegalArgumentException.class,
                () -> new TransportCell("tcp", "length", 4096, 64, "process", "default", "epoll"));
    }

    @Test
    void aCellAtTheDefaultServerModelAndOneClientIsTheCellOfEarlierRuns() {
        java.util.TreeMap<String, String> before = TestCells.params("tcp", 64);
        java.util.TreeMap<String, String> now = new java.util.TreeMap<>(before);
        now.put("io", "blocking");
        now.put("clients", "1");
        java.util.TreeMap<String, String> burst = new java.util.TreeMap<>(now);
        burst.put("clients", "10");
        assertEquals(cell(before).key(), cell(now).key(), "ipcbench compare matches them across runs");
        assertTrue(!cell(burst).key().equals(cell(now).key()));
    }

    private static Cell cell(java.util.TreeMap<String, String> params) {
        return new Cell(TestCells.ROUND_TRIP, Cell.SAMPLE, params, 1.0, 1.0, 1.0, 1.0, null, List.of(), List.of(),
                List.of(), Map.of(), null);
    }

    private static RoundTripBenchmark roundTripBenchmark(String framing, int clients, int messageSize) {
        RoundTripBenchmark b = new RoundTripBenchmark();
        b.transport = "tcp";
        b.framing = framing;
        b.bufferSize = 4096;
        b.messageSize = messageSize;
        b.peer = "process";
        b.wait = "default";
        b.io = "blocking";
        b.clients = clients;
        return b;
    }
}
