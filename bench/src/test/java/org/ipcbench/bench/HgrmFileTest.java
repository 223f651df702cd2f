package org.ipcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HgrmFileTest {

    @Test
    void readsWhatHdrHistogramWritesAndFindsItsCell(@TempDir Path tmp) throws IOException {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int i = 1; i <= 10_000; i++) {
            h.recordValue(10_000 + i);   // nanoseconds: 10 to 20 µs
        }
        Path file = tmp.resolve("RoundTripBenchmark.roundTrip_shm-ring_length_8192_64_process_spin_fork2.hgrm");
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, "UTF-8")) {
            h.outputPercentileDistribution(out, 1000.0);   // in microseconds
        }
        HgrmFile hgrm = HgrmFile.named(file).orElseThrow();
        assertEquals(2, hgrm.fork());
        assertEquals("RoundTripBenchmark.roundTrip", hgrm.benchmark());
        assertEquals("shm-ring", hgrm.params().get("transport"));
        List<HgrmFile.Point> points = hgrm.points();
        assertTrue(points.size() > 20, points.toString());
        HgrmFile.Point last = points.get(points.size() - 1);
        assertEquals(1.0, last.percentile(), 1e-12);
        assertEquals(20.0, last.micros(), 0.05);
        assertEquals(10.0, points.get(0).micros(), 0.05);

        TreeMap<String, String> params = new TreeMap<>(Map.of("transport", "shm-ring", "framing", "length",
                "bufferSize", "8192", "messageSize", "64", "peer", "process", "wait", "spin"));
        Cell cell = new Cell("org.ipcbench.bench.RoundTripBenchmark.roundTrip", Cell.SAMPLE, params, 1.0, 1.0, 1.0,
                1.0, null, List.of(), List.of(), List.of(), Map.of(), null);
        assertTrue(hgrm.belongsTo(cell));
        TreeMap<String, String> other = new TreeMap<>(params);
        other.put("wait", "block");
        assertFalse(hgrm.belongsTo(new Cell(cell.benchmark(), Cell.SAMPLE, other, 1.0, 1.0, 1.0, 1.0, null,
                List.of(), List.of(), List.of(), Map.of(), null)));
        assertTrue(HgrmFile.named(tmp.resolve("notes.txt")).isEmpty());
    }

    @Test
    void aServerModelOrClientCountInTheNameFindsOnlyItsCell(@TempDir Path tmp) {
        TreeMap<String, String> params = new TreeMap<>(Map.of("transport", "unix-jdk", "framing", "length",
                "bufferSize", "4096", "messageSize", "64", "peer", "process", "wait", "block", "io", "selector",
                "clients", "100"));
        HgrmFile burst = HgrmFile.named(tmp.resolve(ResultFiles.cellName("RoundTripBenchmark.roundTrip", params)
                + "_fork3.hgrm")).orElseThrow();
        assertEquals("RoundTripBenchmark.roundTrip", burst.benchmark());
        assertEquals(3, burst.fork());
        assertEquals(params, burst.params());
        TreeMap<String, String> single = new TreeMap<>(params);
        single.put("io", "blocking");
        single.put("clients", "1");
        HgrmFile plain = HgrmFile.named(tmp.resolve(ResultFiles.cellName("RoundTripBenchmark.roundTrip", single)
                + "_fork1.hgrm")).orElseThrow();
        assertEquals(single, plain.params());
        assertTrue(burst.belongsTo(cell(params)));
        assertFalse(burst.belongsTo(cell(single)));
        assertTrue(plain.belongsTo(cell(single)));
        assertFalse(plain.belongsTo(cell(params)), "a name without io and clients is the default cell only");
        TreeMap<String, String> before = new TreeMap<>(single);
        before.remove("io");
        before.remove("clients");
        assertTrue(plain.belongsTo(cell(before)), "a cell of a run before io and clients existed");
    }

    private static Cell cell(TreeMap<String, String> params) {
        return new Cell("org.ipcbench.bench.RoundTripBenchmark.roundTrip", Cell.SAMPLE, params, 1.0, 1.0, 1.0, 1.0,
                null, List.of(), List.of(), List.of(), Map.of(), null);
    }
}
