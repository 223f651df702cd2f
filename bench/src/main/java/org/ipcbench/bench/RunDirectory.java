package org.ipcbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The raw data of one run directory ({@code jmh-result.json}, {@code cpu.json}, {@code metadata.json},
 * {@code hgrm/}), read leniently: what is missing becomes a note, not a failure.
 */
final class RunDirectory {

    static final String JMH = "jmh-result.json";
    static final String CPU = "cpu.json";
    static final String METADATA = "metadata.json";
    static final String HGRM = "hgrm";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<Cell> cells;
    private final JsonNode metadata;
    private final List<HgrmFile> histograms;
    private final List<String> notes;

    private RunDirectory(Path dir, List<Cell> cells, JsonNode metadata, List<HgrmFile> histograms,
                         List<String> notes) {
        this.dir = dir;
        this.cells = List.copyOf(cells);
        this.metadata = metadata;
        this.histograms = List.copyOf(histograms);
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads a run directory. A directory that does not exist is a usage error; a file that is missing is a
     * note; a file that is there but unreadable is an IOException.
     */
    static RunDirectory read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no run directory at " + dir);
        }
        List<String> notes = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        Path jmh = dir.resolve(JMH);
        if (Files.isRegularFile(jmh)) {
            cells.addAll(JmhResults.read(jmh));
        } else {
            notes.add("Latency and throughput: not measured in this run (no " + JMH + ").");
        }
        Path cpu = dir.resolve(CPU);
        if (Files.isRegularFile(cpu)) {
            cells = CpuResults.attach(cpu, cells);
        } else {
            notes.add("CPU per message: not measured in this run (no " + CPU + ").");
        }
        cells.sort(Comparator.comparing(Cell::benchmark).thenComparing(Cell::params, RunDirectory::compareParams)
                .thenComparing(Cell::mode));
        JsonNode metadata = MissingNode.getInstance();
        Path meta = dir.resolve(METADATA);
        if (Files.isRegularFile(meta)) {
            metadata = JSON.readTree(meta.toFile());
        } else {
            notes.add("Machine and run: not recorded (no " + METADATA + ").");
        }
        List<HgrmFile> histograms = new ArrayList<>();
        Path hgrm = dir.resolve(HGRM);
        if (Files.isDirectory(hgrm)) {
            try (Stream<Path> files = Files.list(hgrm)) {
                for (Path p : files.sorted().collect(Collectors.toList())) {
                    HgrmFile.named(p).ifPresent(histograms::add);
                }
            }
        } else {
            notes.add("Percentile spectra: not measured in this run (no " + HGRM + "/ directory).");
        }
        return new RunDirectory(dir, cells, metadata, histograms, notes);
    }

    /** Parameters compared key by key, numbers as numbers, so 4096 sorts before 65536. */
    static int compareParams(java.util.SortedMap<String, String> a, java.util.SortedMap<String, String> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> ordered = Cell.settingKeys(keys);
        ordered.add(0, "messageSize");
        for (String k : ordered) {
            int c = compareValues(a.get(k), b.get(k));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int compareValues(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    Path dir() {
        return dir;
    }

    List<Cell> cells() {
        return cells;
    }

    /** {@code metadata.json}, or a missing node. */
    JsonNode metadata() {
        return metadata;
    }

    /** A metadata field as text, or {@code null} when it is absent. */
    String meta(String field) {
        JsonNode n = metadata.path(field);
        return n.isMissingNode() || n.isNull() ? null : (n.isValueNode() ? n.asText() : n.toString());
    }

    List<HgrmFile> histograms() {
        return histograms;
    }

    /** The histogram files of a cell, by fork. */
    List<HgrmFile> histogramsOf(Cell cell) {
        return histograms.stream().filter(h -> h.belongsTo(cell)).sorted(Comparator.comparingInt(HgrmFile::fork))
                .collect(Collectors.toList());
    }

    Optional<HgrmFile> firstHistogramOf(Cell cell) {
        return histogramsOf(cell).stream().findFirst();
    }

    /** What the run lacks, as sentences for the report. */
    List<String> notes() {
        return notes;
    }
}
