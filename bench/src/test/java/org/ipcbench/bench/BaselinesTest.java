package org.ipcbench.bench;

import static org.ipcbench.bench.TestCells.roundTrip;
import static org.ipcbench.bench.TestCells.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final String RAW = "org.ipcbench.bench.RawBaselines.";

    @Test
    void rawBaselinesAreKnownByNameOrByTransport() {
        Cell byName = roundTrip(RAW + "tcpSocketChannel", null, 64, 20.0, 20.0, 20.0);
        Cell byParam = roundTrip(TestCells.ROUND_TRIP, "raw-unix", 64, 15.0, 15.0, 15.0);
        assertTrue(Baselines.isRaw(byName));
        assertEquals("raw-tcp", Baselines.floorOf(byName));
        assertTrue(Baselines.isRaw(byParam));
        assertEquals("raw-unix", Baselines.floorOf(byParam));
        assertEquals("raw-agrona", Baselines.floorOf(roundTrip(RAW + "agronaRing", null, 64, 1.0)));
        assertEquals("raw-aeron", Baselines.floorOf(roundTrip(RAW + "aeronIpc", null, 64, 1.0)));
        assertEquals("raw-chronicle", Baselines.floorOf(roundTrip(RAW + "chronicleQueue", null, 64, 1.0)));
        assertFalse(Baselines.isRaw(roundTrip("tcp", 64, 1.0)));
        // The runner's names: a raw socket benchmark with a transport parameter, the raw ring, Aeron IPC.
        Cell rawSocket = roundTrip("org.ipcbench.bench.RawSocketBenchmark.roundTrip", "unix-jdk", 64, 1.0);
        assertTrue(Baselines.isRaw(rawSocket));
        assertEquals("raw-unix", Baselines.floorOf(rawSocket));
        assertEquals("raw-agrona", Baselines.floorOf(roundTrip("org.ipcbench.bench.RawRingBenchmark.roundTrip", null,
                64, 1.0)));
        Cell aeron = roundTrip("org.ipcbench.bench.AeronIpcBenchmark.roundTrip", null, 64, 1.0);
        assertTrue(Baselines.isRaw(aeron));
        assertEquals("raw-aeron", Baselines.floorOf(aeron));
        assertEquals("raw-chronicle", Baselines.floorOf(roundTrip(
                "org.ipcbench.bench.RawChronicleBenchmark.roundTrip", null, 64, 1.0)));
    }

    @Test
    void aRawSocketFloorWithTheSameFramingAndBufferIsPreferred() {
        Cell tcp = roundTrip("tcp", 64, 30.0, 30.0, 30.0);
        Cell sameFraming = roundTrip("org.ipcbench.bench.RawSocketBenchmark.roundTrip", "tcp", 64, 20.0);
        java.util.TreeMap<String, String> p = new java.util.TreeMap<>(sameFraming.params());
        p.put("framing", "length");
        Cell otherFraming = new Cell(sameFraming.benchmark(), Cell.SAMPLE, p, 10.0, 30.0, 50.0, 100.0, null,
                List.of(), List.of(), List.of(), Map.of(), null);
        List<Baselines.Ratio> r = Baselines.ratios(tcp, List.of(tcp, otherFraming, sameFraming), Goal.P50);
        assertEquals(1.5, r.get(0).ratio(), 1e-9);
    }

    @Test
    void latencyRatioIsValueOverFloorAtTheSameSize() {
        Cell tcp = roundTrip("tcp", 64, 30.0, 30.0, 30.0);
        List<Cell> all = List.of(tcp, roundTrip(RAW + "tcpSocketChannel", null, 64, 20.0, 20.0, 20.0),
                roundTrip(RAW + "tcpSocketChannel", null, 1024, 5.0, 5.0, 5.0));
        List<Baselines.Ratio> r = Baselines.ratios(tcp, all, Goal.P50);
        assertEquals(1, r.size());
        assertEquals("raw-tcp", r.get(0).floor());
        assertEquals(1.5, r.get(0).ratio(), 1e-9);
    }

    @Test
    void bothUnixTransportsShareTheRawUnixFloor() {
        List<Cell> floors = List.of(roundTrip(RAW + "unixSocketChannel", null, 64, 10.0, 10.0, 10.0));
        for (String t : List.of("unix", "unix-jdk")) {
            Cell c = roundTrip(t, 64, 12.0, 12.0, 12.0);
            List<Cell> all = new java.util.ArrayList<>(floors);
            all.add(c);
            assertEquals(1.2, Baselines.ratios(c, all, Goal.P50).get(0).ratio(), 1e-9);
        }
    }

    @Test
    void theRingIsComparedWithAgronaAndAeron() {
        Cell ring = roundTrip("shm-ring", 64, 0.6, 0.6, 0.6);
        List<Cell> all = List.of(ring, roundTrip(RAW + "agronaRing", null, 64, 0.4, 0.4, 0.4),
                roundTrip(RAW + "aeronIpc", null, 64, 0.5, 0.5, 0.5));
        List<Baselines.Ratio> r = Baselines.ratios(ring, all, Goal.P50);
        assertEquals(List.of("raw-agrona", "raw-aeron"), r.stream().map(Baselines.Ratio::floor).toList());
        assertEquals(1.5, r.get(0).ratio(), 1e-9);
        assertEquals(1.2, r.get(1).ratio(), 1e-9);
    }

    @Test
    void throughputRatioIsFloorOverValueSoOneIsTheFloor() {
        Cell shm = stream("shm", 64, 500.0, 500.0, 500.0);
        TreeMap<String, String> p = new TreeMap<>(Map.of("messageSize", "64"));
        Cell floor = new Cell(RAW + "chronicleStream", Cell.THROUGHPUT, p, null, null, null, null, 1000.0,
                List.of(), List.of(), List.of(1000.0, 1000.0), Map.of(), null);
        assertEquals(2.0, Baselines.ratios(shm, List.of(shm, floor), Goal.THROUGHPUT).get(0).ratio(), 1e-9);
    }

    @Test
    void aTransportWithoutItsFloorHasNoRatio() {
        Cell tcp = roundTrip("tcp", 64, 30.0, 30.0, 30.0);
        assertTrue(Baselines.ratios(tcp, List.of(tcp), Goal.P50).isEmpty());
    }
}
