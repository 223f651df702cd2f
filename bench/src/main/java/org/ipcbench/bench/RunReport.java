package org.ipcbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run directory's generated files, {@code README.md}, {@code findings.md}, {@code decisions.md} (the
 * findings' decision table alone, which the top-level README quotes) and {@code charts/}.
 */
final class RunReport {

    static final String README = "README.md";
    static final String FINDINGS = "findings.md";
    static final String DECISIONS = "decisions.md";
    static final String CHARTS = "charts";

    private RunReport() {
    }

    /** Reads the raw data of {@code dir} and writes the report into it; returns the charts drawn. */
    static List<ChartSet.ChartFile> write(Path dir) throws IOException {
        if (!hasRawData(dir)) {
            throw new IllegalArgumentException("no run data in " + dir + " (expected " + RunDirectory.JMH + ", "
                    + RunDirectory.CPU + " or " + RunDirectory.METADATA + ")");
        }
        RunDirectory run = RunDirectory.read(dir);
        List<ChartSet.ChartFile> charts = ChartSet.draw(run, dir.resolve(CHARTS));
        Files.writeString(dir.resolve(README), RunReadme.render(run, charts), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(FINDINGS), Findings.render(run), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(DECISIONS), Findings.decisionTable(run.cells()), StandardCharsets.UTF_8);
        return charts;
    }

    /** Whether a directory holds any of a run's raw files. */
    static boolean hasRawData(Path dir) {
        // A demo's or an interleaved run's directory has metadata too, but its raw data is lines of JSON, and its
        // table is DemoTable's or InterleaveTable's.
        return Files.isDirectory(dir) && !Files.isRegularFile(dir.resolve(DemoTable.DATA))
                && !Files.isRegularFile(dir.resolve(InterleaveTable.DATA))
                && (Files.isRegularFile(dir.resolve(RunDirectory.JMH))
                || Files.isRegularFile(dir.resolve(RunDirectory.CPU))
                || Files.isRegularFile(dir.resolve(RunDirectory.METADATA)));
    }
}
