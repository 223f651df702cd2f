package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** ipcbench interleave: the ratios it computes, and a real run as small as it goes. */
class InterleaveTest {

    private static InterleaveTable.Phase phase(int cycle, String contender, String role, double p50) {
        return new InterleaveTable.Phase(cycle, contender, role, p50, 10 * p50, 1000);
    }

    @Test
    void aRatioPairsPhasesOfTheSameCycleAndSkipsACycleTheFloorMissed() {
        List<InterleaveTable.Phase> t = List.of(phase(1, "shm-ring", "transport", 1.0),
                phase(2, "shm-ring", "transport", 2.0), phase(3, "shm-ring", "transport", 1.1),
                phase(4, "shm-ring", "transport", 9.0));
        List<InterleaveTable.Phase> f = List.of(phase(1, "raw-ring", "floor", 0.5), phase(2, "raw-ring", "floor", 1.0),
                phase(3, "raw-ring", "floor", 1.0));
        assertArrayEquals(new double[] {1.1, 2.0, 2.0}, InterleaveTable.perCycle(t, f), 1e-9);
        // The ratio of the medians would be 1.55 / 1.0; pairing by cycle gives 2.0: the machine moved under both.
        String table = InterleaveTable.render(java.util.stream.Stream.concat(t.stream(), f.stream()).toList());
        assertTrue(table.contains("| shm-ring | raw-ring | 3 | 2.00× | 1.55–2.00× | 1.10–2.00× |"), table);
        assertTrue(table.indexOf("| shm-ring | transport |") < table.indexOf("| raw-ring | floor |"), table);
    }

    @Test
    void quantilesInterpolateBetweenNeighbours() {
        double[] v = {1, 2, 3, 4};
        assertEquals(2.5, InterleaveTable.quantile(v, 0.5), 1e-9);
        assertEquals(1.75, InterleaveTable.quantile(v, 0.25), 1e-9);
        assertEquals(4, InterleaveTable.quantile(v, 1), 1e-9);
        assertEquals(7, InterleaveTable.quantile(new double[] {7}, 0.25), 1e-9);
    }

    @Test
    void aPhaseThatRecordedNothingIsLeftOut(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(InterleaveTable.DATA), String.join("\n",
                "{\"cycle\":1,\"contender\":\"shm-ring\",\"role\":\"transport\",\"round_trips\":0,\"p50_us\":0.0}",
                "{\"cycle\":1,\"contender\":\"raw-ring\",\"role\":\"floor\",\"round_trips\":5,\"p50_us\":0.5}",
                "{\"cycle\":2,\"contender\":\"shm-ring\",\"role\":\"transport\",\"round_trips\":5,\"p50_us\":0.6}",
                "{\"cycle\":2,\"contender\":\"raw-ring\",\"role\":\"floor\",\"round_trips\":5,\"p50_us\":0.5}"));
        List<InterleaveTable.Phase> phases = InterleaveTable.read(dir.resolve(InterleaveTable.DATA));
        assertEquals(3, phases.size());
        InterleaveTable.write(dir);
        assertTrue(Files.readString(dir.resolve(InterleaveTable.TABLE)).contains("| shm-ring | raw-ring | 1 | 1.20× |"));
    }

    @Test
    void aShortRunWritesEveryPhaseAndLeavesNoProcessOrFile(@TempDir Path out) throws Exception {
        Instant started = Instant.now();
        int code = Main.run("interleave", "--transports", "shm-ring", "--floors", "raw-ring", "--cycles", "2",
                "--phase", "150ms", "--settle", "20ms", "--out", out.toString());
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out.resolve(InterleaveTable.DATA));
        assertEquals(4, lines.size(), "2 cycles x 2 contenders");
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertTrue(n.path("round_trips").asLong() > 0, line);
            assertTrue(n.path("p50_us").asDouble() > 0, line);
        }
        assertEquals("shm-ring", json.readTree(lines.get(0)).path("contender").asText(), "cycle 1 starts with the first");
        assertEquals("raw-ring", json.readTree(lines.get(2)).path("contender").asText(), "cycle 2 starts with the next");
        for (String name : List.of("shm-ring", "raw-ring")) {
            assertTrue(Files.readString(out.resolve("hgrm").resolve(name + ".hgrm")).contains("Percentile"), name);
        }
        String table = Files.readString(out.resolve(InterleaveTable.TABLE));
        assertTrue(table.contains("| shm-ring | raw-ring | 2 |"), table);
        assertEquals("interleave", json.readTree(out.resolve("metadata.json").toFile()).path("kind").asText());
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(t -> !t.isBefore(started)).orElse(true))
                .map(ProcessHandle::pid).toList(), "every peer it started stopped");
        try (var files = Files.list(Path.of(Metadata.SHM_DIR))) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith("ipcbench-ring-"))
                    .filter(p -> modifiedSince(p, started)).toList(), "no ring file left in " + Metadata.SHM_DIR);
        }
    }

    private static boolean modifiedSince(Path p, Instant t) {
        try {
            return !Files.getLastModifiedTime(p).toInstant().isBefore(t);
        } catch (java.io.IOException gone) {
            return false;
        }
    }
}
