package org.ipcbench.bench;

import static org.ipcbench.bench.TestCells.roundTrip;
import static org.ipcbench.bench.TestCells.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void aMarginAboveTheNoiseIsAClearWinner() {
        List<Cell> cells = List.of(
                roundTrip("alpha", 64, 10.0, 9.9, 10.1),   // spread 2%
                roundTrip("beta", 64, 20.0, 19.8, 20.2));  // spread 2%
        Decision d = Decision.decide(cells, TestCells.ROUND_TRIP, 64, Goal.P50);
        assertEquals("alpha", d.best().transport());
        assertEquals("beta", d.runnerUp().transport());
        assertEquals(1.0, d.margin(), 1e-9);
        assertTrue(d.clearWinner());
        assertTrue(d.verdict().startsWith("clear winner"), d.verdict());
    }

    @Test
    void aMarginWithinTheNoiseIsNoClearWinner() {
        List<Cell> cells = List.of(
                roundTrip("alpha", 64, 10.0, 8.0, 12.0),   // spread 40%
                roundTrip("beta", 64, 11.0, 10.9, 11.1));
        Decision d = Decision.decide(cells, TestCells.ROUND_TRIP, 64, Goal.P50);
        assertEquals("alpha", d.best().transport());
        assertFalse(d.clearWinner());
        assertTrue(d.verdict().startsWith("no clear winner"), d.verdict());
    }

    @Test
    void oneForkMeansTheNoiseIsUnknownAndNoWinnerIsClaimed() {
        List<Cell> cells = List.of(roundTrip("alpha", 64, 10.0, 10.0), roundTrip("beta", 64, 50.0, 50.0));
        Decision d = Decision.decide(cells, TestCells.ROUND_TRIP, 64, Goal.P50);
        assertNull(d.noise());
        assertFalse(d.clearWinner());
        assertTrue(d.verdict().contains("noise not measured"), d.verdict());
    }

    @Test
    void throughputRanksTheHighestFirst() {
        List<Cell> cells = List.of(stream("slow", 64, 1000.0, 1000.0, 1001.0),
                stream("fast", 64, 5000.0, 4999.0, 5001.0));
        Decision d = Decision.decide(cells, TestCells.STREAM, 64, Goal.THROUGHPUT);
        assertEquals("fast", d.best().transport());
        assertEquals(4.0, d.margin(), 1e-9);
        assertTrue(d.clearWinner());
    }

    @Test
    void rawBaselinesAreFloorsNotCandidates() {
        List<Cell> cells = List.of(
                roundTrip("org.ipcbench.bench.RawBaselines.tcpSocketChannel", null, 64, 1.0, 1.0, 1.0),
                roundTrip("alpha", 64, 10.0, 10.0, 10.1));
        Decision d = Decision.decide(cells, TestCells.ROUND_TRIP, 64, Goal.P50);
        assertEquals("alpha", d.best().transport());
        assertNull(d.runnerUp());
        assertEquals("only one candidate measured", d.verdict());
    }

    @Test
    void aDiagnosticIsNoCandidate() {
        Cell ringPath = new Cell("org.ipcbench.bench.RingPathBenchmark.roundTrip", Cell.THROUGHPUT,
                new java.util.TreeMap<>(java.util.Map.of("path", "raw", "messageSize", "64")), null, null, null, null,
                6e6, List.of(), List.of(), List.of(6e6, 6e6), java.util.Map.of(), null);
        assertTrue(ringPath.diagnostic());
        assertFalse(Decision.candidate(ringPath));
        assertTrue(Decision.candidate(stream("alpha", 64, 1e6, 1e6, 1e6)));
    }

    @Test
    void aGoalNobodyMeasuredSaysSo() {
        List<Cell> cells = List.of(roundTrip("alpha", 64, 10.0, 10.0, 10.1));
        List<Decision> all = Decision.all(cells);
        Decision throughput = all.stream().filter(x -> x.goal() == Goal.THROUGHPUT).findFirst().orElseThrow();
        assertEquals("not measured in this run", throughput.verdict());
        Decision cpu = all.stream().filter(x -> x.goal() == Goal.CPU).findFirst().orElseThrow();
        assertFalse(cpu.measured());
    }

    @Test
    void spreadIsMaxMinusMinOverMedian() {
        assertEquals(0.2, Spread.of(List.of(9.0, 10.0, 11.0)), 1e-9);
        assertNull(Spread.of(List.of(10.0)));
        assertTrue(Spread.noisy(0.11));
        assertFalse(Spread.noisy(0.10));
    }
}
