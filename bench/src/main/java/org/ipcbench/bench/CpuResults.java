package org.ipcbench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code cpu.json} (one object per cell and fork: {@code benchmark}, {@code params}, {@code fork},
 * {@code ops}, {@code client_cpu_ns_per_op}, {@code peer_cpu_ns_per_op}, and in later runs
 * {@code minor_faults_per_op} and {@code involuntary_switches_per_op}) and attaches them to cells.
 */
final class CpuResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CpuResults() {
    }

    /** The cells, each with its CPU figures when cpu.json has entries for it. */
    static List<Cell> attach(Path file, List<Cell> cells) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a CPU result (expected an array)");
        }
        Map<String, List<double[]>> byKey = new LinkedHashMap<>();
        for (JsonNode e : root) {
            TreeMap<String, String> params = JmhResults.params(e.path("params"));
            String bench = e.path("benchmark").asText("");
            Double client = JmhResults.number(e.path("client_cpu_ns_per_op"));
            Double peer = JmhResults.number(e.path("peer_cpu_ns_per_op"));
            Double faults = JmhResults.number(e.path("minor_faults_per_op"));
            Double switches = JmhResults.number(e.path("involuntary_switches_per_op"));
            if (client == null && peer == null) {
                continue;
            }
            byKey.computeIfAbsent(bench + " " + params, k -> new ArrayList<>())
                    .add(new double[] {client == null ? 0 : client / 1000, peer == null ? 0 : peer / 1000,
                            faults == null ? Double.NaN : faults, switches == null ? Double.NaN : switches});
        }
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            List<double[]> forks = byKey.get(c.key());
            if (forks == null) {
                forks = byKey.get(c.shortName() + " " + c.params());
            }
            if (forks == null || forks.isEmpty()) {
                out.add(c);
                continue;
            }
            List<Double> client = new ArrayList<>();
            List<Double> peer = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            List<Double> faults = new ArrayList<>();
            List<Double> switches = new ArrayList<>();
            for (double[] f : forks) {
                client.add(f[0]);
                peer.add(f[1]);
                total.add(f[0] + f[1]);
                if (!Double.isNaN(f[2])) {
                    faults.add(f[2]);
                }
                if (!Double.isNaN(f[3])) {
                    switches.add(f[3]);
                }
            }
            out.add(c.withCpu(new Cell.Cpu(Spread.median(client), Spread.median(peer), Spread.median(total), total,
                    faults.isEmpty() ? null : Spread.median(faults),
                    switches.isEmpty() ? null : Spread.median(switches))));
        }
        return out;
    }
}
