package org.ipcbench.bench;

import static org.ipcbench.bench.ReportTest.fixture;
import static org.ipcbench.bench.ReportTest.run;
import static org.ipcbench.bench.TestCells.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCompareTest {

    @Test
    void aSizeBetweenMeasuredOnesSaysWhichMeasuredSizeItUsed(@TempDir Path tmp) throws IOException {
        Path dir = fixture("full", tmp.resolve("run"));
        ReportTest.Result r = run("recommend", "--results", dir.toString(), "--message-size", "1000", "--goal", "p50");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("1000 B was not measured; using the nearest measured size, 1 KiB "
                + "(measured: 64 B, 1 KiB)."), r.out());
        assertTrue(r.out().contains("Choose: "), r.out());
        assertTrue(r.out().contains("Runner-up: "), r.out());
        assertTrue(r.out().contains("no clear winner"), r.out());
    }

    @Test
    void aMeasuredSizeIsUsedAsItIs(@TempDir Path tmp) throws IOException {
        Path dir = fixture("full", tmp.resolve("run"));
        ReportTest.Result r = run("recommend", "--results", dir.toString(), "--message-size", "64", "--goal",
                "throughput");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Goal: highest throughput"), r.out());
        assertTrue(r.out().contains("a clear winner"), r.out());
    }

    @Test
    void aGoalTheRunDidNotMeasureFailsWithOneLine(@TempDir Path tmp) throws IOException {
        Path dir = fixture("partial", tmp.resolve("run"));
        ReportTest.Result r = run("recommend", "--results", dir.toString(), "--message-size", "64", "--goal", "cpu");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("not measured in this run"), r.err());
    }

    @Test
    void nearestSizeIsByRatioAndTiesGoUp() {
        TreeSet<Integer> sizes = new TreeSet<>(java.util.List.of(64, 1024, 65536));
        assertEquals(64, Recommendation.nearest(sizes, 100));
        assertEquals(1024, Recommendation.nearest(sizes, 256));   // 4× from both: the larger
        assertEquals(65536, Recommendation.nearest(sizes, 1 << 20));
        assertEquals(64, Recommendation.nearest(sizes, 1));
    }

    @Test
    void compareSaysFasterSlowerOrWithinNoise() {
        Cell a = roundTrip("tcp", 64, 30.0, 29.7, 30.3);            // spread 2%
        Cell faster = roundTrip("tcp", 64, 20.0, 19.8, 20.2);
        Cell slower = roundTrip("tcp", 64, 40.0, 39.6, 40.4);
        Cell same = roundTrip("tcp", 64, 30.3, 30.0, 30.6);
        Cell noisy = roundTrip("tcp", 64, 33.0, 27.0, 39.0);          // spread 36%
        assertEquals("faster", CompareCommand.verdict(Comparison.of(a, faster, Goal.P50)));
        assertEquals("slower", CompareCommand.verdict(Comparison.of(a, slower, Goal.P50)));
        assertEquals("within noise", CompareCommand.verdict(Comparison.of(a, same, Goal.P50)));
        assertEquals("within noise", CompareCommand.verdict(Comparison.of(a, noisy, Goal.P50)));
        Cell one = roundTrip("tcp", 64, 10.0, 10.0);
        assertEquals("noise not measured", CompareCommand.verdict(Comparison.of(a, one, Goal.P50)));
        Cell s1 = TestCells.stream("tcp", 64, 1000.0, 990.0, 1010.0);
        Cell s2 = TestCells.stream("tcp", 64, 2000.0, 1990.0, 2010.0);
        assertEquals("faster", CompareCommand.verdict(Comparison.of(s1, s2, Goal.THROUGHPUT)));
    }

    @Test
    void aRunWhoseTcpCellsTookTwiceAsLongIsSlowerThereOnly(@TempDir Path tmp) throws IOException {
        Path a = fixture("full", tmp.resolve("a"));
        Path b = fixture("full", tmp.resolve("b"));
        ObjectMapper json = new ObjectMapper();
        ArrayNode results = (ArrayNode) json.readTree(b.resolve(RunDirectory.JMH).toFile());
        for (JsonNode r : results) {
            if ("tcp".equals(r.path("params").path("transport").asText()) && "sample".equals(r.path("mode").asText())) {
                ObjectNode pct = (ObjectNode) r.path("primaryMetric").path("scorePercentiles");
                java.util.List<String> keys = new java.util.ArrayList<>();
                pct.fieldNames().forEachRemaining(keys::add);
                keys.forEach(k -> pct.put(k, pct.path(k).asDouble() * 2));
                for (JsonNode fork : r.path("primaryMetric").path("rawDataHistogram")) {
                    for (JsonNode iteration : fork) {
                        for (JsonNode pair : iteration) {
                            ((ArrayNode) pair).set(0, pair.path(0).asDouble() * 2);
                        }
                    }
                }
            }
        }
        json.writeValue(b.resolve(RunDirectory.JMH).toFile(), results);
        ReportTest.Result r = run("compare", a.toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        for (String line : r.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| cell") && !l.startsWith("| ---")).toList()) {
            boolean tcpRoundTrip = line.contains(", tcp,") && (line.contains("| p50 |") || line.contains("| p99 |"));
            assertTrue(line.endsWith(tcpRoundTrip ? "| slower |" : "| within noise |"), line);
            if (tcpRoundTrip) {
                assertTrue(line.contains("| 2.00× |"), line);
            }
        }
        assertTrue(r.out().contains("slower"), r.out());
    }

    @Test
    void comparingARunWithItselfIsAllWithinNoise(@TempDir Path tmp) throws IOException {
        Path a = fixture("full", tmp.resolve("a"));
        Path b = fixture("partial", tmp.resolve("b"));
        ReportTest.Result same = run("compare", a.toString(), a.toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("| B ÷ A |"), same.out());
        assertTrue(same.out().contains("within noise"), same.out());
        assertTrue(!same.out().contains("| faster |") && !same.out().contains("| slower |"), same.out());
        ReportTest.Result other = run("compare", a.toString(), b.toString());
        assertEquals(0, other.code(), other.err());
        assertTrue(other.out().contains("Only in A:\n- "), other.out());
    }
}
