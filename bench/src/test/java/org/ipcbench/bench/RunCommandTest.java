package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** The run and load commands' choices: what they refuse, and which cells a choice makes. */
class RunCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "run --profile sometimes",
        "run --transports carrier-pigeon",
        "run --framings fixed,bogus",
        "run --buffer-sizes 1000",
        "run --message-sizes 8",
        "run --message-sizes lots",
        "run --benchmarks round-trip,nope",
        "run --no-such-option",
        "run --waits sometimes",
        "run --forks 0 --dry-run",
        "run --warmup 5 --dry-run",
        "run --measurement 0x1s --dry-run",
        "run --warmup 2xsoon --dry-run",
        "load --rate 100",
        "load --address tcp:127.0.0.1:1 --rate 0",
        "load --address tcp:127.0.0.1:1 --rate 100 --framing close",
        "load --address tcp:127.0.0.1:1 --rate 100 --message-size 4",
        "load --address tcp:127.0.0.1:1 --rate 100 --duration 5q",
    })
    void badArgumentsGetOneLineAndExitTwo(String args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.split(" "));
        assertEquals(2, code, err.toString());
        assertEquals(1, err.toString().lines().count(), "one line: " + err);
        assertTrue(err.toString().startsWith("ipcbench "), err.toString());
    }

    @Test
    void forksAndIterationsOverrideTheProfileOneByOne() {
        CommandLine cl = Main.commandLine();
        cl.parseArgs("run", "--profile", "full", "--forks", "5", "--warmup", "4x1s");
        RunCommand run = cl.getSubcommands().get("run").getCommand();
        Profile.Timing full = Profile.FULL.timing();
        assertEquals(new Profile.Timing(5, 4, 1000, full.measurementIterations(), full.measurementMillis(),
                Profile.FULL.forkOverheadSeconds), run.timing());
        assertEquals(5 * (Profile.FULL.forkOverheadSeconds + 4 + full.measurementIterations()
                * full.measurementMillis() / 1000.0), run.timing().secondsPerCell(), 1e-9);
        cl.parseArgs("run", "--measurement", "3x250ms");
        run = cl.getSubcommands().get("run").getCommand();
        assertEquals(new Profile.Timing(Profile.QUICK.forks, Profile.QUICK.warmupIterations, Profile.QUICK.warmupMillis,
                3, 250, Profile.QUICK.forkOverheadSeconds), run.timing());
    }

    private static List<PlannedCell> plan(Profile profile, List<String> transports, List<Integer> sizes, Set<Suite> suites,
                                   boolean explicit) {
        return RunPlan.build(profile, transports, List.of("fixed", "delimited", "length", "close"),
                List.of(4096, 8192), sizes, suites, explicit);
    }

    @Test
    void quickIsEveryTransportFramingAndBufferSizeAtOneSizePlusTheirFloors() {
        List<PlannedCell> cells = plan(Profile.QUICK, List.of("tcp", "shm-ring"), Profile.QUICK.messageSizes,
                EnumSet.of(Suite.ROUND_TRIP, Suite.RAW_SOCKET, Suite.RAW_RING, Suite.RAW_CHRONICLE, Suite.AERON_IPC),
                false);
        long roundTrips = cells.stream().filter(c -> c.suite() == Suite.ROUND_TRIP).count();
        assertEquals(2 * 4 * 2, roundTrips);
        assertTrue(cells.stream().allMatch(c -> "64".equals(c.param("messageSize"))));
        assertTrue(cells.stream().anyMatch(c -> c.suite() == Suite.RAW_SOCKET && "tcp".equals(c.param("transport"))));
        assertTrue(cells.stream().anyMatch(c -> c.suite() == Suite.RAW_RING));
        assertTrue(cells.stream().anyMatch(c -> c.suite() == Suite.AERON_IPC));
        assertFalse(cells.stream().anyMatch(c -> c.suite() == Suite.RAW_CHRONICLE), "no shm chosen, no Chronicle floor");
        assertFalse(cells.stream().anyMatch(c -> c.suite() == Suite.RAW_SOCKET && "unix".equals(c.param("transport"))));
        assertEquals(Set.of("block", "spin"), Set.copyOf(Floors.waits("tcp")));
        assertTrue(cells.stream().filter(c -> "shm-ring".equals(c.param("transport")))
                .allMatch(c -> "spin".equals(c.param("wait"))));
    }

    @Test
    void fullHasTheCrossASweepStreamsWithoutCloseAndLoadRuns() {
        List<PlannedCell> cells = plan(Profile.FULL, List.of("tcp"), Profile.FULL.messageSizes, EnumSet.allOf(Suite.class),
                false);
        for (int size : RunPlan.ALL_SIZES) {
            assertTrue(cells.stream().anyMatch(c -> c.suite() == Suite.ROUND_TRIP
                    && c.param("messageSize").equals(Integer.toString(size))), "sweep has " + size);
        }
        assertTrue(cells.stream().filter(c -> c.suite() == Suite.STREAM).noneMatch(c -> "close".equals(c.param("framing"))));
        assertEquals(Set.of("length"), cells.stream().filter(c -> c.suite() == Suite.STREAM).map(c -> c.param("framing"))
                .collect(java.util.stream.Collectors.toSet()), "the full profile streams with length framing only");
        assertEquals(Set.of("fixed", "delimited", "length"), plan(Profile.QUICK, List.of("tcp"), List.of(64),
                EnumSet.of(Suite.STREAM), true).stream().map(c -> c.param("framing"))
                .collect(java.util.stream.Collectors.toSet()), "other profiles stream every framing but close");
        assertTrue(cells.stream().anyMatch(c -> c.suite() == Suite.ROUND_TRIP && "thread".equals(c.param("peer"))));
        assertTrue(cells.stream().anyMatch(c -> c.suite() == Suite.ROUND_TRIP && "spin".equals(c.param("wait"))));
        assertEquals(RunPlan.LOAD_RATES.size(), cells.stream().filter(c -> c.suite() == Suite.LOAD).count());
        assertEquals(cells.size(), Set.copyOf(cells).size(), "no cell twice");
        assertTrue(Profile.FULL.forks >= 3);
    }

    @Test
    void fullSetsServerModelsAgainstClientsOnOneSocketPerFamily() {
        List<PlannedCell> cells = plan(Profile.FULL, List.of("tcp", "unix", "unix-jdk", "shm-ring"),
                Profile.FULL.messageSizes, EnumSet.of(Suite.ROUND_TRIP), false);
        assertTrue(cells.stream().allMatch(c -> c.param("io") != null && c.param("clients") != null),
                "every round trip names io and clients, or JMH would run all of them");
        for (String t : List.of("tcp", "unix")) {
            for (String io : RunPlan.IO_MODELS) {
                for (int n : RunPlan.CLIENTS) {
                    assertEquals(1, cells.stream().filter(c -> t.equals(c.param("transport")) && io.equals(c.param("io"))
                            && Integer.toString(n).equals(c.param("clients")) && "length".equals(c.param("framing"))
                            && "4096".equals(c.param("bufferSize")) && "64".equals(c.param("messageSize"))
                            && "process".equals(c.param("peer")) && "block".equals(c.param("wait"))).count(),
                            t + " " + io + " " + n);
                }
            }
        }
        assertTrue(cells.stream().filter(c -> !"1".equals(c.param("clients")) || "selector".equals(c.param("io")))
                .allMatch(c -> Set.of("tcp", "unix").contains(c.param("transport")) && "length".equals(c.param("framing"))
                        && "4096".equals(c.param("bufferSize")) && "64".equals(c.param("messageSize"))),
                "unix-jdk is the unix family again; shared memory has no selector");
        assertTrue(plan(Profile.QUICK, List.of("tcp"), List.of(64), EnumSet.of(Suite.ROUND_TRIP), false).stream()
                .allMatch(c -> "blocking".equals(c.param("io")) && "1".equals(c.param("clients"))));
    }

    @Test
    void fullSweepsChunkSizesOnOneSocketTransport() {
        List<PlannedCell> cells = plan(Profile.FULL, List.of("shm", "unix", "tcp"), Profile.FULL.messageSizes,
                EnumSet.of(Suite.ROUND_TRIP, Suite.STREAM), false);
        for (Suite s : List.of(Suite.ROUND_TRIP, Suite.STREAM)) {
            assertEquals(Set.copyOf(RunPlan.CHUNK_SIZES.stream().map(String::valueOf).toList()), cells.stream()
                    .filter(c -> c.suite() == s && "tcp".equals(c.param("transport")) && "length".equals(c.param("framing"))
                            && "block".equals(c.param("wait"))
                            && "65536".equals(c.param("messageSize")) && "process".equals(c.param("peer")))
                    .map(c -> c.param("bufferSize")).collect(java.util.stream.Collectors.toSet()), s.id);
        }
        assertTrue(cells.stream().noneMatch(c -> "1024".equals(c.param("bufferSize")) && !"tcp".equals(c.param("transport"))),
                "one transport sweeps");
        assertTrue(cells.stream().anyMatch(c -> c.suite() == Suite.STREAM && "1024".equals(c.param("bufferSize"))
                && "spin".equals(c.param("wait"))), "a non-blocking writer, where short writes show");
        assertEquals(java.util.Optional.of("unix-jdk"), Floors.sweepSocket(List.of("shm", "unix-jdk", "unix")));
        assertTrue(plan(Profile.FULL, List.of("shm"), List.of(65536), EnumSet.of(Suite.STREAM), false).stream()
                .noneMatch(c -> "1024".equals(c.param("bufferSize"))), "no socket, no sweep");
        assertTrue(plan(Profile.QUICK, List.of("tcp"), List.of(65536), EnumSet.of(Suite.STREAM), false).stream()
                .noneMatch(c -> "1024".equals(c.param("bufferSize"))), "the full profile only");
    }

    @Test
    void chronicleFloorsStayAtSizesThatDoNotFillMemory() {
        List<PlannedCell> cells = plan(Profile.FULL, List.of("shm"), RunPlan.ALL_SIZES, EnumSet.of(Suite.RAW_CHRONICLE),
                false);
        assertFalse(cells.isEmpty());
        assertTrue(cells.stream().allMatch(c -> Integer.parseInt(c.param("messageSize")) <= RunPlan.CHRONICLE_MAX_SIZE));
    }

    @Test
    void socketFloorsAtSizesOnlyTheSweepUsesRunAtTheSweepBufferOnly() {
        List<PlannedCell> raw = plan(Profile.FULL, List.of("tcp"), List.of(64, 4096, 65536), EnumSet.of(Suite.RAW_SOCKET),
                false).stream().filter(c -> "block".equals(c.param("wait"))).toList();
        for (int size : RunPlan.ALL_SIZES) {
            Set<String> buffers = raw.stream().filter(c -> Integer.parseInt(c.param("messageSize")) == size)
                    .map(c -> c.param("bufferSize")).collect(java.util.stream.Collectors.toSet());
            assertEquals(size == 1024 || size == 16384 ? Set.of("4096") : Set.of("4096", "8192"), buffers,
                    "raw tcp floors at " + size + " B");
        }
    }

    @Test
    void theRingPathDiagnosticRunsOnlyWhenNamedAtSizesOneReadTakesWhole() {
        List<PlannedCell> cells = plan(Profile.QUICK, List.of("tcp"), List.of(64, 4096, 65536), EnumSet.of(Suite.RING_PATH),
                true);
        assertEquals(2 * RunPlan.RING_PATHS.size(), cells.size());
        assertEquals(Set.of("64", "4096"), cells.stream().map(c -> c.param("messageSize"))
                .collect(java.util.stream.Collectors.toSet()));
        CommandLine cl = Main.commandLine();
        cl.parseArgs("run", "--profile", "full");
        RunCommand full = cl.getSubcommands().get("run").getCommand();
        assertTrue(full.plan().stream().noneMatch(c -> c.suite() == Suite.RING_PATH), "not in a profile");
        cl.parseArgs("run", "--benchmarks", "ring-path", "--message-sizes", "64");
        RunCommand named = cl.getSubcommands().get("run").getCommand();
        assertEquals(RunPlan.RING_PATHS, named.plan().stream().map(c -> c.param("path")).toList());
    }

    @Test
    void aBaselineNamedByTheUserRunsEvenWithoutItsTransport() {
        assertTrue(plan(Profile.QUICK, List.of("tcp"), List.of(64), EnumSet.of(Suite.RAW_RING), true).stream()
                .anyMatch(c -> c.suite() == Suite.RAW_RING));
        assertTrue(plan(Profile.QUICK, List.of("tcp"), List.of(64), EnumSet.of(Suite.RAW_RING), false).isEmpty());
    }

    @Test
    void chosenWaitsApplyWhereSupportedAndToTheSocketFloors() {
        List<PlannedCell> cells = RunPlan.build(Profile.QUICK, List.of("tcp", "shm-ring"), List.of("length"), List.of(4096),
                List.of(64), List.of("spin", "block"), EnumSet.of(Suite.ROUND_TRIP, Suite.RAW_SOCKET), false);
        assertEquals(Set.of("spin", "block"), cells.stream().filter(c -> "tcp".equals(c.param("transport"))
                && c.suite() == Suite.ROUND_TRIP).map(c -> c.param("wait")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of("spin"), cells.stream().filter(c -> "shm-ring".equals(c.param("transport")))
                .map(c -> c.param("wait")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, cells.stream().filter(c -> c.suite() == Suite.RAW_SOCKET).count(), "raw tcp, block and spin");
    }

    @Test
    void aForkNumberIsOneMoreThanTheCellsRecordsSoFar(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ResultFiles files = new ResultFiles(dir);
        java.util.Map<String, String> a = java.util.Map.of("transport", "tcp", "messageSize", "64");
        java.util.Map<String, String> b = java.util.Map.of("transport", "tcp", "messageSize", "1024");
        assertEquals(1, files.nextFork("X.y", a));
        files.appendCpu(new ResultFiles.CpuRecord("X.y", a, 1, 10, 1.0, 2.0, 0.5, 0.25));
        files.appendCpu(new ResultFiles.CpuRecord("X.y", b, 1, 10, 1.0, 2.0, 0.5, 0.25));
        assertEquals(2, files.nextFork("X.y", a));
        assertEquals(2, files.nextFork("X.y", b));
        assertEquals(1, files.nextFork("Other.z", a));
        assertEquals(2, files.readCpu().size());
    }

    @Test
    void cellFileNamesFollowTheContract() {
        PlannedCell c = plan(Profile.QUICK, List.of("tcp"), List.of(64), EnumSet.of(Suite.ROUND_TRIP), false).get(0);
        assertEquals("RoundTripBenchmark.roundTrip_tcp_fixed_4096_64_process_block",
                ResultFiles.cellName(c.suite().benchmarkName(), c.params()));
        java.util.Map<String, String> burst = new java.util.HashMap<>(c.params());
        burst.put("io", "selector");
        burst.put("clients", "10");
        assertEquals("RoundTripBenchmark.roundTrip_tcp_fixed_4096_64_process_block_io-selector_clients-10",
                ResultFiles.cellName(c.suite().benchmarkName(), burst));
    }

    @Test
    void theRateFlagIsRaisedWhenTheSenderFellBehind() {
        assertTrue(OpenLoopResult.achieved(10_000, 10_000));
        assertTrue(OpenLoopResult.achieved(10_000, 9_950));
        assertFalse(OpenLoopResult.achieved(10_000, 9_800));
        assertFalse(OpenLoopResult.achieved(100_000, 0));
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3);
        assertTrue(new OpenLoopResult(1000, 1000, 1_000_000_000L, h).rateAchieved());
        assertFalse(new OpenLoopResult(1000, 1000, 2_000_000_000L, h).rateAchieved(), "took twice as long");
    }
}
